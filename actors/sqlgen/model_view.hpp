#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// The table called `name`: through the model's index during generation;
/// callers outside it, which hold the model alone, scan its tables.
const table_info* table_of(const indexed_model& model, const std::string& name);
const table_info* table_of(const semantic_model& model, const std::string& name);

/// The column that names a row of `table` for people: "name", "title", ...;
/// the primary key when the table has no such column. Null for no columns.
const column_info* label_column(const table_info& table);

/// The one table of people that rows of `table` point to by a single key
/// (a parcel's sender, a loan's borrower): whose rows they are. nullopt when
/// there is none or more than one.
/// Unless `any_key`, only by a key named for them (rider_id) or one in
/// `named_keys` (a key the question named by its role or verb).
std::optional<std::string> person_of_rows(const indexed_model& model, const std::string& table,
                                          const std::vector<column_ref>& named_keys = {}, bool any_key = true);

/// Whether a table's rows are people: named by a first and a family name,
/// or by a full name.
bool is_table_of_people(const table_info& t);

/// A person's name kept in two columns ("first_name", "last_name"; given and
/// family names): the second of them, or null. The first is label_column.
const column_info* family_name_column(const table_info& table);

/// Whether `t` holds nothing but keys to two or more tables (and dates):
/// a film's categories, a book's authors.
bool only_links(const indexed_model& model, const table_info& t);

/// A table that only links others ("book_genre": book_id, genre_id,
/// last_update) named for one of them: that one ("category"); else "".
/// "The book genres" are genres, not pairs of keys.
std::string linked_table_named(const indexed_model& model, const table_info& table);

/// A column named for money taken or paid ("amount", "total_paid",
/// "revenue"): totals of it add up, so ranking things by it ranks their sums.
bool names_money(const std::string& column);
/// A column that sorts rows into kinds: a word of its name is type, kind,
/// category, class or format ("vehicle_type", "cat_class").
bool names_a_kind(const std::string& column);

/// Numbers whose totals mean something: money, and quantities of things or
/// time ("quantity", "units_sold", "minutes_watched"); not ratings or prices.
bool adds_up(const std::string& column);

/// The table's single-column primary key, or null.
const column_info* primary_key(const table_info& table);

/// A numeric column named "count" that says how many things each row stands
/// for ("checkin"."count" per business and day), or null.
const column_info* count_column(const table_info& table);

/// What tells a table's rows apart: its primary key, else the one column
/// other tables reference. Null when neither exists.
const column_info* row_key(const indexed_model& model, const std::string& table);

/// The metric called `name`, or null.
const metric* find_metric(const indexed_model& model, const std::string& name);
const metric* find_metric(const semantic_model& model, const std::string& name);

/// The role of a column reference (text when unknown).
column_role role_of(const indexed_model& model, const column_ref& c);

/// A table's name as people say it, singular: "order_items" → "order item".
std::string entity_words(const std::string& table);
/// A column's name as people say it: "signup_date" → "signup date".
std::string column_words(const std::string& column);

/// For an integer year column ("year" in reviews), the text column of the
/// same table whose values are month names ("January", "March "): together
/// they date a row to its month. Empty when there is none.
column_ref month_name_column(const indexed_model& model, const column_ref& year);

/// 0 (Sunday) .. 6 (Saturday) for a day's name ("monday", "Mon "), -1 otherwise.
int weekday_number(const std::string& name);

/// A text column of `table` whose values are names of days of the week
/// ("Monday", "Friday"): the day a row is about. Empty when there is none.
column_ref day_name_column(const indexed_model& model, const std::string& table);

/// The time column to filter or bucket by when the question names none: the
/// first date column of the nearest table to `root` along the joins.
column_ref default_time_column(const indexed_model& model, const std::string& root);

} // namespace medha::sqlgen
