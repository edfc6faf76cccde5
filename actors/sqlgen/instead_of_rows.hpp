#pragma once

#include <optional>
#include <string>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// "what about suppliers?" after a number about other rows, read as a list
/// of the rows named (`fresh`): a clarify offering their count and the last
/// number split by them; nullopt when the question is not of that kind.
std::optional<sql_plan> ask_about_rows_named_instead(const indexed_model& model, const query& previous,
                                                     const reading& r, const query& fresh,
                                                     const std::string& previous_json);

} // namespace medha::sqlgen
