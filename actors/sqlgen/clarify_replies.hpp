#pragma once

// The words of the engine's clarify replies (embedded_engine.cpp): what was
// understood, and choices the user can send back as the next turn.

#include <string>
#include <string_view>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// A clarify plan with the query structure it was about.

sql_plan clarify(std::string understood, std::vector<clarify_choice> choices,
                 std::string query_json, double confidence);

/// A clarify's query marked as asked back: no answer was given, and what
/// was asked about stays unconfirmed for the next turn (the previous,
/// answered query handed back as it was stays confirmed). A first question
/// asked back still leaves a turn behind: "show them" next must not read as
/// a question with nothing before it.
void mark_asked_back(sql_plan& plan, std::string_view previous_query_json);

/// What a query asks, in words: "total revenue, by region, order date in 2024".
std::string understood_words(const indexed_model& model, const query& q);

/// "I understood X, but " — or, when nothing was understood, a sentence
/// that does not pretend otherwise.
std::string understood_prefix(const indexed_model& model, const query& q);

/// Starting points offered when no measure was understood. When the question
/// did say something ("by region", "in 2024"), each choice keeps it and adds
/// a measure in front: "revenue show me by region".
std::vector<clarify_choice> suggestions(const indexed_model& model, const std::string& keep = "",
                                        const std::string& kept_words = "");

/// One choice per meaning of an ambiguous phrase: the question with the
/// phrase spelled out that way.
std::vector<clarify_choice> meaning_choices(const ambiguity& a, const std::vector<token>& tokens);

/// The question with its weakly matched phrases spelled out as the elements
/// they were taken for.
std::string with_weak_spelled_out(const std::vector<token>& tokens,
                                  const std::vector<ambiguity>& weak);

/// The question without the words it did not know.
std::string without_words(const std::vector<token>& tokens, const std::vector<std::string>& unknown);

/// Tables reached by two equally short join paths: one choice per link that
/// makes the paths tie ("Through orders ship address"), named by its key.
std::vector<clarify_choice> link_choices(const indexed_model& model, const query& q,
                                         const std::vector<std::string>& ambiguous_tables,
                                         std::string_view question);

} // namespace medha::sqlgen
