#include "actors/sqlgen/rules_applied.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

void columns_of(const std::vector<filter>& fs, std::vector<column_ref>& out) {
  for (auto& f : fs) {
    out.push_back(f.column);
    if (!f.other.empty())
      out.push_back(f.other);
    columns_of(f.within, out);
  }
}

void columns_of(const std::vector<measure>& ms, std::vector<column_ref>& out) {
  for (auto& m : ms) {
    out.push_back(m.column);
    columns_of(m.condition, out);
    columns_of(m.over, out);
  }
}

// A value the question keeps that is what a column of the rule is named
// for: the status 'VOID' beside a rule on `voided_dt`. The question asks for
// the rows the rule would leave out.
bool keeps_what_rule_drops(const rule& r, const table_info* t, const std::vector<filter>& fs) {
  if (!t)
    return false;
  for (auto& f : fs) {
    if (keeps_what_rule_drops(r, t, f.within))
      return true;
    if (f.column.table != r.table || (f.op != filter_op::eq && f.op != filter_op::in))
      continue;
    for (auto& v : f.values) {
      std::string value;
      for (char ch : v)
        value += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (value.size() < 4)
        continue;
      for (auto& c : t->columns) {
        if (!r.names_column(c.name))
          continue;
        for (auto& w : name_words(c.name))
          if (w.size() >= 4 && (w.compare(0, value.size(), value) == 0 || value.compare(0, w.size(), w) == 0))
            return true;
      }
    }
  }
  return false;
}

} // namespace

std::vector<const rule*> rules_applied(const indexed_model& model, const query& q,
                                       const std::vector<std::string>& tables) {
  std::vector<column_ref> used;
  columns_of(q.filters, used);
  columns_of(q.measures, used);
  for (auto& d : q.dimensions)
    used.push_back(d.column);
  for (auto& c : q.selected)
    used.push_back(c);
  std::vector<const rule*> out;
  for (auto& r : model.rules) {
    if (r.filter.empty() || std::find(tables.begin(), tables.end(), r.table) == tables.end())
      continue;
    bool own = std::any_of(used.begin(), used.end(), [&](const column_ref& c) {
      return c.table == r.table && r.names_column(c.column);
    });
    // Grouped by a column that holds such a value, the rule's rows are a
    // group of their own, asked for with the rest.
    auto* table = model.find_table(r.table);
    std::vector<filter> shown;
    for (auto& d : q.dimensions) {
      auto* c = table && d.column.table == r.table ? table->find_column(d.column.column) : nullptr;
      if (c && !c->values.empty()) {
        filter f;
        f.op = filter_op::in;
        f.column = d.column;
        f.values = c->values;
        shown.push_back(f);
      }
    }
    if (!own && !keeps_what_rule_drops(r, table, q.filters) && !keeps_what_rule_drops(r, table, shown))
      out.push_back(&r);
  }
  return out;
}

} // namespace medha::sqlgen
