#include "actors/sqlgen/calendar.hpp"

#include <cstdio>

namespace medha::sqlgen {

namespace {

int days_in(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

std::string iso(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

} // namespace

std::string next_day(const std::string& date) {
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  if (++d > days_in(y, m)) {
    d = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return iso(y, m, d);
}

std::string previous_day(const std::string& date) {
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  if (--d == 0) {
    if (--m == 0) {
      m = 12;
      --y;
    }
    d = days_in(y, m);
  }
  return iso(y, m, d);
}

} // namespace medha::sqlgen
