// Internal to the reading of time phrases (time_phrases.cpp and the time_*.cpp
// files): the words they recognise and the scan over a question's tokens that
// the rules share. Other stages call read_time() in time_phrases.hpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen::time_rules {

// -- words: time_words.cpp --

bool is_year(const std::string& w);     // 1900..2100
bool is_iso_date(const std::string& w); // 2024-03-01
/// "three" or "3" as 3; -1 when not a small count.
int small_number(const std::string& w);
/// "days" → "day"; empty when not a calendar unit.
std::string unit_of(const std::string& w);
time_bucket bucket_of(const std::string& unit);
/// 1..4 for "q1".."q4", else 0.
int quarter_word(const std::string& w);
/// 1..4 for "first".."fourth" (and "last"), else 0.
int ordinal(const std::string& w);
/// Words between "last" and a unit that ask for whole calendar periods.
bool is_period_qualifier(const std::string& w);
/// "not including the current week", "excluding this month" right after a
/// period of that unit: the end of those words, or 0 when they are not there.
size_t current_excluded(const std::vector<token>& t, const std::vector<bool>& taken, size_t at,
                        const std::string& unit);
/// "monthly" → "month", ...
const std::vector<std::pair<std::string, std::string>>& period_adverbs();
/// A filter with its column left empty.
filter make(filter_op op, std::vector<std::string> values);

/// One pass over a question's tokens. Each rule looks at the word at `i`
/// and, when it reads a phrase there, adds to `r`, marks the words taken
/// and returns true; the rules are tried in the order read_time() lists.
struct time_scan {
  time_scan(const std::vector<token>& t, std::vector<bool>& taken) : t(t), taken(taken), n(t.size()) {}

  const std::vector<token>& t;
  std::vector<bool>& taken;
  size_t n;
  time_reading r;

  /// The word at `i`, or "" when it is taken, quoted or past the end.
  std::string text(size_t i) const;
  /// Marks the words [from, to) taken and keeps them as a phrase read.
  void take(size_t from, size_t to);
  /// "within the last 30 days": where the period's words begin, with its preposition.
  size_t within(size_t i) const;
  /// Keeps the whole months from `first_month` of `first_year` through
  /// `last_month` of `last_year`: a span of days, first day in, day after out.
  void keep_months(int first_year, int first_month, int last_year, int last_month);

  // Ranges: time_ranges.cpp
  bool read_month_range(size_t i, const std::string& w);
  bool read_year_or_day_range(size_t i, const std::string& w);
  bool read_offset_from_period(size_t i, const std::string& w);
  bool read_window_after(size_t i, const std::string& w);
  bool read_days_around_weekday(size_t i, const std::string& w);
  bool read_since_or_before(size_t i, const std::string& w);
  // Groups and buckets: time_buckets.cpp
  bool read_clock_time(size_t i, const std::string& w);
  bool read_weekday_groups(size_t i, const std::string& w);
  bool read_cycle_groups(size_t i, const std::string& w);
  bool read_asked_period(size_t i, const std::string& w);
  bool read_bucket_shown_as_date(size_t i, const std::string& w);
  bool read_bucket(size_t i, const std::string& w);
  bool read_trend(size_t i, const std::string& w);
  // Periods: time_periods.cpp
  bool read_relative_period(size_t i, const std::string& w);
  bool read_current_period(size_t i, const std::string& w);
  bool read_quarter(size_t i, const std::string& w);
  bool read_half(size_t i, const std::string& w);
  bool read_month(size_t i, const std::string& w);
  bool read_weekend(size_t i, const std::string& w);
  bool read_one_day(size_t i, const std::string& w);
  bool read_dated_day(size_t i, const std::string& w);
  bool read_year(size_t i, const std::string& w);
};

} // namespace medha::sqlgen::time_rules
