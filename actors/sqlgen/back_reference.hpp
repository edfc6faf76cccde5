#pragma once

#include <optional>

#include "actors/sqlgen/query.hpp"

namespace medha {
struct semantic_model;
}

namespace medha::sqlgen {

class indexed_model;

/// A new question that points back ("how many loans has she taken?", "what
/// is its population?") asks about the rows the previous answer was about:
/// `fresh` with the previous query's conditions carried over. nullopt when
/// those rows cannot be named by conditions alone (a ranked top N, a reading
/// the user has not confirmed): then the engine asks which ones are meant.
/// Whether `said` holds a condition on the same column as `kept` (both of a
/// period or both not): a new value of it, which replaces the one kept.
bool restates(const std::vector<filter>& said, const filter& kept);

std::optional<query> about_previous_rows(const query& previous, query fresh);

/// The same for the rows of a ranking ("which depot are they based at?" after
/// the top 3 couriers): no condition names them, so `fresh` keeps those whose
/// key the previous answer showed. nullopt when the previous answer showed
/// no one table's rows by their key.
std::optional<query> among_previous_rows(const indexed_model& model, const query& previous, query fresh);

/// "and what percentage of every invoice is that?" after a count of some invoices: the
/// percentage of `counted` rows (those of the share's own count) that meet
/// the previous count's conditions; a period stays a condition on both.
/// nullopt when the previous answer is no such count.
std::optional<query> share_of_previous_count(const query& previous, const query& counted);

/// "how many of them are Norway?" after counting deliveries: read as a count
/// of the clients in it ("how many clients are Norway"), it is a count of the
/// deliveries linked to it. `fresh` counting the previous rows instead, when it counts
/// rows of another table whose conditions are all on that table and the
/// previous rows reach it; else nullopt.
std::optional<query> counted_among_previous(const indexed_model& model, const query& previous, query fresh);

/// "how many clients are based there?" after deliveries sent to France: `fresh`
/// with the place of the previous query (an equality on a city, country,
/// state, region... column) put on the column of that name of `fresh`'s own
/// rows. nullopt when there is not exactly one such place and column.
std::optional<query> in_previous_place(const indexed_model& model, const query& previous, query fresh);

/// A new question about the same rows as the previous one, which was limited
/// to a period, saying no period of its own ("what is the mean weight of
/// a parcel?" after "how many parcels in 2022?"): whether the period still
/// holds is the user's to say. `fresh` with that period added; nullopt when
/// the previous query had no period, `fresh` has one, or the rows differ.
/// `said` ("that year", "for the same period"): other rows take the period
/// on their own date, as their default date is found.
std::optional<query> with_previous_period(const indexed_model& model, const query& previous,
                                          query fresh, bool said = false);

} // namespace medha::sqlgen
