#pragma once

#include <cstdint>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha {

/// A fingerprint of a database's structure: FNV-1a 64 over the sorted list of
/// tables, columns (type, nullability, primary key) and declared foreign keys.
/// Data, comments, sampled values and inferred relationships are left out, so
/// it changes exactly when the schema does and caches keyed on it stay valid
/// across restarts (the hash is stable across processes and platforms).
uint64_t compute_schema_version(const std::vector<table_info>& tables,
                                const std::vector<relationship>& relationships);

} // namespace medha
