#include "actors/sqlgen/time_phrases.hpp"

#include "actors/sqlgen/calendar.hpp"
#include "actors/sqlgen/model_view.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace medha::sqlgen {

namespace {

bool is_year(const std::string& w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), ::isdigit))
    return false;
  int y = std::stoi(w);
  return y >= 1900 && y <= 2100;
}

bool is_iso_date(const std::string& w) {
  return w.size() == 10 && w[4] == '-' && w[7] == '-' && is_year(w.substr(0, 4));
}

bool is_count(const std::string& w) {
  return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), ::isdigit);
}

int small_number(const std::string& w) {
  static const char* names[] = {"zero", "one", "two", "three", "four", "five", "six",
                                "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (w == names[i])
      return i;
  return is_count(w) ? std::stoi(w) : -1;
}

// "days" → "day"; empty when not a calendar unit.
std::string unit_of(const std::string& w) {
  static const char* units[] = {"day", "week", "month", "quarter", "year"};
  for (auto* u : units) {
    std::string s = u;
    if (w == s || w == s + "s")
      return s;
  }
  return {};
}

time_bucket bucket_of(const std::string& unit) {
  time_bucket b = time_bucket::none;
  from_string(unit, b);
  return b;
}

int quarter_word(const std::string& w) {
  if (w.size() == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4')
    return w[1] - '0';
  return 0;
}

int ordinal(const std::string& w) {
  if (w == "first" || w == "1st") return 1;
  if (w == "second" || w == "2nd") return 2;
  if (w == "third" || w == "3rd") return 3;
  if (w == "fourth" || w == "4th" || w == "last") return 4;
  return 0;
}

// Words between "last" and a unit that ask for whole calendar periods.
bool is_period_qualifier(const std::string& w) {
  return w == "calendar" || w == "full" || w == "complete" || w == "completed" || w == "whole"
         || w == "iso";
}

// "not including the current week", "excluding this month" right after a
// period of that unit: the end of those words, or 0 when they are not there.
size_t current_excluded(const std::vector<token>& t, const std::vector<bool>& taken, size_t at,
                        const std::string& unit) {
  auto word = [&](size_t i) { return i < t.size() && !taken[i] && !t[i].quoted ? t[i].text : ""; };
  size_t i = at;
  if (word(i) == "not" && (word(i + 1) == "including" || word(i + 1) == "counting"))
    i += 2;
  else if (word(i) == "excluding" || word(i) == "except" || word(i) == "without")
    i += 1;
  else
    return 0;
  if (word(i) == "the")
    ++i;
  if (word(i) != "current" && word(i) != "this" && word(i) != "ongoing")
    return 0;
  return unit_of(word(i + 1)) == unit ? i + 2 : 0;
}

filter make(filter_op op, std::vector<std::string> values) {
  filter f;
  f.op = op;
  f.values = std::move(values);
  return f;
}

} // namespace

int month_number(const std::string& w) {
  static const char* names[] = {"january", "february", "march",     "april",   "may",
                                "june",    "july",     "august",    "september",
                                "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    std::string n = names[i];
    if (w == n || (w.size() == 3 && n.compare(0, 3, w) == 0 && w != "may" && w != "mar"))
      return i + 1;
    if (w == "sept")
      return 9;
  }
  return 0;
}

namespace {

const std::vector<std::pair<std::string, std::string>>& period_adverbs() {
  static const std::vector<std::pair<std::string, std::string>> adverbs = {
    {"daily", "day"},         {"weekly", "week"}, {"monthly", "month"},
    {"quarterly", "quarter"}, {"yearly", "year"}, {"annual", "year"},
    {"annually", "year"},
  };
  return adverbs;
}

} // namespace

bool period_adverb(const std::string& word) {
  for (auto& [w, unit] : period_adverbs())
    if (w == word)
      return true;
  return false;
}

time_reading read_time(const std::vector<token>& t, std::vector<bool>& taken) {
  time_reading r;
  auto n = t.size();
  auto text = [&](size_t i) { return i < n && !taken[i] && !t[i].quoted ? t[i].text : std::string(); };
  auto take = [&](size_t from, size_t to) {
    std::string phrase;
    for (size_t k = from; k < to && k < n; ++k) {
      taken[k] = true;
      phrase += (phrase.empty() ? "" : " ") + t[k].text;
    }
    r.phrases.push_back(phrase);
  };
  // "within the last 30 days": the period, said with a preposition.
  auto within = [&](size_t i) {
    size_t j = i > 0 && text(i - 1) == "the" ? i - 1 : i;
    return j > 0 && text(j - 1) == "within" ? j - 1 : i;
  };
  for (size_t i = 0; i < n; ++i) {
    auto w = text(i);
    if (w.empty())
      continue;
    // -- ranges between two years or two dates --
    if (w == "between" || w == "from") {
      // "between June 2021 and December 2021": both months whole.
      if (int ma = month_number(text(i + 1)), mb = month_number(text(i + 4));
          ma > 0 && mb > 0 && is_year(text(i + 2)) && i + 5 < n
          && (text(i + 3) == "and" || text(i + 3) == "to" || text(i + 3) == "through")
          && is_year(text(i + 5))) {
        int ya = std::stoi(text(i + 2)), yb = std::stoi(text(i + 5));
        if (++mb == 13) {
          mb = 1;
          ++yb;
        }
        char lo[32], hi[32];
        std::snprintf(lo, sizeof lo, "%04d-%02d-01", ya, ma);
        std::snprintf(hi, sizeof hi, "%04d-%02d-01", yb, mb);
        r.filters.push_back(make(filter_op::since, {lo}));
        r.filters.push_back(make(filter_op::before, {hi}));
        take(i, i + 6);
        continue;
      }
    }
    if ((w == "between" || w == "from") && i + 3 < n
        && (text(i + 2) == "and" || text(i + 2) == "to" || text(i + 2) == "through")) {
      auto a = text(i + 1), b = text(i + 3);
      if (is_year(a) && is_year(b)) {
        r.filters.push_back(make(filter_op::since, {a + "-01-01"}));
        r.filters.push_back(make(filter_op::before, {std::to_string(std::stoi(b) + 1) + "-01-01"}));
        take(i, i + 4);
        continue;
      }
      // Both days whole: a timestamp late on the last day is still in.
      if (is_iso_date(a) && is_iso_date(b)) {
        r.filters.push_back(make(filter_op::since, {a}));
        r.filters.push_back(make(filter_op::before, {next_day(b)}));
        take(i, i + 4);
        continue;
      }
    }
    // -- "2 months after March 2021", "10 days before 2024-03-01": the
    // period that far from a named month or day ("within 2 months after" is
    // a span, not read here) --
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
        continue;
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
        continue;
      }
    }
    // -- "within 10 days after starting treatment", "within 2 weeks of the
    // start": a window after a date the next words name --
    if (w == "within" && small_number(text(i + 1)) > 0 && !unit_of(text(i + 2)).empty()
        && (text(i + 3) == "after" || text(i + 3) == "of" || text(i + 3) == "from")) {
      r.window_count = small_number(text(i + 1));
      r.window_unit = unit_of(text(i + 2));
      r.window_from = i + 4;
      take(i, i + 4);
      continue;
    }
    // -- "the 2 days before Saturday": those days of the week --
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
      continue;
    }
    // -- since / after / before a year, month or date --
    // "from 2024" alone is the year 2024, read below; "from 2024 to 2025" above.
    if (w == "since" || w == "after" || w == "before" || w == "until"
        || (w == "from" && is_iso_date(text(i + 1)))) {
      auto a = text(i + 1);
      bool after = w == "after";
      bool upper = w == "before" || w == "until";
      if (is_iso_date(a)) {
        r.filters.push_back(make(upper ? filter_op::before : after ? filter_op::gt : filter_op::since, {a}));
        if (after)
          r.filters.back().op = filter_op::gt;
        take(i, i + 2);
        continue;
      }
      if (is_year(a)) {
        int y = std::stoi(a) + (after ? 1 : 0);
        r.filters.push_back(make(upper ? filter_op::before : filter_op::since,
                                 {std::to_string(y) + "-01-01"}));
        take(i, i + 2);
        continue;
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
        take(i, i + 3);
        continue;
      }
    }
    // -- the clock time whatever the day: "the earliest departure time in
    // the day", "as HH:MM" --
    if ((w == "in" || w == "of") && i > 0 && (t[i - 1].text == "time" || t[i - 1].text == "times")) {
      size_t j = text(i + 1) == "the" ? i + 2 : i + 1;
      if (text(j) == "day") {
        r.time_of_day = true;
        take(i, j + 1);
        continue;
      }
    }
    if ((w == "in" || w == "as") && text(i + 1) == "hh" && text(i + 2) == "mm") {
      r.time_of_day = true;
      take(i, i + 3);
      continue;
    }
    // -- "on each day of the week": one group per day of the week --
    if ((w == "each" || w == "every" || w == "per" || w == "by") && text(i + 1) == "day"
        && text(i + 2) == "of" && text(i + 3) == "the" && text(i + 4) == "week") {
      r.by_weekday = true;
      take(i > 0 && (text(i - 1) == "on" || text(i - 1) == "for") ? i - 1 : i, i + 5);
      continue;
    }
    // -- "which month had the most signups": the period is the answer --
    // "which day of the week had the most check-ins": one group per weekday.
    if ((w == "what" || w == "which") && text(i + 1) == "day" && text(i + 2) == "of"
        && text(i + 3) == "the" && text(i + 4) == "week") {
      r.by_weekday = true;
      take(i, i + 5);
      continue;
    }
    if ((w == "what" || w == "which") && !unit_of(text(i + 1)).empty()
        && unit_of(text(i + 1)) == text(i + 1)) {
      r.bucket = bucket_of(text(i + 1));
      r.bucket_asked = true;
      take(i, i + 2);
      continue;
    }
    // "the month as a date", "each quarter as the first date in the quarter":
    // how a bucket is shown; a bucket already is its first day.
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
          continue;
        }
      }
    }
    // -- relative periods --
    if (w == "last" || w == "past" || w == "previous" || w == "prior" || w == "trailing") {
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
        continue;
      }
      if (count <= 0 && !unit.empty() && text(at) == unit) {
        size_t end = at + 1;
        if (size_t tail = current_excluded(t, taken, end, unit))
          end = tail;
        r.filters.push_back(make(filter_op::relative, {"1", unit, "calendar"}));
        take(i, end);
        continue;
      }
    }
    if (w == "this" || w == "current") {
      auto unit = unit_of(text(i + 1));
      if (!unit.empty()) {
        r.filters.push_back(make(filter_op::relative, {"0", unit, "calendar"}));
        take(i, i + 2);
        continue;
      }
    }
    if (w == "ytd" || (w == "year" && text(i + 1) == "to" && text(i + 2) == "date")) {
      r.filters.push_back(make(filter_op::relative, {"0", "year", "calendar"}));
      take(i, w == "ytd" ? i + 1 : i + 3);
      continue;
    }
    if (w == "today" || w == "yesterday") {
      r.filters.push_back(make(filter_op::relative, {w == "today" ? "0" : "1", "day", "calendar"}));
      take(i, i + 1);
      continue;
    }
    // -- quarters --
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
      continue;
    }
    // -- months, with or without a year --
    if (int m = month_number(w)) {
      bool bare_may = w == "may" && !is_year(text(i + 1)) && (i == 0 || text(i - 1) != "in");
      if (!bare_may) {
        size_t j = i + 1;
        if (text(j) == "of")
          ++j;
        std::string year = is_year(text(j)) ? text(j) : std::string();
        r.filters.push_back(make(filter_op::month, {year, std::to_string(m)}));
        // "in the month of April": the unit word only introduces the month.
        bool introduced = i >= 2 && text(i - 1) == "of" && text(i - 2) == "month";
        take(introduced ? i - 2 : i, year.empty() ? i + 1 : j + 1);
        continue;
      }
    }
    // -- days of the week: "on weekends", "during weekdays" --
    if (w == "weekend" || w == "weekends" || w == "weekday" || w == "weekdays") {
      bool weekend = w.compare(0, 7, "weekend") == 0;
      r.filters.push_back(weekend ? make(filter_op::weekday, {"0", "6"})
                                  : make(filter_op::weekday, {"1", "2", "3", "4", "5"}));
      size_t first = i > 0 && (text(i - 1) == "on" || text(i - 1) == "during") ? i - 1 : i;
      take(first, i + 1);
      continue;
    }
    // -- one day: "on 2023-04-01" --
    if (is_iso_date(w) || (w == "on" && is_iso_date(text(i + 1)))) {
      auto day = is_iso_date(w) ? w : text(i + 1);
      r.filters.push_back(make(filter_op::since, {day}));
      r.filters.push_back(make(filter_op::before, {next_day(day)}));
      take(i, is_iso_date(w) ? i + 1 : i + 2);
      continue;
    }
    // -- a year --
    if (is_year(w)) {
      r.filters.push_back(make(filter_op::year, {w}));
      take(i, i + 1);
      continue;
    }
    // -- buckets --
    bool found = false;
    for (auto& [word, unit] : period_adverbs())
      if (w == word) {
        r.bucket = bucket_of(unit);
        take(i, i + 1);
        found = true;
      }
    if (found)
      continue;
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
        continue;
      }
      if (w == "over" && text(j) == "time") {
        r.bucket = time_bucket::month;
        take(i, j + 1);
        continue;
      }
    }
    if (w == "trend" || w == "trends" || w == "trending") {
      if (r.bucket == time_bucket::none)
        r.bucket = time_bucket::month;
      take(i, i + 1);
      continue;
    }
  }
  return r;
}

} // namespace medha::sqlgen
