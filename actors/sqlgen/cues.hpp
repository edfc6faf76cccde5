#pragma once

#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

/// A word or phrase of the question that shapes the query rather than naming
/// something in the model: "average", "by", "more than 5", "top 10", "not".
enum class cue_kind {
  aggregate,     // agg: total, average, count, min, max
  distinct,      // "distinct", "unique", "different"
  superlative,   // descending: "highest", "most" / "lowest", "least"
  top_n,         // count, descending: "top 5", "bottom 3"
  compare,       // op, values: "more than 5", "between 1 and 3"
  group_by,      // "by", "per", "for each"
  negation,      // "not", "excluding", "except"
  missing,       // "without", "no", "missing", "never"
  missing_after, // "is missing", "is null", "is empty" (after the column)
  has,           // "with", "have", "who placed": existence of related rows
  contains,      // op (contains/starts_with/ends_with), values: the literal
  order_by,      // "sort by", "ordered by"
  direction,     // descending: "ascending", "descending", "alphabetically"
  share,         // "share", "percentage", "proportion"
  listing,       // "list", "which", "show the", "names of"
  chart,         // text: "line", "bar", "table", "kpi"
  show_rows,     // "show the rows", "raw data"
  remove_filter, // "remove the filter", "no filter", "all years" (text: "time" for time only)
  instead,       // "instead", "what about", "how about", "and" at the start
  limit,         // count: "first 10", "10 rows"
  versus,        // "compare", "vs": the values named become groups
  both,          // "both X and Y": rows linked to every value named
  also,          // "too", "as well": a value joins the previous ones
  match_mode,    // text "exact" / "ignore_case": "compare names exactly", "match labels ignoring case"
  same_period,   // "for the same period": the period of the question before holds
  period_before, // text "year" / "quarter" / "month": "the year before", one such period earlier
};

struct cue {
  cue_kind kind = cue_kind::aggregate;
  size_t begin = 0, end = 0; // tokens [begin, end)
  aggregate agg = aggregate::none;
  bool descending = false;
  int count = 0;
  filter_op op = filter_op::eq;
  std::vector<std::string> values; // compare, contains: the literals; superlative: the
                                   // dimensions a size adjective may rank by ("length")
  std::string text;
};

/// Finds the cues in the question, marking their tokens in `taken`. Runs
/// after the time phrases have been read, before linking.
std::vector<cue> read_cues(const std::vector<token>& tokens, std::vector<bool>& taken);

} // namespace medha::sqlgen
