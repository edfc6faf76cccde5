// "The ratio of A to B" once both sides are read: the division as one
// reading, with each condition on the side it belongs to, the groups, the
// order and the sides' own numbers when asked, and how well it was read.
#include <algorithm>

#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/reading_ratio_parts.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail::ratios {

std::optional<reading> divide(const indexed_model& model, const std::vector<token>& tokens,
                              const sides_read& s) {
  auto& ra = s.ra;
  auto& rb = s.rb;
  auto& a = s.a;
  auto& b = s.b;
  bool averaged = s.averaged, with_sides = s.with_sides;
  bool order_by_ratio = s.order_by_ratio, descending = s.descending;
  reading r;
  r.tokens = tokens;
  r.dimensions = ra.dimensions;
  measure ratio = a.m;
  measure over = b.m;
  if (!same_dimensions(ra.dimensions, rb.dimensions)) {
    // "the number of businesses in each state to the total number of
    // businesses": the denominator is every group's total.
    bool whole = rb.dimensions.empty() && !ra.dimensions.empty()
                 && measure_table(model, a.m) == measure_table(model, b.m)
                 && std::all_of(b.filters.begin(), b.filters.end(), [&](const filter& f) {
                      return std::any_of(a.filters.begin(), a.filters.end(),
                                         [&](const filter& g) { return same_filter(f, g); });
                    });
    if (!whole)
      return std::nullopt;
    ratio.over_all_groups = true;
  }
  // Two values of a table's own rows, with no groups and no condition to
  // tell them apart: one ratio per row.
  bool contrasted = false;
  for (auto& f : b.filters)
    for (auto& g : a.filters)
      contrasted = contrasted || (f.column == g.column && !same_filter(f, g));
  if (averaged) {
    // "the average ratio of speed to payload": two columns of the same rows,
    // divided row by row, then averaged (over each group, if any).
    auto column_only = [](const side& x) {
      return x.row_values
             || (x.m.metric.empty() && !x.m.column.column.empty()
                 && (x.m.agg == aggregate::sum || x.m.agg == aggregate::none));
    };
    if (!column_only(a) || !column_only(b) || a.m.column.table != b.m.column.table
        || ratio.over_all_groups || !a.filters.empty() || !b.filters.empty())
      return std::nullopt;
    ratio.agg = aggregate::avg;
    ratio.row_by_row = true;
  }
  if (r.dimensions.empty() && a.row_values && b.row_values && !contrasted && !averaged
      && a.m.column.table == b.m.column.table) {
    dimension d;
    d.column = label_of(model, a.m.column.table);
    r.dimensions.push_back(d);
  }
  // Conditions named on both sides restrict both; on the numerator's side
  // only, the numerator. On the denominator's side only: the denominator's
  // when it contrasts a numerator condition on the same column ("rating
  // above 4 to rating below 4"), else the whole ratio ("... in New York").
  auto in = [](const std::vector<filter>& fs, const filter& f) {
    return std::any_of(fs.begin(), fs.end(), [&](const filter& g) { return same_filter(f, g); });
  };
  std::vector<filter> a_only;
  for (auto& f : a.filters)
    if (in(b.filters, f))
      r.filters.push_back(f);
    else
      a_only.push_back(f);
  ratio.condition = a_only;
  for (auto& f : b.filters) {
    if (in(a.filters, f))
      continue;
    bool contrast = std::any_of(a_only.begin(), a_only.end(), [&](const filter& g) {
      return g.column == f.column || (g.column.empty() && f.column.empty());
    });
    if (contrast || ratio.over_all_groups)
      over.condition.push_back(f);
    else
      r.filters.push_back(f);
  }
  if (ratio.over_all_groups && !over.condition.empty())
    return std::nullopt;
  bool same_sides = ratio.agg == over.agg && ratio.metric == over.metric
                    && ratio.column == over.column && ratio.condition.empty()
                    && over.condition.empty() && !ratio.over_all_groups;
  if (same_sides)
    return std::nullopt;
  ratio.form = measure_form::ratio;
  over.form = measure_form::plain;
  ratio.over = {over};
  r.measures = {ratio};
  if (with_sides) {
    // Only sides that are measures of their own (no condition of a side).
    if (!ratio.condition.empty() || !over.condition.empty() || ratio.over_all_groups
        || ratio.row_by_row)
      return std::nullopt;
    measure num = ratio;
    num.form = measure_form::plain;
    num.over.clear();
    r.measures.push_back(num);
    r.measures.push_back(over);
  }
  if (order_by_ratio) {
    ordering o;
    o.measure = 0;
    o.descending = descending;
    r.order.push_back(o);
  } else {
    for (auto& o : ra.order)
      if (o.measure < 0 || o.measure == 0)
        r.order.push_back(o);
  }
  if (ra.ignore_case || rb.ignore_case) {
    r.ignore_case = true;
    auto& of = ra.ignore_case ? ra.ignore_case_of : rb.ignore_case_of;
    // The column named may be on either side: look for it among all.
    std::vector<filter> all = r.filters;
    for (auto* fs : {&r.measures.front().condition, &r.measures.front().over.front().condition})
      all.insert(all.end(), fs->begin(), fs->end());
    bool named = std::any_of(all.begin(), all.end(), [&](const filter& f) {
      return join(split_words(f.column.column), " ") == of;
    });
    for (auto* fs : {&r.filters, &r.measures.front().condition,
                     &r.measures.front().over.front().condition})
      ignore_case(model, *fs, named ? of : std::string());
  }
  r.via = ra.via;
  r.chart_hint = ra.chart_hint;
  // How well it was understood: both sides together, and the ratio word.
  r.cues = ra.cues + rb.cues + 1;
  r.content_words = ra.content_words + rb.content_words + 1;
  r.explained_words = ra.explained_words + rb.explained_words + 1;
  r.link_quality = std::min(ra.link_quality, rb.link_quality);
  for (auto* part_reading : {&ra, &rb}) {
    for (auto& w : part_reading->unknown_words)
      if (std::find(r.unknown_words.begin(), r.unknown_words.end(), w) == r.unknown_words.end())
        r.unknown_words.push_back(w);
    if (!part_reading->unranked.empty())
      r.unresolved.push_back(part_reading->unranked);
    for (auto& u : part_reading->unresolved)
      r.unresolved.push_back(u);
  }
  return r;
}

} // namespace medha::sqlgen::detail::ratios
