#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "actors/context/infer_relationships.hpp"
#include "messages/semantic_model.hpp"

namespace medha {

/// Everything the catalog queries say of a database before any of its data is
/// read, as one text: the database connected to (`connection`), the schema
/// version (schema_version.hpp) and what it leaves out but a model is built
/// from — table and column comments, views, unique keys and enum labels.
/// Equal texts, equal structure: the shared metadata cache keys on it.
std::string structure_fingerprint(const std::string& connection, const std::vector<table_info>& tables,
                                  const std::vector<relationship>& declared, const unique_columns& unique,
                                  const std::map<int64_t, std::vector<std::string>>& enum_labels);

} // namespace medha
