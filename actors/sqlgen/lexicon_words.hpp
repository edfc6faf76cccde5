// What the lexicon reads off names and comments: the words a column or table
// is called by, other names a comment gives, verbs of agents, money received.
// Internal to the lexicon (lexicon.cpp, lexicon_words.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen::lexicon_words {

bool is_prefix_noise(const std::string& w);
bool is_unit(const std::string& w);
/// True when a word (any form) is a word of some table's name.
bool names_a_table(const semantic_model& model, const std::string& word);
std::vector<std::string> stems_of(const std::vector<std::string>& words);
std::vector<std::string> phrase_words(const std::string& text);
std::string shared_tag(const table_info& t);
std::vector<std::string> untagged_words(const std::string& rest);
std::vector<std::vector<std::string>> other_names(const std::string& comment);
bool names_rows(const column_info& label, const std::vector<std::string>& table_words);
/// The one amount column of each table whose name ends in one of `records`
/// (payments, sales, ...; donations, gifts; expenses, costs): the money
/// those rows record. With `every_amount`, a table keeping several amounts
/// (net and gross) gives each of them.
std::vector<std::pair<std::string, std::string>> money_of(const semantic_model& model,
                                                          const std::vector<std::string>& records,
                                                          bool every_amount = false);
/// The money taken in: money_of payments, sales, orders, invoices, ... With
/// `every_amount`, also each amount of such a table that keeps several (net
/// and gross), when some other table keeps one.
std::vector<std::pair<std::string, std::string>> money_received(const semantic_model& model,
                                                                bool every_amount = false);
/// The everyday words for money taken in ("revenue", "money", "spent"),
/// each naming the amount money_received finds.
const std::vector<std::string>& money_taken_in_words();
std::vector<std::string> agent_verbs(const std::string& noun);
/// "handled_by", "assigned_to": a declared key to another table named for
/// what its rows had done to them, without the "_id".
bool key_named_by_verb(const semantic_model& model, const table_info& t, const column_info& c);

/// Words of a name with their short forms said in full ("amt" → "amount",
/// "maint" → "maintenance"; not "num" or "cnt", which mark kept counts).
std::vector<std::string> spelled_out(std::vector<std::string> words);
/// A number that is a calendar year by its name ("release_year", "opened_yr").
bool counts_years(const std::string& column);

/// The state a comment says the column's emptiness means: "active" for
/// "NULL while the subscription is active", "open" for "null if still
/// open"; empty when the comment says no such thing.
std::string state_of_empty(const std::string& comment);

/// The states a row is in while a date of an event is not set: "open"
/// while closed_at is empty, "unpaid" while paid_on is (lexicon_words.cpp).
std::vector<std::string> states_while_unset(const std::vector<std::string>& column_words);

} // namespace medha::sqlgen::lexicon_words
