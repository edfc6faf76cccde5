// Reading the time in a question: one pass over its words, trying at each
// word the rules of time_ranges.cpp, time_buckets.cpp and time_periods.cpp in
// a fixed order (the longer phrase first: "between 2021 and 2023" before
// "2021"; a bucket's own words before the bare unit).
#include "actors/sqlgen/time_phrases.hpp"

#include <cstdio>

#include "actors/sqlgen/time_phrases_parts.hpp"

namespace medha::sqlgen {

namespace time_rules {

std::string time_scan::text(size_t i) const {
  return i < n && !taken[i] && !t[i].quoted ? t[i].text : std::string();
}

void time_scan::take(size_t from, size_t to) {
  std::string phrase;
  for (size_t k = from; k < to && k < n; ++k) {
    taken[k] = true;
    phrase += (phrase.empty() ? "" : " ") + t[k].text;
  }
  r.phrases.push_back(phrase);
}

void time_scan::keep_months(int first_year, int first_month, int last_year, int last_month) {
  if (++last_month == 13) {
    last_month = 1;
    ++last_year;
  }
  char lo[32], hi[32];
  std::snprintf(lo, sizeof lo, "%04d-%02d-01", first_year, first_month);
  std::snprintf(hi, sizeof hi, "%04d-%02d-01", last_year, last_month);
  r.filters.push_back(make(filter_op::since, {lo}));
  r.filters.push_back(make(filter_op::before, {hi}));
}

size_t time_scan::within(size_t i) const {
  size_t j = i > 0 && text(i - 1) == "the" ? i - 1 : i;
  return j > 0 && text(j - 1) == "within" ? j - 1 : i;
}

} // namespace time_rules

time_reading read_time(const std::vector<token>& t, std::vector<bool>& taken) {
  using time_rules::time_scan;
  using rule = bool (time_scan::*)(size_t, const std::string&);
  static const rule rules[] = {
    &time_scan::read_dated_day,
    &time_scan::read_month_range,       &time_scan::read_year_or_day_range,
    &time_scan::read_offset_from_period, &time_scan::read_window_after,
    &time_scan::read_days_around_weekday, &time_scan::read_since_or_before,
    &time_scan::read_clock_time,        &time_scan::read_weekday_groups,
    &time_scan::read_cycle_groups,
    &time_scan::read_asked_period,      &time_scan::read_bucket_shown_as_date,
    &time_scan::read_half,
    &time_scan::read_relative_period,   &time_scan::read_current_period,
    &time_scan::read_quarter,           &time_scan::read_month,
    &time_scan::read_weekend,           &time_scan::read_one_day,
    &time_scan::read_year,              &time_scan::read_bucket,
    &time_scan::read_trend,
  };
  time_scan s{t, taken};
  for (size_t i = 0; i < s.n; ++i) {
    auto w = s.text(i);
    if (w.empty())
      continue;
    for (auto read : rules)
      if ((s.*read)(i, w))
        break;
  }
  return std::move(s.r);
}

} // namespace medha::sqlgen
