#pragma once

#include <optional>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/reading.hpp"
#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/query.hpp"

namespace medha::sqlgen {

class indexed_model;

/// Whether the question asks for an amount: "how much ...", or a past
/// question of what money came to ("what did the van repairs cost us?",
/// "what did we bill the council in May?"): a total, never a list of rows.
bool asks_an_amount(const std::vector<token>& tokens);

/// Whether `q` shows the thing a question word asked for (reading::asked_for):
/// as a group, a listed column, the rows listed, or the table a shown key
/// points to.
bool shows_asked_for(const indexed_model& model, const query& q, const element& asked);

/// Whether `q` names anyone or anything by its label (a name, a title):
/// what "who ..." asks for. A count per role, or a role alone, names nobody.
bool names_someone(const indexed_model& model, const query& q);

/// Whether `q` shows a date or time: what "when ..." asks for.
bool shows_a_date(const indexed_model& model, const query& q);

/// Whether `q` counts the rows of a table grouped by each row's own key:
/// one per group, whatever the data.
bool counts_each_row_once(const indexed_model& model, const query& q);

/// The checks an answer passes before it is given: it shows what "which
/// <thing>" and "who" asked for, it is no count of rows by their own key,
/// no ranking of one number, and its period has a date. A question back
/// otherwise (asked_for.cpp).
std::optional<sql_plan> ask_unless_answered_as_asked(const indexed_model& model, const reading& r, query& q,
                                                     bool follow_up, bool bare_which);

/// Money said in everyday words ("revenue", "money") of rows the question
/// names by their own noun ("workshops"), answered from tables (`used`) that
/// neither are those rows nor hold a key to or from them: the money of other
/// rows. That table, or empty.
std::string money_of_other_rows(const indexed_model& model, const reading& r, const std::vector<std::string>& used);

} // namespace medha::sqlgen
