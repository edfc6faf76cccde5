#pragma once

#include <optional>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/reading.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// Whether a question edits the previous query or asks a new one: a question
/// that names its own measure or entity starts over, unless it only swaps the
/// measure ("what about weight?", "weight instead").
bool is_follow_up(const indexed_model& model, const reading& r, const query& previous);

// Tests is_follow_up and apply_follow_up share (follow_up_decide.cpp).
namespace follow_ups {
/// The column that names a table's rows.
std::optional<column_ref> label_of_table(const indexed_model& model, const std::string& table);
/// "what about categories?" after a ranking of products: the group swapped.
bool swaps_dimension(const reading& r, const query& previous);
/// "which depots are they in?" after a count: the rows grouped by that.
std::optional<column_ref> grouping_of_rows(const indexed_model& model, const reading& r,
                                           const query& previous);
/// "which one brings in the largest mean fee?" after a count per group.
bool ranks_groups_by_new_measure(const indexed_model& model, const reading& r, const query& previous);
} // namespace follow_ups

/// "how many visits was that?" after an invoiced total in 2024: a period
/// of the rows measured before moves to the date of the rows measured now,
/// unless those belong to the earlier ones (follow_up.cpp).
void move_periods_to(const indexed_model& model, query& q, const std::string& old_root);
void move_periods_to(const indexed_model& model, query& q, const std::string& old_root, column_ref& dated_by);

/// "which 4 depots have the most?" after a measure per depot: the
/// groups just shown, ranked by that measure.
bool ranks_previous_groups(const indexed_model& model, const reading& r, const query& previous);

/// "which depot had the most?" after one number: the column to split
/// that number by before ranking it (follow_up_new_groups.cpp); else empty.
std::optional<column_ref> new_group_to_rank(const indexed_model& model, const reading& r,
                                            const query& previous);

/// Whether the query's first number is a count of rows.
bool counts_rows(const query& q);

/// Tables a follow-up most likely refers to: what the last answer was about.
std::vector<std::string> context_tables(const indexed_model& model, const query& q);

/// "how many?", "how many is that?": the count asked again, nothing more.
bool bare_how_many(const std::vector<token>& tokens);

/// "only check-ins in 2025" after a count by some group: the period is the
/// only thing new.
bool restricts_to_a_period(const indexed_model& model, const reading& r, const query& previous);

/// "only the ones still in service" naming a column but no condition on it.
bool restricts_without_a_condition(const reading& r);

/// The previous query edited by a follow-up: groupings added, filters added or
/// replaced on the same column, the period replaced, the aggregate changed,
/// ranked, sorted, filters removed, or the rows shown.
query apply_follow_up(const indexed_model& model, query previous, const reading& r);

/// The rows behind the previous answer's one number or count, when the
/// follow-up asks for them ranked or filtered (follow_up_rows.cpp); else empty.
std::optional<query> rows_behind_a_count_or_number(const query& previous, const reading& r);

/// "and by staff?" after a count of the notes buyers wrote: the
/// previous query with that filter's value swapped for another value of its
/// column that the question names and nothing else (follow_up_values.cpp).
/// "and for Ben's accounts?" after a question about the rows a key links to
/// Ada: the same question about Ben's (follow_up_values.cpp).
std::optional<query> swaps_value_through_key(const query& previous, const reading& r);

std::optional<query> swaps_previous_value(const indexed_model& model, const query& previous,
                                          const reading& r);

/// "and how many boats are laid up?" after "how many yachts?": the rows
/// named by their own noun again, not by their kind, are of every kind; the
/// kind the last question kept goes (follow_up_values.cpp).
void widen_to_every_kind(const indexed_model& model, query& q, const reading& r);

/// A new query from a question that stands on its own.
query from_reading(const indexed_model& model, const reading& r);

/// Fills what the question left implicit once the tables are known: the time
/// column of periods and buckets (the date nearest the query's first table).
/// False when a period has no date to apply to.
bool complete(const indexed_model& model, query& q);

} // namespace medha::sqlgen
