// A comparison asked as a follow-up names one side; the question before
// named the other. Shown side by side: one group per side.
#include "actors/sqlgen/compare_sides.hpp"

#include <algorithm>
#include <string>

namespace medha::sqlgen {

bool says_compare(const std::vector<token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "compare" || t.text == "compared" || t.text == "comparison" || t.text == "versus"
                         || t.text == "vs");
  });
}

namespace {

// The one filter of `q` on `column` with one value and this op, or null.
const filter* single(const query& q, const column_ref& column, filter_op op) {
  const filter* found = nullptr;
  for (auto& f : q.filters)
    if (f.column == column && f.measure < 0) {
      if (found || f.op != op || f.values.size() != 1)
        return nullptr;
      found = &f;
    }
  return found;
}

} // namespace

std::optional<query> both_sides(const query& previous, query q) {
  if (!q.dimensions.empty() || q.measures.size() != 1)
    return std::nullopt;
  for (auto& f : q.filters) {
    if (f.measure >= 0 || f.values.size() != 1)
      continue;
    // A value of a column, the question before holding another of it.
    if (f.op == filter_op::eq) {
      auto* before = single(previous, f.column, filter_op::eq);
      if (!before || before->values[0] == f.values[0])
        continue;
      filter two = f;
      two.op = filter_op::in;
      two.values = {before->values[0], f.values[0]};
      auto column = f.column;
      std::replace_if(q.filters.begin(), q.filters.end(), [&](const filter& x) { return x.column == column && x.op == filter_op::eq; }, two);
      dimension d;
      d.column = column;
      q.dimensions.push_back(d);
      return q;
    }
    // A year of a date, the question before holding the year next to it.
    if (f.op == filter_op::year && !f.column.column.empty()) {
      auto* before = single(previous, f.column, filter_op::year);
      if (!before)
        continue;
      int a = std::atoi(before->values[0].c_str()), b = std::atoi(f.values[0].c_str());
      if (a <= 0 || b <= 0 || std::abs(a - b) != 1)
        return std::nullopt;
      auto column = f.column;
      q.filters.erase(std::remove_if(q.filters.begin(), q.filters.end(),
                                     [&](const filter& x) { return x.column == column && x.op == filter_op::year; }),
                      q.filters.end());
      filter from, to;
      from.op = filter_op::since;
      from.column = column;
      from.values = {std::to_string(std::min(a, b)) + "-01-01"};
      to.op = filter_op::before;
      to.column = column;
      to.values = {std::to_string(std::max(a, b) + 1) + "-01-01"};
      q.filters.push_back(from);
      q.filters.push_back(to);
      dimension d;
      d.column = column;
      d.bucket = time_bucket::year;
      q.dimensions.push_back(d);
      return q;
    }
  }
  return std::nullopt;
}

} // namespace medha::sqlgen
