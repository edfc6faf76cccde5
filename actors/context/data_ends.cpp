// A database read long after its last row was written is a copy (an
// extract, a demo, a public dataset). Asked "how many this year?", its
// owner means the year the copy ends in, not the calendar's: counted from
// today, every relative period would be empty. The day it ends is read from
// the data itself, so a live system (whose columns reach today) is left
// counting from today.
#include "actors/context/data_ends.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace medha {

bool day_number(const std::string& day, long& number) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-')
    return false;
  for (size_t i = 0; i < day.size(); ++i)
    if (i != 4 && i != 7 && (day[i] < '0' || day[i] > '9'))
      return false;
  long y = std::stol(day.substr(0, 4)), m = std::stol(day.substr(5, 2)), d = std::stol(day.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return false;
  // Days from the civil calendar: years counted from March, so that the
  // leap day falls last in each counted year.
  y -= m <= 2 ? 1 : 0;
  long era = (y >= 0 ? y : y - 399) / 400;
  long year_of_era = y - era * 400;
  long day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  number = era * 146097 + day_of_era - 719468;
  return true;
}

std::string data_ends_from(std::vector<std::string> latest_days, const std::string& today, int stale_after_days) {
  long now = 0;
  if (!day_number(today, now))
    return {};
  std::vector<std::pair<long, std::string>> past;
  for (auto& d : latest_days) {
    long n = 0;
    if (day_number(d, n) && n <= now)
      past.emplace_back(n, d);
  }
  if (past.empty())
    return {};
  std::sort(past.begin(), past.end());
  // The latest day that another column reaches too, within three days before
  // it: a copy ends where its business stopped, on several tables at once;
  // one column's days ahead (a booking for next week) stand alone.
  std::optional<std::pair<long, std::string>> end;
  for (size_t i = past.size(); i-- > 1 && !end;)
    if (past[i].first - past[i - 1].first <= 3)
      end = past[i];
  // With no two columns that close, the upper median, or a day at most a
  // week after it.
  if (!end) {
    auto median = past[past.size() / 2];
    end = median;
    for (auto& p : past)
      if (p.first <= median.first + 7)
        end = p;
  }
  return now - end->first > stale_after_days ? end->second : std::string();
}

bool looks_ahead(const std::string& column) {
  // Days set in advance: when something is due, expires, is planned or
  // ends. Their latest is often after the day the copy was taken.
  static const char* ahead[] = {"due",  "exp",   "expiry", "expires", "expiring", "sched", "scheduled", "planned",
                                "next", "end",   "ends",   "until",   "renewal",  "renew", "deadline",  "target",
                                "eta",  "valid", "expected"};
  std::string word;
  auto said = [&] {
    bool found = std::any_of(std::begin(ahead), std::end(ahead), [&](const char* a) { return word == a; });
    word.clear();
    return found;
  };
  for (size_t i = 0; i < column.size(); ++i) {
    auto ch = column[i];
    // ("ExpiryDate": a capital after a small letter begins a word.)
    if (i > 0 && std::isupper(static_cast<unsigned char>(ch)) && std::islower(static_cast<unsigned char>(column[i - 1]))
        && said())
      return true;
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (said()) {
      return true;
    }
  }
  return said();
}

} // namespace medha
