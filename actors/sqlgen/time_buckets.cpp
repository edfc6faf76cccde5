// Time phrases that group rather than filter: clock times whatever the day,
// days of the week, the period asked for, a bucket and how it is shown,
// "monthly", "by quarter", "over time", trends.
#include <string>

#include "actors/sqlgen/time_phrases_parts.hpp"

namespace medha::sqlgen::time_rules {

// The clock time whatever the day: "the earliest departure time in the
// day", "as HH:MM".
bool time_scan::read_clock_time(size_t i, const std::string& w) {
  if ((w == "in" || w == "of") && i > 0 && (t[i - 1].text == "time" || t[i - 1].text == "times")) {
    size_t j = text(i + 1) == "the" ? i + 2 : i + 1;
    if (text(j) == "day") {
      r.time_of_day = true;
      take(i, j + 1);
      return true;
    }
  }
  if ((w == "in" || w == "as") && text(i + 1) == "hh" && text(i + 2) == "mm") {
    r.time_of_day = true;
    take(i, i + 3);
    return true;
  }
  return false;
}

// "on each day of the week": one group per day of the week.
bool time_scan::read_weekday_groups(size_t i, const std::string& w) {
  if ((w == "each" || w == "every" || w == "per" || w == "by") && text(i + 1) == "day"
      && text(i + 2) == "of" && text(i + 3) == "the" && text(i + 4) == "week") {
    r.by_weekday = true;
    take(i > 0 && (text(i - 1) == "on" || text(i - 1) == "for") ? i - 1 : i, i + 5);
    return true;
  }
  // "which day of the week had the most deliveries": one group per weekday.
  if ((w == "what" || w == "which") && text(i + 1) == "day" && text(i + 2) == "of"
      && text(i + 3) == "the" && text(i + 4) == "week") {
    r.by_weekday = true;
    take(i, i + 5);
    return true;
  }
  return false;
}

// "per hour of the day", "what month of the year", "what hour": a part of the
// date that comes round again, one group per hour or per month whatever the
// day or year. ("by month" alone is each calendar month: that needs "of the
// year"; an hour has no calendar bucket, so "by hour" is the hour of the day.)
bool time_scan::read_cycle_groups(size_t i, const std::string& w) {
  bool asks = w == "what" || w == "which";
  bool groups = w == "each" || w == "every" || w == "per" || w == "by";
  size_t j = asks || groups ? i + 1 : i;
  auto unit = text(j);
  if (unit != "hour" && unit != "hours" && unit != "month" && unit != "months")
    return false;
  bool hour = unit[0] == 'h';
  size_t end = j + 1;
  size_t of = text(end) == "of" ? end + 1 : 0;
  if (of && text(of) == "the")
    ++of;
  // ("each month of the year 2021" is the months of that year.)
  if (of && text(of) == (hour ? "day" : "year") && !is_year(text(of + 1)))
    end = of + 1;
  else if (!hour || !(asks || groups))
    return false; // "the month", "3 hours": not a part of the date
  r.cycle = hour ? time_bucket::hour : time_bucket::month_of_year;
  take(i, end);
  return true;
}

// "which month had the most signups": the period is the answer.
bool time_scan::read_asked_period(size_t i, const std::string& w) {
  if ((w == "what" || w == "which") && !unit_of(text(i + 1)).empty()
      && unit_of(text(i + 1)) == text(i + 1)) {
    r.bucket = bucket_of(text(i + 1));
    r.bucket_asked = true;
    take(i, i + 2);
    return true;
  }
  return false;
}

// "the month as a date", "each quarter as the first date in the quarter":
// how a bucket is shown; a bucket already is its first day.
bool time_scan::read_bucket_shown_as_date(size_t i, const std::string& w) {
  if (r.bucket != time_bucket::none) {
    size_t j = i;
    if (w == "represent" || w == "show" || w == "return" || w == "give")
      ++j;
    if (text(j) == "the" || text(j) == "each")
      ++j;
    auto unit = unit_of(text(j));
    if (!unit.empty() && bucket_of(unit) == r.bucket && text(j + 1) == "as") {
      size_t k = j + 2;
      if (text(k) == "a" || text(k) == "the")
        ++k;
      if (text(k) == "first" || text(k) == "start" || text(k) == "starting")
        ++k;
      if (text(k) == "date" || text(k) == "day") {
        ++k;
        if ((text(k) == "of" || text(k) == "in") && text(k + 1) == "the" && unit_of(text(k + 2)) == unit)
          k += 3;
        take(i, k);
        return true;
      }
    }
  }
  return false;
}

// Buckets: "monthly", "by quarter", "per week", "over time".
bool time_scan::read_bucket(size_t i, const std::string& w) {
  bool found = false;
  for (auto& [word, unit] : period_adverbs())
    if (w == word) {
      r.bucket = bucket_of(unit);
      take(i, i + 1);
      found = true;
    }
  if (found)
    return true;
  // "week by week", "day by day": one bucket, said twice.
  if (auto unit = unit_of(w); !unit.empty() && unit == w && text(i + 1) == "by" && unit_of(text(i + 2)) == unit) {
    r.bucket = bucket_of(unit);
    take(i, i + 3);
    return true;
  }
  if (w == "by" || w == "per" || w == "each" || w == "every" || w == "over") {
    size_t j = i + 1;
    if (text(j) == "the")
      ++j;
    auto unit = unit_of(text(j));
    if (!unit.empty()) {
      r.bucket = bucket_of(unit);
      // "ordered by the month": a bucket is shown in time order already.
      bool ordered = w == "by" && i > 0
                     && (text(i - 1) == "ordered" || text(i - 1) == "sorted");
      take(ordered ? i - 1 : i, j + 1);
      return true;
    }
    if (w == "over" && text(j) == "time") {
      r.bucket = time_bucket::month;
      take(i, j + 1);
      return true;
    }
  }
  return false;
}

// "the trend": by month unless a bucket was named.
bool time_scan::read_trend(size_t i, const std::string& w) {
  if (w == "trend" || w == "trends" || w == "trending") {
    if (r.bucket == time_bucket::none)
      r.bucket = time_bucket::month;
    take(i, i + 1);
    return true;
  }
  return false;
}

} // namespace medha::sqlgen::time_rules
