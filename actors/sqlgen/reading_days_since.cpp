// Durations read from dates: "how long since the last visit", "how many days
// since ...", and the unit a duration is asked in.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen::detail {

// "in seconds", "in minutes", "in hours", "in days": the unit a duration is
// given in.
void reader::read_duration_unit() {
  static const char* units[] = {"seconds", "minutes", "hours", "days"};
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].quoted || tokens[i].text != "in" || tokens[i + 1].quoted)
      continue;
    for (auto* u : units)
      if (tokens[i + 1].text == u) {
        duration_unit = std::string(u) == "days" ? "" : u;
        unit_words = {i, i + 1};
        taken[i] = taken[i + 1] = true; // not "minutes_distant": given back if no duration is read
        return;
      }
  }
}

// "How long has it been since the last admission", "how many days since the
// first order": days from a date column's latest (or earliest) value to today.
void reader::read_days_since() {
  auto is = [&](size_t i, std::initializer_list<const char*> words) {
    return i < tokens.size() && !tokens[i].quoted
           && std::any_of(words.begin(), words.end(), [&](const char* w) { return tokens[i].text == w; });
  };
  // "as a whole number": a number of days already is one.
  auto take_as_integer = [&]() {
    for (size_t i = 0; i + 1 < tokens.size(); ++i)
      if (is(i, {"as"}) && is(i + 1, {"integer"}))
        taken[i + 1] = true;
      else if (is(i, {"as"}) && is(i + 1, {"an", "a"}) && is(i + 2, {"integer"}))
        taken[i + 2] = true;
  };
  // "the average number of days between the hire date and the end date"
  for (size_t b = 1; b + 2 < tokens.size(); ++b) {
    if (!is(b, {"between"}))
      continue;
    std::optional<size_t> unit, a;
    for (size_t i = b >= 4 ? b - 4 : 0; i < b; ++i)
      if (is(i, {"days", "time", "duration", "long"}))
        unit = i;
    for (size_t i = b + 2; i < tokens.size() && !a; ++i)
      if (is(i, {"and"}))
        a = i;
    if (!unit || !a)
      continue;
    // "time between 9 and 17", "between 2021 and 2022": values, not dates.
    bool values = is_number(tokens[b + 1].text) || tokens[b + 1].quoted
                  || (*a + 1 < tokens.size() && (is_number(tokens[*a + 1].text) || tokens[*a + 1].quoted));
    if (values)
      continue;
    // "the difference in days between today and the earliest delivery":
    // days from the earliest (or latest) date to today.
    std::optional<size_t> today, side;
    if (is(b + 1, {"today", "now"})) {
      today = b + 1;
      side = *a + 1;
    } else if (is(*a + 1, {"today", "now"})) {
      today = *a + 1;
      side = b + 1;
    }
    if (today) {
      std::vector<size_t> words{b, *a, *unit, *today};
      size_t k = *side;
      if (is(k, {"the"}))
        words.push_back(k++);
      std::optional<aggregate> agg;
      if (is(k, {"earliest", "first", "oldest"}))
        agg = aggregate::min;
      else if (is(k, {"latest", "last", "newest"}))
        agg = aggregate::max;
      if (!agg)
        continue;
      words.push_back(k);
      for (size_t i = b >= 6 ? b - 6 : 0; i < b; ++i)
        if (is(i, {"difference", "absolute", "in"}))
          words.push_back(i);
      for (auto w : words)
        taken[w] = true;
      days_since = agg;
      take_as_integer();
      return;
    }
    taken[b] = taken[*a] = taken[*unit] = true;
    days_between = std::make_pair(b, *a);
    // "the time between A and B in minutes"; "days between" are days.
    if (!is(*unit, {"days"}))
      read_duration_unit();
    return;
  }
  // "the average session duration": from one row's start to its end, when
  // its table has such a pair (seen once the words are linked).
  for (size_t i = 0; i < tokens.size(); ++i)
    if (is(i, {"duration"})) {
      duration_word = i;
      read_duration_unit();
      return;
    }
  for (size_t s = 1; s < tokens.size(); ++s) {
    if (!is(s, {"since"}))
      continue;
    std::vector<size_t> words{s};
    bool asked = false;
    for (size_t i = 0; i < s; ++i) {
      if (is(i, {"how"}) && is(i + 1, {"long"})) {
        asked = true;
        words.push_back(i + 1);
      }
      if (is(i, {"days"})) {
        asked = asked || (i > 0 && is(i - 1, {"many", "in"}));
        words.push_back(i);
      }
    }
    size_t k = s + 1;
    if (is(k, {"the"}))
      words.push_back(k++);
    std::optional<aggregate> agg;
    if (is(k, {"last", "latest", "newest"})) {
      agg = aggregate::max;
      words.push_back(k);
    } else if (is(k, {"most"}) && is(k + 1, {"recent"})) {
      agg = aggregate::max;
      words.push_back(k);
      words.push_back(k + 1);
    } else if (is(k, {"first", "earliest", "oldest"})) {
      agg = aggregate::min;
      words.push_back(k);
    }
    if (!asked || !agg)
      return;
    days_since = agg;
    for (auto w : words)
      taken[w] = true;
    take_as_integer();
    return;
  }
}

} // namespace medha::sqlgen::detail
