#pragma once

#include <optional>
#include <string>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

/// "and the sum paid?" right after "how many payments remain open?": a
/// measure of the same rows, said with nothing to say which rows.
/// Those rows or all of them are both ordinary readings, and the numbers
/// differ: a clarify offering both; nullopt when the question is not of
/// that kind (it names the rows, a condition, or "all").
std::optional<sql_plan> ask_whether_conditions_hold(const indexed_model& model, const query& previous,
                                                    const reading& r, const query& fresh,
                                                    const std::string& question);

/// "which town is that depot in?" after the top depot of a ranking: the
/// depot is the one ranked first, which no condition names, so the question
/// would be answered for every shop. A clarify asking to name it; nullopt
/// when the question is not of that kind.
std::optional<sql_plan> ask_which_ranked_row(const indexed_model& model, const query& previous,
                                             const reading& r, const query& fresh,
                                             const std::string& previous_json);

/// "are they still members?" after the top 3 by spend: a condition on the
/// rows a ranking picked, which put into the ranking would pick other rows.
/// A clarify; nullopt when the question is not of that kind.
std::optional<sql_plan> ask_about_picked_rows(const indexed_model& model, const query& previous,
                                              const reading& r, const query& fresh,
                                              const std::string& previous_json);

/// "that month" after a breakdown by month: one of the periods shown, which
/// no period of this question holds. A clarify; nullopt otherwise.
std::optional<sql_plan> ask_which_period_shown(const indexed_model& model, const query& previous, const reading& r,
                                               const query& fresh, const std::string& previous_json);

/// "what is her salary?" after "who is Mona's mentor?": "her" may be Mona,
/// named, or her mentor, shown. A clarify; nullopt when the last answer was
/// not one person reached from another.
/// "that supplier" answered with every supplier that has some rows: which one
/// "that" names is asked.
std::optional<sql_plan> ask_which_that_names(const indexed_model& model, const query& previous, const reading& r,
                                             const query& fresh, const std::string& previous_json);

/// "how many of them ..." counting other rows than the answer before's.
std::optional<sql_plan> ask_what_of_them_counts(const indexed_model& model, const query& previous, const reading& r,
                                                const query& fresh, const std::string& previous_json);

/// "just the X" that turns the answer before into another kind of answer
/// with no new condition: asked.
std::optional<sql_plan> ask_what_only_keeps(const indexed_model& model, const query& previous, const reading& r,
                                            const query& fresh, const std::string& previous_json);

std::optional<sql_plan> ask_which_person(const indexed_model& model, const query& previous, const reading& r,
                                         const query& fresh, const std::string& previous_json);

/// "what does that come to?" after a total of some rows: "that" points back
/// at the answer before, and a query that keeps none of its conditions,
/// groups or ranking answers about every row instead. A clarify; nullopt
/// otherwise.
/// "that", "this" or "it" standing for a thing: at the end, or before a
/// verb ("what did that weigh?"), not before a noun ("that year").
bool points_at_a_thing(const std::vector<token>& tokens, bool it_too = true);

/// "what did that weigh?", "did that customer ...?" with no answer before
/// to point at: asked.
std::optional<sql_plan> ask_what_that_points_to(const indexed_model& model, const reading& r, const query& fresh);

std::optional<sql_plan> ask_what_that_points_to(const indexed_model& model, const query& previous, const reading& r,
                                                const query& fresh, const std::string& previous_json);

/// "all invoices", "every invoice": the question names all rows of the
/// table the last question was about.
bool says_all_rows(const indexed_model& model, const reading& r, const query& previous);

} // namespace medha::sqlgen
