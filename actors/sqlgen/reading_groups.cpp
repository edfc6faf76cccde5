// Once ranked: existence of related rows, shares and percentages, the period
// filters and buckets, "both", "versus", averages per entity, and groups that
// only restate the measure's own rows.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"
#include "actors/sqlgen/indexed_model.hpp"


namespace medha::sqlgen::detail {

void reader::read_conditions_and_groups() {
  drop_restated_counts();
  // Existence: "customers with no orders", "customers who placed orders".
  std::string base = r.entity;
  if (base.empty() && r.measures.size() == 1 && counts_things(model, r.measures[0]))
    base = r.measures[0].column.table;
  auto related = [&](const std::vector<std::string>& tables, filter_op op) {
    for (auto& t : tables) {
      auto p = shortest_path(model, base, t);
      if (base.empty() || !p.found || p.steps.empty()) {
        if (op == filter_op::lacks_related || base.empty())
          r.unresolved.push_back(t);
        continue;
      }
      filter f;
      f.op = op;
      f.column = {base, ""};
      f.related_table = t;
      r.filters.push_back(f);
    }
  };
  related(lacks, filter_op::lacks_related);
  // "customers with no orders this year": a period said after the rows
  // they lack is of those rows, kept inside the "none"; on the customers'
  // own date it would answer another question.
  bool period_of_lacked = false;
  if (!lacks.empty() && !time.filters.empty() && !time_column_hint && !r.filters.empty()
      && r.filters.back().op == filter_op::lacks_related && r.filters.back().related_table == lacks.back()) {
    auto first = static_cast<size_t>(std::find(in_period.begin(), in_period.end(), true) - in_period.begin());
    period_of_lacked = first >= lacked_at && first < in_period.size();
  }
  if (period_of_lacked) {
    auto& none = r.filters.back();
    auto date = lacked_event && lacked_event->table == none.related_table
                  ? *lacked_event
                  : default_time_column(model, none.related_table);
    if (date.empty() || date.table != none.related_table)
      r.unresolved.push_back("the period of the " + column_words(none.related_table));
    for (auto f : time.filters) {
      f.column = date;
      none.within.push_back(f);
    }
  }
  related(has, filter_op::has_related);
  // "customers who placed an order in 2024": the period is the related rows'
  // (the orders' date), not the entity's own (the signup date); so is
  // "customers who placed orders each year" grouped by the orders' year.
  // Only when those rows belong to the ones kept (orders of customers): in
  // "deliveries of clients in Oslo in 2023" the clients own the deliveries
  // counted, and the period is the deliveries'.
  auto rows = rows_asked();
  bool owned_by_rows = !has.empty() && std::none_of(model.relationships.begin(), model.relationships.end(),
                                                    [&](const relationship& rel) {
                                                      return rel.from_table == rows && rel.to_table == has.front();
                                                    });
  if (!time_column_hint && (!time.filters.empty() || time.bucket != time_bucket::none)
      && has.size() == 1 && owned_by_rows)
    if (auto c = default_time_column(model, has.front()); !c.empty() && c.table == has.front())
      time_column_hint = c;
  // "percentage of orders that were cancelled": the values after the share
  // become the numerator's condition.
  if (share && r.dimensions.empty() && time.bucket == time_bucket::none) {
    if (r.measures.empty() && !r.entity.empty()) {
      r.measures.push_back(count_rows(r.entity));
      r.entity.clear();
    }
    if (!r.measures.empty()) {
      auto& m = r.measures.front();
      std::vector<filter> keep;
      std::vector<size_t> moved;
      for (auto& [fi, pos] : value_filters)
        if (pos > share_pos)
          moved.push_back(fi);
      if (!moved.empty()) {
        m.form = measure_form::percent_where;
        for (size_t i = 0; i < r.filters.size(); ++i) {
          if (std::find(moved.begin(), moved.end(), i) != moved.end())
            m.condition.push_back(r.filters[i]);
          else
            keep.push_back(r.filters[i]);
        }
        r.filters = keep;
      } else if (m.form == measure_form::share_of_total) {
        r.unresolved.push_back("share of what");
      } else if (share_pos == 0 || !is_number(tokens[share_pos - 1].text)) {
        // A share of "every invoice", said after a count: of that count,
        // when there is one (embedded_engine.cpp). Not "10 percent", a
        // number said with its unit.
        r.share_of_shown = true;
      }
    }
  } else if (share && !r.measures.empty()) {
    r.measures.front().form = measure_form::share_of_total;
  }
  // Time: filters and buckets; their column is chosen after any merge.
  for (auto f : period_of_lacked ? std::vector<filter>{} : time.filters) {
    if (time_column_hint)
      f.column = *time_column_hint;
    r.filters.push_back(f);
  }
  group_by_period();
  if (r.has_direction) {
    for (auto& o : r.order)
      o.descending = r.descending;
  }
  // "customers who bought both Books and Sports": one group per entity that
  // reaches every value named.
  if (both && !r.entity.empty() && r.measures.empty())
    for (auto& f : r.filters)
      if (f.op == filter_op::in && f.measure < 0 && f.values.size() >= 2) {
        measure m;
        m.agg = aggregate::count_distinct;
        m.column = f.column;
        r.measures.push_back(m);
        filter h;
        h.op = filter_op::eq;
        h.values = {std::to_string(f.values.size())};
        h.numeric = true;
        h.measure = static_cast<int>(r.measures.size()) - 1;
        r.filters.push_back(h);
        dimension d;
        d.column = label_of(model, r.entity);
        add_dimension(d);
        r.entity.clear();
        r.listing = false;
        break;
      }
  // "average revenue per order": one number, the total over the orders'
  // count, not a list of orders.
  if (asked_average && r.measures.size() == 1 && r.dimensions.size() == 1
      && entity_dimensions.size() == 1 && top == 0 && !superlative) {
    auto* t = table_of(model, entity_dimensions.front());
    auto* pk = t ? primary_key(*t) : nullptr;
    auto& m = r.measures.front();
    // The average of a column ("average capacity per club", "average
    // rating per restaurant") is taken within each group: dividing its total
    // by the number of groups is another number. Totals a metric or a count
    // keeps are what is divided.
    bool summable = !m.metric.empty() || (m.agg == aggregate::count && m.column.column.empty());
    // Only for tables whose rows are things that happen or are counted
    // (orders, customers), not lookups like regions: "per region" groups.
    auto* label = t ? label_column(*t) : nullptr;
    bool grain = t && (label == pk || std::any_of(t->columns.begin(), t->columns.end(),
                                                  [](const column_info& c) {
                                                    return c.role == column_role::time;
                                                  }));
    auto own = m.metric.empty() ? m.column.table
                                : (find_metric(model, m.metric) ? find_metric(model, m.metric)->table
                                                                : std::string());
    if (pk && summable && grain && own != t->name
        && r.dimensions.front().column.table == t->name) {
      m.form = measure_form::per_entity;
      m.per = {t->name, pk->name};
      r.dimensions.clear();
    }
  }
  // "online vs store": each value named becomes a group.
  if (versus)
    for (auto& f : r.filters)
      if (f.op == filter_op::in && !r.measures.empty()) {
        dimension d;
        d.column = f.column;
        add_dimension(d);
      }
  // "average quantity per order item": per row of the measure's own table
  // is no grouping at all.
  if (!r.measures.empty() && !keep_row_groups) {
    auto& m = r.measures.front();
    auto* t = table_of(model, m.metric.empty() ? m.column.table
                                                : (find_metric(model, m.metric)
                                                     ? find_metric(model, m.metric)->table
                                                     : std::string()));
    auto* pk = t ? primary_key(*t) : nullptr;
    if (pk)
      r.dimensions.erase(std::remove_if(r.dimensions.begin(), r.dimensions.end(),
                                        [&](const dimension& d) {
                                          return d.column == column_ref{t->name, pk->name};
                                        }),
                         r.dimensions.end());
    // "the average number of stops per trip in each depot":
    // an average over the measure's own rows, named by its table, is taken
    // over them, not per each of them.
    bool named_group = t && std::find(entity_dimensions.begin(), entity_dimensions.end(), t->name)
                              != entity_dimensions.end();
    if (named_group && m.agg == aggregate::avg && m.metric.empty())
      r.dimensions.erase(std::remove_if(r.dimensions.begin(), r.dimensions.end(),
                                        [&](const dimension& d) {
                                          return d.column == label_of(model, t->name);
                                        }),
                         r.dimensions.end());
  }
  // "the number of pupils enrolled in each class" where each course keeps
  // num_enrolled: that count, per class. "... in each branch": the
  // pupils counted; "enrolled" was only their verb.
  if (counted_by_participle && counted_by_participle->first < r.measures.size()) {
    auto& [index, counter] = *counted_by_participle;
    bool grouped_by_its_table = std::any_of(r.dimensions.begin(), r.dimensions.end(),
                                            [&](const dimension& d) {
                                              return d.column.table == counter.table;
                                            });
    if (grouped_by_its_table) {
      r.measures[index].agg = average_count ? aggregate::avg : aggregate::sum;
      r.measures[index].column = counter;
    }
  }
}

// "how many jobs has each machine run?": a table said after "each",
// "every" or "per" whose rows nothing in the reading is per (no group of
// theirs, not the rows asked about, no measure divided by them) has been
// lost on the way; one total for all of them would answer another question.
void reader::check_each_grouped() {
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    auto& w = tokens[i];
    if (w.quoted || tokens[i + 1].quoted || (w.text != "each" && w.text != "every" && w.text != "per")
        || !names_table(tokens[i + 1]) || in_period[i + 1])
      continue;
    // A longer name read from there ("per order item") is what was said.
    if (std::any_of(items.begin(), items.end(), [&](const item& it) {
          return !it.c && it.begin == i + 1 && it.end > i + 2;
        }))
      continue;
    for (auto t : model.index.tables_headed_by(tokens[i + 1].stem)) {
      auto& table = model.tables[t].name;
      if (split_words(table).size() != 1)
        continue;
      auto near = [&](const std::string& other) {
        if (other == table)
          return true;
        for (auto& rel : model.relationships)
          if (rel.from_table == other && rel.to_table == table)
            return true; // a group by the key that names its row
        return false;
      };
      bool grouped = std::any_of(r.dimensions.begin(), r.dimensions.end(), [&](const dimension& d) { return near(d.column.table); })
                     || r.entity == table || rows_asked() == table
                     || std::any_of(r.measures.begin(), r.measures.end(), [&](const measure& m) {
                          return m.per.table == table || m.column.table == table;
                        });
      if (!grouped)
        r.unresolved.push_back(w.text + " " + tokens[i + 1].text);
      break;
    }
  }
}

