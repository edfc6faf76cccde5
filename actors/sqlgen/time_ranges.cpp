// Time phrases that bound a range: between two years, months or days; a
// period that far from a named one; a window after a date; days around a
// day of the week; since, after or before a year, month or date.
#include <algorithm>
#include <cstdio>

#include "actors/sqlgen/calendar.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/time_phrases_parts.hpp"

namespace medha::sqlgen::time_rules {

// A range between two months of named years.
bool time_scan::read_month_range(size_t i, const std::string& w) {
  if (w == "between" || w == "from") {
    // "between June 2021 and December 2021": both months whole.
    if (int ma = month_number(text(i + 1)), mb = month_number(text(i + 4));
        ma > 0 && mb > 0 && is_year(text(i + 2)) && i + 5 < n
        && (text(i + 3) == "and" || text(i + 3) == "to" || text(i + 3) == "through")
        && is_year(text(i + 5))) {
      keep_months(std::stoi(text(i + 2)), ma, std::stoi(text(i + 5)), mb);
      take(i, i + 6);
      return true;
    }
    // "between January and June 2025": one year said once, for both months.
    if (int ma = month_number(text(i + 1)), mb = month_number(text(i + 3));
        ma > 0 && mb > 0 && ma <= mb && is_year(text(i + 4))
        && (text(i + 2) == "and" || text(i + 2) == "to" || text(i + 2) == "through")) {
      int y = std::stoi(text(i + 4));
      keep_months(y, ma, y, mb);
      take(i, i + 5);
      return true;
    }
  }
  return false;
}

// A range between two years or two dates.
bool time_scan::read_year_or_day_range(size_t i, const std::string& w) {
  if ((w == "between" || w == "from") && i + 3 < n
      && (text(i + 2) == "and" || text(i + 2) == "to" || text(i + 2) == "through")) {
    auto a = text(i + 1), b = text(i + 3);
    if (is_year(a) && is_year(b)) {
      r.filters.push_back(make(filter_op::since, {a + "-01-01"}));
      r.filters.push_back(make(filter_op::before, {std::to_string(std::stoi(b) + 1) + "-01-01"}));
      take(i, i + 4);
      return true;
    }
    // Both days whole: a timestamp late on the last day is still in.
    if (is_iso_date(a) && is_iso_date(b)) {
      r.filters.push_back(make(filter_op::since, {a}));
      r.filters.push_back(make(filter_op::before, {next_day(b)}));
      take(i, i + 4);
      return true;
    }
  }
  return false;
}

// "2 months after March 2021", "10 days before 2024-03-01": the
// period that far from a named month or day ("within 2 months after" is
// a span, not read here).
bool time_scan::read_offset_from_period(size_t i, const std::string& w) {
  if (int count = small_number(w); count > 0 && (i == 0 || text(i - 1) != "within")) {
    auto unit = unit_of(text(i + 1));
    auto dir = text(i + 2);
    int sign = dir == "after" || dir == "later" ? 1 : dir == "before" || dir == "earlier" ? -1 : 0;
    size_t at = i + 3 + (dir == "later" || dir == "earlier" ? 1 : 0); // "later than"
    int months = unit == "month" ? count : unit == "quarter" ? 3 * count : unit == "year" ? 12 * count : 0;
    int m = month_number(text(at));
    if (sign != 0 && months > 0 && m > 0 && is_year(text(at + 1))) {
      int index = std::stoi(text(at + 1)) * 12 + (m - 1) + sign * months;
      r.filters.push_back(make(filter_op::month, {std::to_string(index / 12), std::to_string(index % 12 + 1)}));
      take(i > 0 && text(i - 1) == "exactly" ? i - 1 : i, at + 2);
      return true;
    }
    // "10 days before 2023-03-05" may be the span up to it: only "exactly"
    // says one day.
    bool exactly = i > 0 && text(i - 1) == "exactly";
    if (sign != 0 && exactly && (unit == "day" || unit == "week") && is_iso_date(text(at))) {
      auto day = text(at);
      for (int k = 0; sign > 0 && k < count * (unit == "week" ? 7 : 1); ++k)
        day = next_day(day);
      for (int k = 0; sign < 0 && k < count * (unit == "week" ? 7 : 1); ++k)
        day = previous_day(day);
      r.filters.push_back(make(filter_op::since, {day}));
      r.filters.push_back(make(filter_op::before, {next_day(day)}));
      take(i > 0 && text(i - 1) == "exactly" ? i - 1 : i, at + 1);
      return true;
    }
  }
  return false;
}

// "within 10 days after opening the account", "within 2 weeks of the
// start": a window after a date the next words name.
bool time_scan::read_window_after(size_t i, const std::string& w) {
  if (w == "within" && small_number(text(i + 1)) > 0 && !unit_of(text(i + 2)).empty()
      && (text(i + 3) == "after" || text(i + 3) == "of" || text(i + 3) == "from")) {
    r.window_count = small_number(text(i + 1));
    r.window_unit = unit_of(text(i + 2));
    r.window_from = i + 4;
    take(i, i + 4);
    return true;
  }
  return false;
}

// "the 2 days before Saturday": those days of the week.
bool time_scan::read_days_around_weekday(size_t i, const std::string& w) {
  if (int count = small_number(w); count > 0 && count < 7 && unit_of(text(i + 1)) == "day"
      && (text(i + 2) == "before" || text(i + 2) == "after")
      && weekday_number(text(i + 3)) >= 0) {
    int day = weekday_number(text(i + 3));
    int step = text(i + 2) == "before" ? -1 : 1;
    std::vector<std::string> days;
    for (int k = count; k >= 1; --k)
      days.push_back(std::to_string(((day + step * k) % 7 + 7) % 7));
    if (step > 0)
      std::reverse(days.begin(), days.end());
    std::sort(days.begin(), days.end());
    r.filters.push_back(make(filter_op::weekday, days));
    take(i > 0 && text(i - 1) == "the" ? i - 1 : i, i + 4);
    return true;
  }
  return false;
}

// Since, after or before a year, month or date. "from 2024" alone is the
// year 2024, read later; "from 2024 to 2025" is a range, read earlier.
bool time_scan::read_since_or_before(size_t i, const std::string& w) {
  // "from 2023 onwards", "from March 2024 onward": since then.
  auto onwards = [&](size_t j) { return text(j) == "onwards" || text(j) == "onward"; };
  size_t said_onwards = 0;
  if (w == "from" && (is_year(text(i + 1)) || is_iso_date(text(i + 1))) && onwards(i + 2))
    said_onwards = 1;
  else if (w == "from" && month_number(text(i + 1)) > 0 && is_year(text(i + 2)) && onwards(i + 3))
    said_onwards = 1;
  if (w == "since" || w == "after" || w == "before" || w == "until"
      || (w == "from" && (is_iso_date(text(i + 1)) || said_onwards))) {
    auto a = text(i + 1);
    bool after = w == "after";
    bool upper = w == "before" || w == "until";
    if (is_iso_date(a)) {
      r.filters.push_back(make(upper ? filter_op::before : after ? filter_op::gt : filter_op::since, {a}));
      take(i, i + 2 + said_onwards);
      return true;
    }
    if (is_year(a)) {
      int y = std::stoi(a) + (after ? 1 : 0);
      r.filters.push_back(make(upper ? filter_op::before : filter_op::since,
                               {std::to_string(y) + "-01-01"}));
      take(i, i + 2 + said_onwards);
      return true;
    }
    if (int m = month_number(a); m > 0 && is_year(text(i + 2))) {
      int y = std::stoi(text(i + 2));
      int mm = m + (after ? 1 : 0);
      if (mm == 13) {
        mm = 1;
        ++y;
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-01", y, mm);
      r.filters.push_back(make(upper ? filter_op::before : filter_op::since, {buf}));
      take(i, i + 3 + said_onwards);
      return true;
    }
  }
  return false;
}

} // namespace medha::sqlgen::time_rules
