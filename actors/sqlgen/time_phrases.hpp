#pragma once

#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

/// The time in a question: periods to filter on and a bucket to trend by.
/// Filters leave their column empty: it is chosen once the tables are known.
struct time_reading {
  std::vector<filter> filters;
  time_bucket bucket = time_bucket::none;
  bool bucket_asked = false; // "which month ...": the period is what is asked for
  bool time_of_day = false;  // "the earliest time in the day", "in HH:MM": clock times
  bool by_weekday = false;   // "for each day of the week": grouped by the day's name
  // "per hour of the day", "what month of the year": grouped by a part of the
  // date that comes round again (hour or month_of_year), whatever the day or year.
  time_bucket cycle = time_bucket::none;
  // "within 10 days after opening the account": a window after the date the
  // words from `window_from` on name; count 0 when there is none.
  int window_count = 0;
  std::string window_unit;
  size_t window_from = 0;
  std::vector<std::string> phrases; // the words read, for the explanation
};

/// Reads years, quarters, months, ISO dates, relative periods ("last 30 days",
/// "this year") and buckets ("monthly", "by quarter", "over time"), marking
/// the tokens it used in `taken`.
time_reading read_time(const std::vector<token>& tokens, std::vector<bool>& taken);

/// "which week was the quietest", "what hour ...": the question asks for one
/// period (a singular unit right after its question word).
bool asks_one_period(const std::vector<token>& tokens);

/// "monthly", "annual": a word that asks for one row per period.
bool period_adverb(const std::string& word);

/// 1..12 for a month name or its abbreviation, 0 otherwise.
int month_number(const std::string& word);

} // namespace medha::sqlgen