// "repairs by type" where repairs keep no type and the technicians who
// logged them do: a word for a sort of thing ("type", "category", "grade")
// said of the rows is their own sort, never that of the people linked to
// them, unless those people are named ("by staff type"). Asked.
void reader::check_kind_of_whom() {
  static const char* sorts[] = {"type", "kind", "category", "class", "status", "grade", "level", "size", "band", "tier"};
  auto rows = rows_asked();
  if (rows.empty())
    return;
  for (auto& it : items) {
    if (it.c || it.e.kind != element_kind::column || it.end != it.begin + 1 || it.e.table == rows)
      continue;
    auto& said = tokens[it.begin];
    bool sort_word = !said.quoted && std::any_of(std::begin(sorts), std::end(sorts), [&](const char* w) {
      return said.stem == stem(w);
    });
    auto* t = table_of(model, it.e.table);
    if (!sort_word || !t || !is_table_of_people(*t))
      continue;
    bool grouped = std::any_of(r.dimensions.begin(), r.dimensions.end(), [&](const dimension& d) {
      return d.column == column_ref{it.e.table, it.e.column};
    });
    bool people_named = std::any_of(items.begin(), items.end(), [&](const item& o) {
      return !o.c && &o != &it && o.e.table == it.e.table;
    });
    if (grouped && !people_named)
      r.unresolved.push_back("which " + said.text + " of the " + column_words(rows) + " you mean");
  }
}

} // namespace medha::sqlgen::detail
