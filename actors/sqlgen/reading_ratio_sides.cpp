// A side of "the ratio of A to B", read on its own, as one measure: a count
// of rows, a column's total or value, or entities counted by how many related
// rows each has; and how two sides' conditions and groups compare.
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/reading_ratio_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail::ratios {

bool same_filter(const filter& a, const filter& b) {
  return a.op == b.op && a.column == b.column && a.values == b.values
         && a.related_table == b.related_table && a.measure == b.measure && a.sql == b.sql;
}

bool same_dimensions(const std::vector<dimension>& a, const std::vector<dimension>& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].column != b[i].column || a[i].bucket != b[i].bucket)
      return false;
  return true;
}

namespace {

// "vans that have more than 1 driver": read alone, keyphrases counted
// per van and the groups kept by their count. As a side, the vans are
// counted, each kept by the number of its keyphrases.
std::optional<side> entities_by_count(const indexed_model& model, reading& r) {
  if (r.measures.size() != 1 || r.dimensions.size() != 1)
    return std::nullopt;
  auto& m = r.measures.front();
  auto entity = r.dimensions.front().column.table;
  if (m.form != measure_form::plain || m.agg != aggregate::count || !m.metric.empty()
      || !m.column.column.empty() || m.column.table == entity
      || r.dimensions.front().bucket != time_bucket::none
      || r.dimensions.front().column != label_of(model, entity))
    return std::nullopt;
  side s;
  s.m.agg = aggregate::count;
  s.m.column = {entity, ""};
  bool counted = false;
  for (auto f : r.filters) {
    if (f.measure < 0) {
      // A condition on the entity itself; one on the counted rows would
      // change what is counted for each: not attempted.
      if (f.column.table != entity)
        return std::nullopt;
      s.filters.push_back(f);
      continue;
    }
    bool compares = f.op == filter_op::gt || f.op == filter_op::ge || f.op == filter_op::lt
                    || f.op == filter_op::le || f.op == filter_op::eq;
    if (f.measure != 0 || !compares || f.values.size() != 1 || !is_number(f.values.front()))
      return std::nullopt;
    f.measure = -1;
    f.column = {entity, ""};
    f.related_table = m.column.table;
    f.numeric = true;
    s.filters.push_back(f);
    counted = true;
  }
  if (!counted)
    return std::nullopt;
  r.dimensions.clear();
  return s;
}

} // namespace

std::optional<side> side_of(const indexed_model& model, reading& r) {
  if (!r.ambiguities.empty() || r.refers_back || r.top_n > 0 || r.limit > 0)
    return std::nullopt;
  if (auto s = entities_by_count(model, r))
    return s;
  side s;
  for (auto& f : r.filters) {
    if (f.measure >= 0)
      return std::nullopt; // a condition on a count per entity: not one measure
    s.filters.push_back(f);
  }
  // A column named beside the measure ("students enrolled" beside
  // num_enrolled) says the side is not one measure.
  if (r.measures.size() == 1 && r.measures[0].form == measure_form::plain && r.selected.empty()) {
    s.m = r.measures[0];
    return s;
  }
  if (!r.measures.empty())
    return std::nullopt;
  if (r.selected.empty() && !r.entity.empty()) {
    s.m = count_of(model, r.entity);
    return s;
  }
  std::vector<column_ref> numbers;
  for (auto& c : r.selected)
    if (role_of(model, c) == column_role::numeric)
      numbers.push_back(c);
  if (numbers.size() != 1)
    return std::nullopt;
  s.m.agg = aggregate::sum;
  s.m.column = numbers.front();
  s.row_values = true;
  return s;
}

} // namespace medha::sqlgen::detail::ratios
