#pragma once

#include <optional>
#include <string_view>

#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// Questions about the data itself, which people ask first: what tables there
/// are, what a table holds, a sample of its rows, how many rows each table
/// has, the most common values of a column, a profile of a column or table.
/// Answered from the model (the catalog) and guarded queries, as an ordinary
/// answer plan. nullopt when the question is not one of these; a clarify
/// plan when it is, but names no table (or column) of the model.
std::optional<sql_plan> answer_schema_question(const indexed_model& model,
                                               std::string_view question);
/// A question about how the data is kept that answer_schema_question could
/// not answer: a clarify naming the tables; nullopt for any other question.
std::optional<sql_plan> unanswered_schema_question(const indexed_model& model, std::string_view question);
/// "And about the invoices?" right after a table's columns were listed (the
/// previous query says so): the invoices' columns; "which one keeps the
/// refunds?" right after the tables were listed: that table; nullopt
/// otherwise.
std::optional<sql_plan> schema_follow_up(const indexed_model& model, std::string_view question,
                                         std::string_view previous_query_json);
/// The same for callers that hold the model alone (the index comes from
/// index_for's cache).
std::optional<sql_plan> answer_schema_question(const semantic_model& model,
                                               std::string_view question);
std::optional<sql_plan> unanswered_schema_question(const semantic_model& model, std::string_view question);

} // namespace medha::sqlgen
