#include "runtime/client/eval_judge.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace medha::client {

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Splits on ';' outside quotes.
std::vector<std::string> split_statements(const std::string& sql) {
  std::vector<std::string> out;
  std::string cur;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ';') {
      if (!trim(cur).empty())
        out.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!trim(cur).empty())
    out.push_back(trim(cur));
  return out;
}

// The items of a `{a, b}` list: commas inside parentheses or quotes
// ("to_char(d, 'YYYY-MM')") belong to the item.
std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '\'')
      quoted = !quoted;
    else if (!quoted && c == '(')
      ++depth;
    else if (!quoted && c == ')' && depth > 0)
      --depth;
    if (c == ',' && depth == 0 && !quoted) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty())
    out.push_back(trim(cur));
  return out;
}

// The suites' convention: a month may be given as its first day (a date or a
// midnight timestamp, with or without a zone) or as 'YYYY-MM'. All three
// become 'YYYY-MM'; any other day or time is left as it is.
std::optional<std::string> as_month(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
        return false;
    return true;
  };
  if (s.size() < 10 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s.compare(7, 3, "-01") != 0)
    return std::nullopt;
  auto rest = s.substr(10);
  if (!rest.empty()) {
    if (rest.compare(0, 9, " 00:00:00") != 0)
      return std::nullopt;
    auto zone = rest.substr(9);
    bool zone_ok = zone.empty() || ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 3 &&
                                    zone.find_first_not_of("0123456789:", 1) == std::string::npos);
    if (!zone_ok)
      return std::nullopt;
  }
  return s.substr(0, 7);
}

// Numbers become a canonical text to 6 significant digits; months as above;
// the rest as is.
std::string normalize(const std::optional<std::string>& cell) {
  if (!cell)
    return std::string{"\x01NULL"};
  const auto& s = *cell;
  if (auto month = as_month(s))
    return *month;
  if (!s.empty()) {
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(d)) {
      if (d == 0)
        return "0";
      char buf[64];
      std::snprintf(buf, sizeof(buf), "%.6g", d);
      return buf;
    }
  }
  return s;
}

} // namespace

std::vector<std::string> expand_gold(const std::string& gold) {
  std::vector<std::string> out;
  // Statements still to expand: each `{a, b}` group in turn, so that two
  // groups in one select list ("{code, name}, {given, family}") give every
  // pair of their subsets. (Bounded: a gold field is a handful of columns.)
  std::vector<std::string> pending;
  for (auto& stmt : split_statements(gold))
    pending.push_back(stmt);
  while (!pending.empty() && out.size() < 4096) {
    auto stmt = std::move(pending.front());
    pending.erase(pending.begin());
    auto open = stmt.find('{');
    while (open != std::string::npos && open + 1 < stmt.size() && stmt[open + 1] == '}')
      open = stmt.find('{', open + 2);
    auto close = open == std::string::npos ? std::string::npos : stmt.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
      out.push_back(stmt);
      continue;
    }
    std::vector<std::string> expanded;
    auto items = split_commas(stmt.substr(open + 1, close - open - 1));
    size_t n = std::min<size_t>(items.size(), 8);
    for (size_t mask = 1; mask < (size_t{1} << n); ++mask) {
      std::string subset;
      for (size_t i = 0; i < n; ++i)
        if (mask & (size_t{1} << i))
          subset += (subset.empty() ? "" : ", ") + items[i];
      std::string q = stmt.substr(0, open) + subset + stmt.substr(close + 1);
      // `{}` elsewhere (GROUP BY {}) repeats the chosen columns.
      for (size_t p; (p = q.find("{}")) != std::string::npos;)
        q.replace(p, 2, subset);
      expanded.push_back(q);
    }
    // Depth first, so the alternatives keep the order they were written in.
    pending.insert(pending.begin(), expanded.begin(), expanded.end());
  }
  return out;
}

bool order_matters(const std::string& question, const std::string& gold_sql) {
  if (lower(gold_sql).find("order by") == std::string::npos)
    return false;
  static const char* words[] = {"order",   "sort",    "highest", "lowest",  "top",
                                "bottom",  "rank",    "ascending", "descending", "most",
                                "least",   "largest", "smallest", "biggest", "first",
                                "last",    "best",    "worst",   "greatest", "fewest"};
  auto q = lower(question);
  for (auto* w : words)
    if (q.find(w) != std::string::npos)
      return true;
  return false;
}

bool results_match(const result_table& gold, const result_table& candidate, bool ordered) {
  if (gold.rows.size() != candidate.rows.size())
    return false;
  size_t gc = gold.columns.size(), cc = candidate.columns.size();
  if (gc == 0 || cc < gc)
    return gc == 0 && cc == 0;
  size_t rows = gold.rows.size();
  auto column = [&](const result_table& t, size_t c) {
    std::vector<std::string> v;
    v.reserve(rows);
    for (auto& r : t.rows)
      v.push_back(c < r.size() ? normalize(r[c]) : normalize(std::nullopt));
    return v;
  };
  std::vector<std::vector<std::string>> g(gc), c(cc);
  for (size_t i = 0; i < gc; ++i)
    g[i] = column(gold, i);
  for (size_t i = 0; i < cc; ++i)
    c[i] = column(candidate, i);
  // Candidate columns whose values (as a multiset) equal each gold column's.
  std::vector<std::vector<size_t>> options(gc);
  for (size_t i = 0; i < gc; ++i) {
    auto gs = g[i];
    std::sort(gs.begin(), gs.end());
    for (size_t j = 0; j < cc; ++j) {
      auto cs = c[j];
      std::sort(cs.begin(), cs.end());
      if (cs == gs)
        options[i].push_back(j);
    }
    if (options[i].empty())
      return false;
  }
  // Try the assignments (tiny in practice) and compare whole rows.
  std::vector<size_t> pick(gc);
  std::vector<bool> used(cc, false);
  std::function<bool(size_t)> assign = [&](size_t i) -> bool {
    if (i == gc) {
      std::vector<std::string> a(rows), b(rows);
      for (size_t r = 0; r < rows; ++r)
        for (size_t k = 0; k < gc; ++k) {
          a[r] += g[k][r] + '\x1f';
          b[r] += c[pick[k]][r] + '\x1f';
        }
      if (!ordered) {
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
      }
      return a == b;
    }
    for (auto j : options[i]) {
      if (used[j])
        continue;
      used[j] = true;
      pick[i] = j;
      if (assign(i + 1))
        return true;
      used[j] = false;
    }
    return false;
  };
  return assign(0);
}

} // namespace medha::client
