// Time phrases that name one period: relative ones ("the last 30 days",
// "this year", "today"), quarters, months, weekends, a day, a year.
#include <cctype>
#include <cstdio>
#include <string>

#include "actors/sqlgen/calendar.hpp"
#include "actors/sqlgen/time_phrases_parts.hpp"

namespace medha::sqlgen::time_rules {

// Relative periods: "the last 30 days", "the previous 3 full months", "last year".
bool time_scan::read_relative_period(size_t i, const std::string& w) {
  if (w == "last" || w == "past" || w == "previous" || w == "prior" || w == "trailing") {
    // "the last quarter of 2021", "the last month of 2020": a place in that
    // year, not a period counted back from today.
    auto of = text(i + 2);
    if ((of == "of" || of == "in") && is_year(text(i + 3)) && w == "last") {
      auto unit = unit_of(text(i + 1));
      if (unit == "month") {
        r.filters.push_back(make(filter_op::month, {text(i + 3), "12"}));
        take(within(i), i + 4);
        return true;
      }
      if (unit == "quarter")
        return false; // read as the fourth quarter (read_quarter)
    }
    int count = small_number(text(i + 1));
    size_t at = count > 0 ? i + 2 : i + 1;
    // "the last 10 calendar months", "the previous ISO week", "the past 3
    // full months": whole periods of the calendar.
    bool whole = false;
    while (is_period_qualifier(text(at))) {
      whole = whole || text(at) != "iso";
      ++at;
    }
    auto unit = unit_of(text(at));
    if (count > 0 && !unit.empty()) {
      size_t end = at + 1;
      // "(not including the current month)": only the completed periods.
      if (size_t tail = current_excluded(t, taken, end, unit)) {
        whole = true;
        end = tail;
      }
      // "the last 6 months from today": counted back from today, as always.
      if ((text(end) == "from" || text(end) == "until" || text(end) == "till")
          && (text(end + 1) == "today" || text(end + 1) == "now"))
        end += 2;
      r.filters.push_back(make(filter_op::relative, {std::to_string(count), unit,
                                                     whole ? "calendar" : "rolling"}));
      take(within(i), end);
      return true;
    }
    if (count <= 0 && !unit.empty() && text(at) == unit) {
      size_t end = at + 1;
      if (size_t tail = current_excluded(t, taken, end, unit))
        end = tail;
      r.filters.push_back(make(filter_op::relative, {"1", unit, "calendar"}));
      take(i, end);
      return true;
    }
  }
  return false;
}

// The current period ("this month", "year to date"), today, yesterday.
bool time_scan::read_current_period(size_t i, const std::string& w) {
  if (w == "this" || w == "current") {
    auto unit = unit_of(text(i + 1));
    if (!unit.empty()) {
      r.filters.push_back(make(filter_op::relative, {"0", unit, "calendar"}));
      take(i, i + 2);
      return true;
    }
  }
  if (w == "ytd" || (w == "year" && text(i + 1) == "to" && text(i + 2) == "date")) {
    r.filters.push_back(make(filter_op::relative, {"0", "year", "calendar"}));
    take(i, w == "ytd" ? i + 1 : i + 3);
    return true;
  }
  if (w == "today" || w == "yesterday") {
    r.filters.push_back(make(filter_op::relative, {w == "today" ? "0" : "1", "day", "calendar"}));
    take(i, i + 1);
    return true;
  }
  return false;
}

// Quarters: "Q3 2024", "the second quarter of 2023", "Q1".
bool time_scan::read_quarter(size_t i, const std::string& w) {
  int q = quarter_word(w);
  size_t used = 1;
  if (!q && ordinal(w) && unit_of(text(i + 1)) == "quarter") {
    q = ordinal(w);
    used = 2;
  }
  if (q) {
    size_t j = i + used;
    if (text(j) == "of" || text(j) == "in")
      ++j;
    std::string year = is_year(text(j)) ? text(j) : std::string();
    r.filters.push_back(make(filter_op::quarter, {year, std::to_string(q)}));
    take(i, year.empty() ? i + used : j + 1);
    return true;
  }
  return false;
}

// Halves of a named year: "the 1st half of 2031", "H2 2029". Without a
// year ("the second half of the year before") nothing is read: the year is then
// unexplained and asked about, never assumed.
bool time_scan::read_half(size_t i, const std::string& w) {
  int h = 0;
  size_t j = i + 1;
  if (text(i + 1) == "half")
    h = ordinal(w) == 1 ? 1 : ordinal(w) == 2 || w == "last" ? 2 : 0;
  else if (w == "h1" || w == "h2")
    h = w == "h1" ? 1 : 2, j = i;
  if (!h)
    return false;
  ++j;
  if (text(j) == "of" || text(j) == "in")
    ++j;
  if (!is_year(text(j)))
    return false;
  int y = std::stoi(text(j));
  keep_months(y, h == 1 ? 1 : 7, y, h == 1 ? 6 : 12);
  take(within(i), j + 1);
  return true;
}

// Months, with or without a year.
bool time_scan::read_month(size_t i, const std::string& w) {
  if (int m = month_number(w)) {
    bool bare_may = w == "may" && !is_year(text(i + 1)) && (i == 0 || text(i - 1) != "in");
    if (!bare_may) {
      size_t j = i + 1;
      if (text(j) == "of")
        ++j;
      std::string year = is_year(text(j)) ? text(j) : std::string();
      // "every August", "each May": the month of every year, not the latest.
      bool every = year.empty() && i > 0 && (text(i - 1) == "every" || text(i - 1) == "each");
      r.filters.push_back(every ? make(filter_op::month, {"", std::to_string(m), "every"})
                                : make(filter_op::month, {year, std::to_string(m)}));
      // "in the month of April": the unit word only introduces the month.
      bool introduced = i >= 2 && text(i - 1) == "of" && text(i - 2) == "month";
      take(introduced ? i - 2 : i, year.empty() ? i + 1 : j + 1);
      return true;
    }
  }
  return false;
}

// Days of the week: "on weekends", "during weekdays".
bool time_scan::read_weekend(size_t i, const std::string& w) {
  if (w == "weekend" || w == "weekends" || w == "weekday" || w == "weekdays") {
    bool weekend = w.compare(0, 7, "weekend") == 0;
    r.filters.push_back(weekend ? make(filter_op::weekday, {"0", "6"})
                                : make(filter_op::weekday, {"1", "2", "3", "4", "5"}));
    size_t first = i > 0 && (text(i - 1) == "on" || text(i - 1) == "during") ? i - 1 : i;
    take(first, i + 1);
    return true;
  }
  return false;
}

// One day: "on 2023-04-01".
bool time_scan::read_one_day(size_t i, const std::string& w) {
  if (is_iso_date(w) || (w == "on" && is_iso_date(text(i + 1)))) {
    auto day = is_iso_date(w) ? w : text(i + 1);
    r.filters.push_back(make(filter_op::since, {day}));
    r.filters.push_back(make(filter_op::before, {next_day(day)}));
    take(i, is_iso_date(w) ? i + 1 : i + 2);
    return true;
  }
  return false;
}

// One day said in words, with its year: "April 3, 2023", "3rd April 2023",
// "on March 14th 2024". Without a year the day is not placed; left alone.
bool time_scan::read_dated_day(size_t i, const std::string& w) {
  auto day_of = [](const std::string& d) {
    size_t k = 0;
    while (k < d.size() && std::isdigit(static_cast<unsigned char>(d[k])))
      ++k;
    auto rest = d.substr(k);
    bool suffix = rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
    int n = k > 0 && k <= 2 && suffix ? std::stoi(d.substr(0, k)) : 0;
    return n >= 1 && n <= 31 ? n : 0;
  };
  int month = 0, day = 0;
  size_t year_at = 0;
  if ((month = month_number(w)) && (day = day_of(text(i + 1))) && is_year(text(i + 2)))
    year_at = i + 2;
  else if ((day = day_of(w)) && (month = month_number(text(i + 1))) && is_year(text(i + 2)))
    year_at = i + 2;
  else if ((day = day_of(w)) && text(i + 1) == "of" && (month = month_number(text(i + 2)))
           && is_year(text(i + 3)))
    year_at = i + 3;
  if (!year_at || !month || !day)
    return false;
  static const int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days_in[month - 1])
    return false;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%s-%02d-%02d", text(year_at).c_str(), month, day);
  if (!is_iso_date(iso))
    return false;
  r.filters.push_back(make(filter_op::since, {iso}));
  r.filters.push_back(make(filter_op::before, {next_day(iso)}));
  size_t first = i > 0 && text(i - 1) == "on" ? i - 1 : i;
  take(first, year_at + 1);
  return true;
}

// A year.
bool time_scan::read_year(size_t i, const std::string& w) {
  if (is_year(w)) {
    r.filters.push_back(make(filter_op::year, {w}));
    // "in the year 2024": the same year, its words said in full.
    take(i >= 2 && text(i - 1) == "year" && text(i - 2) == "the" ? i - 1 : i, i + 1);
    return true;
  }
  return false;
}

} // namespace medha::sqlgen::time_rules
