#pragma once

#include <optional>
#include <string>

#include "messages/error.hpp"
#include "messages/semantic_model.hpp"

namespace medha {

/// Enriches an introspected model with a user's model file (JSON; comments
/// and trailing commas allowed). Two formats, told apart by their keys:
///
///  - Medha's own (config/models/README.md): "description", "metrics",
///    "glossary", "rules", "examples", "tables" (table and column
///    descriptions); every key optional;
///  - defog's (sql-eval): "table_metadata" maps each table to a list of
///    {column_name, data_type, column_description}; "glossary" is free text.
///
/// Table and column descriptions fill only what the database left empty: a
/// COMMENT ON in the database wins over the file. Metrics replace metrics of
/// the same name; glossary terms, rules and examples are appended. Tables and
/// columns the database does not have are skipped, as are unknown keys (so a
/// file can outlive a schema change or carry notes).
///
/// All or nothing: on error the model is left unchanged and a bad_request
/// error names the file and the offending path, e.g.
/// "metrics[2].expression must be a string". Never throws.
std::optional<medha_error> apply_model_file(semantic_model& model, const std::string& path);

} // namespace medha
