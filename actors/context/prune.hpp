#pragma once

#include <string>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha {

/// The part of a model a question needs: the `keep` tables plus the tables on
/// the shortest join paths between them, with their relationships, metrics,
/// rules and examples. Keeps later stages (and LLM prompts) small on large
/// schemas. Unknown names in `keep` are ignored; an empty result falls back
/// to the whole model.
semantic_model prune_model(const semantic_model& model, const std::vector<std::string>& keep);

/// Table names a SQL text mentions as quoted or bare identifiers that exist
/// in the model (a follow-up must still see the tables of the last query).
std::vector<std::string> tables_in_sql(const semantic_model& model, const std::string& sql);

} // namespace medha
