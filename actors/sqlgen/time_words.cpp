// The words time phrases are made of: years, ISO dates, small counts,
// calendar units, quarters, ordinals, month names, "monthly" and the like.
#include <algorithm>
#include <cctype>

#include "actors/sqlgen/time_phrases_parts.hpp"

namespace medha::sqlgen::time_rules {

bool is_year(const std::string& w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), ::isdigit))
    return false;
  int y = std::stoi(w);
  return y >= 1900 && y <= 2100;
}

bool is_iso_date(const std::string& w) {
  return w.size() == 10 && w[4] == '-' && w[7] == '-' && is_year(w.substr(0, 4));
}

namespace {

bool is_count(const std::string& w) {
  return !w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), ::isdigit);
}

} // namespace

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

const std::vector<std::pair<std::string, std::string>>& period_adverbs() {
  static const std::vector<std::pair<std::string, std::string>> adverbs = {
    {"daily", "day"},         {"weekly", "week"}, {"monthly", "month"},
    {"quarterly", "quarter"}, {"yearly", "year"}, {"annual", "year"},
    {"annually", "year"},
  };
  return adverbs;
}

} // namespace medha::sqlgen::time_rules

namespace medha::sqlgen {

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

bool period_adverb(const std::string& word) {
  for (auto& [w, unit] : time_rules::period_adverbs())
    if (w == word)
      return true;
  return false;
}

bool asks_one_period(const std::vector<token>& tokens) {
  for (size_t i = 0; i + 1 < tokens.size() && i < 3; ++i)
    if ((tokens[i].text == "which" || tokens[i].text == "what") && !tokens[i + 1].quoted) {
      static const char* units[] = {"hour", "day", "week", "month", "quarter", "year"};
      return std::any_of(std::begin(units), std::end(units), [&](const char* u) { return tokens[i + 1].text == u; });
    }
  return false;
}

} // namespace medha::sqlgen
