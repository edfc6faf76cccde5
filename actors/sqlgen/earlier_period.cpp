// "a year earlier?", "the quarter before that": the period of the question
// before, one step back. Only a calendar period that names its year
// can step back; a range or a bare month ("July", of any year) is asked.
#include "actors/sqlgen/earlier_period.hpp"

#include <algorithm>

namespace medha::sqlgen {

std::optional<query> one_period_earlier(query q, const std::string& unit) {
  filter* period = nullptr;
  for (auto& f : q.filters) {
    if (!is_time_filter(f) || f.measure >= 0)
      continue;
    if (period)
      return std::nullopt; // two periods: which one moves is not said
    period = &f;
  }
  if (!period || period->values.empty() || period->values[0].empty())
    return std::nullopt;
  auto& v = period->values;
  int year = std::atoi(v[0].c_str());
  if (year <= 0)
    return std::nullopt;
  if (unit == "year" && (period->op == filter_op::year || period->op == filter_op::month
                         || period->op == filter_op::quarter)) {
    v[0] = std::to_string(year - 1);
    return q;
  }
  // A quarter before a quarter, a month before a month.
  bool same = (unit == "quarter" && period->op == filter_op::quarter)
              || (unit == "month" && period->op == filter_op::month);
  if (!same || v.size() < 2)
    return std::nullopt;
  int last = unit == "quarter" ? 4 : 12;
  int step = std::atoi(v[1].c_str()) - 1;
  if (step < 0 || step >= last)
    return std::nullopt;
  if (step == 0) {
    v[0] = std::to_string(year - 1);
    step = last;
  }
  v[1] = std::to_string(step);
  return q;
}

} // namespace medha::sqlgen
