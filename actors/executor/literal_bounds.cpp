#include "actors/executor/literal_bounds.hpp"

#include <boost/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace medha {

namespace {

namespace json = boost::json;

// The argument with casts peeled off: '2020-01-01'::date is still a literal.
const json::object* constant_of(const json::value& arg) {
  const json::value* v = &arg;
  for (int i = 0; i < 8; ++i) {
    auto* obj = v->if_object();
    if (!obj)
      return nullptr;
    if (auto* cast = obj->if_contains("TypeCast")) {
      auto* inner = cast->is_object() ? cast->as_object().if_contains("arg") : nullptr;
      if (!inner)
        return nullptr;
      v = inner;
      continue;
    }
    auto* c = obj->if_contains("A_Const");
    return c ? c->if_object() : nullptr;
  }
  return nullptr;
}

std::optional<std::string> literal_text(const json::value& arg) {
  auto* c = constant_of(arg);
  if (!c)
    return std::nullopt;
  auto* s = c->if_contains("sval");
  if (!s || !s->is_object())
    return std::nullopt;
  auto* text = s->as_object().if_contains("sval");
  if (!text || !text->is_string())
    return std::string(); // '' has its value omitted
  return std::string(text->as_string());
}

// The number written at `location` in the text: minus signs, blanks and
// opening parentheses, then digits.
std::optional<double> number_at(std::string_view sql, int64_t location) {
  if (location < 0 || static_cast<size_t>(location) >= sql.size())
    return std::nullopt;
  bool negative = false;
  size_t i = static_cast<size_t>(location);
  for (; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '-')
      negative = !negative;
    else if (c != ' ' && c != '(' && c != '\t' && c != '\n' && c != '+')
      break;
  }
  std::string digits;
  for (; i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '.'); ++i)
    digits += sql[i];
  char* end = nullptr;
  double d = std::strtod(digits.c_str(), &end);
  if (digits.empty() || !end || *end != '\0')
    return std::nullopt;
  return negative ? -d : d;
}

// Seconds since 1970 for YYYY-MM-DD[ HH:MM[:SS]] (or a 'T' separator).
std::optional<double> timestamp_seconds(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double s = 0;
  int n = std::sscanf(text.c_str(), "%d-%d-%d%*[ T]%d:%d:%lf", &y, &mo, &d, &h, &mi, &s);
  if (n < 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return std::nullopt;
  // Days from civil (Howard Hinnant's algorithm).
  int yy = y - (mo <= 2);
  int era = (yy >= 0 ? yy : yy - 399) / 400;
  int yoe = yy - era * 400;
  int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  double days = static_cast<double>(era) * 146097 + doe - 719468;
  return days * 86400 + h * 3600 + mi * 60 + s;
}

// Seconds in an interval literal: "1 day", "2 hours 30 minutes", "00:00:01".
std::optional<double> interval_seconds(const std::string& text) {
  int h = 0, m = 0;
  double s = 0;
  if (std::sscanf(text.c_str(), "%d:%d:%lf", &h, &m, &s) >= 2 && text.find(' ') == std::string::npos)
    return h * 3600.0 + m * 60.0 + s;
  static const std::pair<const char*, double> units[] = {
    {"microsecond", 1e-6}, {"millisecond", 1e-3}, {"second", 1}, {"sec", 1}, {"minute", 60},
    {"min", 60}, {"hour", 3600}, {"day", 86400}, {"week", 604800}, {"month", 2592000},
    {"mon", 2592000}, {"year", 31536000}, {"decade", 315360000}, {"century", 3153600000.0},
  };
  double total = 0;
  bool any = false;
  const char* p = text.c_str();
  while (*p) {
    char* end = nullptr;
    double amount = std::strtod(p, &end);
    if (end == p)
      return std::nullopt;
    p = end;
    while (*p == ' ')
      ++p;
    std::string word;
    while (std::isalpha(static_cast<unsigned char>(*p)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(*p++)));
    while (*p == ' ' || *p == ',')
      ++p;
    if (word.empty())
      return std::nullopt;
    bool known = false;
    for (auto& [name, seconds] : units) {
      std::string n = name;
      if (word == n || word == n + "s") {
        total += amount * seconds;
        known = any = true;
        break;
      }
    }
    if (!known)
      return std::nullopt;
  }
  if (!any)
    return std::nullopt;
  return total;
}

} // namespace

std::optional<double> literal_number(const json::value& arg, std::string_view sql) {
  auto* c = constant_of(arg);
  if (!c)
    return std::nullopt;
  if (auto* f = c->if_contains("fval")) {
    auto* text = f->is_object() ? f->as_object().if_contains("fval") : nullptr;
    if (!text || !text->is_string())
      return std::nullopt;
    return std::strtod(std::string(text->as_string()).c_str(), nullptr);
  }
  auto* i = c->if_contains("ival");
  if (!i || !i->is_object())
    return std::nullopt;
  if (auto* v = i->as_object().if_contains("ival"); v && v->is_int64())
    return static_cast<double>(v->as_int64());
  // Zero and negative integers come without a value: read the text.
  auto* loc = c->if_contains("location");
  return loc && loc->is_int64() ? number_at(sql, loc->as_int64()) : std::nullopt;
}

std::optional<double> literal_series_rows(const json::array& args, std::string_view sql) {
  if (args.size() < 2 || args.size() > 3)
    return std::nullopt;
  auto start = literal_number(args[0], sql);
  auto stop = literal_number(args[1], sql);
  if (start && stop) {
    double step = 1;
    if (args.size() == 3) {
      auto given = literal_number(args[2], sql);
      if (!given || *given == 0)
        return std::nullopt;
      step = *given;
    }
    double rows = std::floor((*stop - *start) / step) + 1;
    return rows < 0 ? 0 : rows;
  }
  if (args.size() != 3)
    return std::nullopt;
  auto from = literal_text(args[0]);
  auto to = literal_text(args[1]);
  auto every = literal_text(args[2]);
  if (!from || !to || !every)
    return std::nullopt;
  auto a = timestamp_seconds(*from);
  auto b = timestamp_seconds(*to);
  auto step = interval_seconds(*every);
  if (!a || !b || !step || *step == 0)
    return std::nullopt;
  double rows = std::floor((*b - *a) / *step) + 1;
  return rows < 0 ? 0 : rows;
}

} // namespace medha
