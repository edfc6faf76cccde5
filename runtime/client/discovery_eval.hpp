#pragma once

#include <string>
#include <vector>

#include "runtime/client/eval_suite.hpp"
#include "runtime/client/session.hpp"

namespace medha::client {

/// The tables each alternative of a gold SQL field reads: alternatives are
/// split on ';' outside quotes, `{a, b}` braces replaced by their content
/// (`{}` by the previous braces' content), each parsed with libpg_query;
/// RangeVar relnames, lowercased, sorted, without CTE names. An alternative
/// that does not parse is left out.
std::vector<std::vector<std::string>> gold_tables(const std::string& gold);

/// One ranked data source as the discover API returns it.
struct ranked_source {
  std::string data_source;
  std::vector<std::string> tables; // best first
};

/// source_top1 and table_recall_at_5 of one question.
struct discovery_verdict {
  bool source_top1 = false;
  bool table_recall = false;
};

/// Scores a ranking: the first source must be `db`; every table of at least
/// one gold alternative must be among the first `k` tables the ranking lists
/// for `db` (no recall when `db` is not ranked or no alternative parsed).
discovery_verdict judge_discovery(const std::vector<ranked_source>& ranking, const std::string& db,
                                  const std::vector<std::vector<std::string>>& gold, size_t k = 5);

/// `medha eval --discovery-only --suite FILE [--report OUT.json] [--db NAME]
/// [--limit N] [--verbose]`: asks the discover API for every question of the
/// suite and scores the ranking (see judge_discovery). The report holds
/// total, source_top1, table_recall_at_5, p50_ms and p99_ms (the discovery
/// actor's own lookup time), and extra keys (round trip, per database).
int run_discovery_eval(session& s, const eval_options& options);

} // namespace medha::client
