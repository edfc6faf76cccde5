// The last checks on a finished reading: repeated measures, averages of
// averages, the entity as the group, conditions that exclude each other, and
// columns named but used nowhere (asked, not dropped).
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

void reader::settle_reading() {
  drop_repeated_measures();
  // "the total discount" where the discount is a fraction of each price
  // (0.10): fractions do not add up to a total; what is meant is asked.
  for (auto& m : r.measures) {
    auto* t = m.agg == aggregate::sum && m.metric.empty() ? table_of(model, m.column.table) : nullptr;
    auto* c = t ? t->find_column(m.column.column) : nullptr;
    if (!c)
      continue;
    auto words = split_words(c->name);
    bool rate_name = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return w == "discount" || w == "rate" || w == "ratio" || w == "pct" || w == "percent" || w == "percentage";
    });
    auto comment = c->comment;
    for (auto& ch : comment)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool fraction = comment.find("fraction") != std::string::npos || comment.find('%') != std::string::npos
                    || comment.find("percent") != std::string::npos || c->type == "real"
                    || c->type == "double precision";
    if (rate_name && fraction)
      r.unresolved.push_back("a total of " + column_words(c->name) + ", which is a rate per row");
  }
  // "who works on the night shift?", "who are the drivers?": the people
  // the values describe, when every value is of one table of people.
  // So does "list the drivers": the rows the values describe.
  bool asks_who = who || (!tokens.empty() && tokens[0].text == "who");
  if ((asks_who || r.asked_list) && r.measures.empty() && r.entity.empty() && r.selected.empty()
      && !r.filters.empty()) {
    auto& table = r.filters.front().column.table;
    auto* t = table_of(model, table);
    bool one_table = t && std::all_of(r.filters.begin(), r.filters.end(), [&](const filter& f) {
                       return f.measure < 0 && f.column.table == table && f.related_table.empty()
                              && (f.op == filter_op::eq || f.op == filter_op::in);
                     });
    if (one_table && (!asks_who || family_name_column(*t))) {
      r.entity = table;
      r.listing = true;
    }
  }
  // "the average score of hotels" where the score is each stay's:
  // over all reviews, or over each business's own average? Ask.
  if (r.measures.size() == 1 && r.measures.front().agg == aggregate::avg
      && r.measures.front().form == measure_form::plain && r.measures.front().metric.empty()) {
    auto& m = r.measures.front();
    for (size_t k = 0; k + 1 < items.size(); ++k) {
      auto& a = items[k];
      auto& b = items[k + 1];
      if (a.c || b.c || a.e.kind != element_kind::column || a.e.table != m.column.table
          || a.e.column != m.column.column || b.e.kind != element_kind::table
          || b.e.table == m.column.table || !b.plural || b.begin != a.end + 1
          || tokens[a.end].text != "of")
        continue;
      bool child = std::any_of(model.relationships.begin(), model.relationships.end(),
                               [&](const relationship& rel) {
                                 return rel.from_table == m.column.table && rel.to_table == b.e.table;
                               });
      if (child)
        r.unresolved.push_back("the average " + m.column.column + " of " + b.e.table
                               + ": over every " + m.column.table + " row, or over each "
                               + b.e.table + "'s own average");
      break;
    }
  }
  // "Which members made bookings ..., and how many have they made": the
  // entity asked for is the group of the count; its "have made bookings"
  // conditions are met by every row counted.
  if (r.listing && !r.entity.empty() && r.dimensions.empty() && r.measures.size() == 1
      && r.selected.empty() && top == 0 && !superlative) {
    auto& m = r.measures.front();
    bool counts_other = counts_things(model, m) && !m.column.table.empty() && m.column.table != r.entity
                        && m.form == measure_form::plain;
    bool having = std::any_of(r.filters.begin(), r.filters.end(),
                              [](const filter& f) { return f.measure >= 0; });
    if (counts_other && !having && shortest_path(model, m.column.table, r.entity).found) {
      r.filters.erase(std::remove_if(r.filters.begin(), r.filters.end(),
                                     [&](const filter& f) {
                                       return f.op == filter_op::has_related
                                              && f.column.table == r.entity;
                                     }),
                      r.filters.end());
      dimension d;
      d.column = label_of(model, r.entity);
      r.dimensions.push_back(d);
      r.entity.clear();
      r.listing = false;
    }
  }
  // "depots ranked by weight shipped": the entity named is the group.
  if (!r.measures.empty() && !r.entity.empty() && r.dimensions.empty()
      && std::any_of(r.order.begin(), r.order.end(), [](const ordering& o) { return o.measure >= 0; })) {
    dimension d;
    d.column = label_of(model, r.entity);
    r.dimensions.push_back(d);
  }
  // Two conditions on one column that no row can meet ("rating above 4 to
  // rating below 4" is a ratio, not a filter): do not guess.
  for (size_t i = 0; i < r.filters.size(); ++i)
    for (size_t j = i + 1; j < r.filters.size(); ++j) {
      auto& a = r.filters[i];
      auto& b = r.filters[j];
      if (a.measure >= 0 || b.measure >= 0 || a.column != b.column || a.values.empty()
          || b.values.empty() || !is_number(a.values[0]) || !is_number(b.values[0]))
        continue;
      auto lower = [](const filter& f) { return f.op == filter_op::gt || f.op == filter_op::ge; };
      auto upper = [](const filter& f) { return f.op == filter_op::lt || f.op == filter_op::le; };
      const filter* lo = lower(a) ? &a : lower(b) ? &b : nullptr;
      const filter* hi = upper(a) ? &a : upper(b) ? &b : nullptr;
      bool clash = (lo && hi && lo != hi && std::stod(lo->values[0]) >= std::stod(hi->values[0]))
                   || (a.op == filter_op::eq && b.op == filter_op::eq && a.values != b.values);
      if (clash)
        r.unresolved.push_back("two conditions on " + a.column.column + " that exclude each other");
    }
  // "monthly invoice totals": amounts per period are added up; a number
  // that does not add up (a rating per month) is asked about.
  bool per_period = std::any_of(r.dimensions.begin(), r.dimensions.end(),
                                [](const dimension& d) { return d.bucket != time_bucket::none; });
  // Not "their price per week" of a weekly price: there the period
  // is the price's unit, and rows without a date have no month to group by.
  auto per_unit = [&](const column_ref& c) {
    for (auto& w : split_words(c.column))
      if (w == "monthly" || w == "yearly" || w == "annual" || w == "weekly" || w == "daily" || w == "hourly"
          || w == "month" || w == "year" || w == "week" || w == "day" || w == "hour")
        return true;
    return default_time_column(model, c.table).column.empty();
  };
  if (per_period && r.measures.empty() && r.selected.size() == 1
      && role_of(model, r.selected.front()) == column_role::numeric && !per_unit(r.selected.front())) {
    if (adds_up(r.selected.front().column)) {
      measure m;
      m.agg = aggregate::sum;
      m.column = r.selected.front();
      r.measures.push_back(m);
      r.selected.clear();
      r.listing = false;
      r.distinct_listing = false;
    } else {
      r.unresolved.push_back("how " + column_words(r.selected.front().column) + " is combined per period");
    }
  }
  // "a list of shop names and their average scores": the names listed
  // are the groups of the measure.
  if (r.listing && !r.measures.empty() && r.dimensions.empty())
    group_selected([&](const column_ref& c) { return label_of(model, c.table) == c; });
  // A column named beside a measure that is neither grouped nor measured
  // ("how many trips need a return ticket"): a condition the reading
  // could not make out, not something to drop silently. A group's own
  // label or key ("the name and average score of each shop") is shown.
  // A table's label ("region name") and a column the measure is made of
  // ("net weight after packing") restate what is there.
  if (!r.measures.empty())
    for (auto& c : r.selected) {
      bool shown = std::any_of(r.dimensions.begin(), r.dimensions.end(), [&](const dimension& d) {
        return d.column.table == c.table;
      });
      bool part = std::any_of(r.measures.begin(), r.measures.end(), [&](const measure& m) {
        auto* metric = m.metric.empty() ? nullptr : find_metric(model, m.metric);
        return m.column == c || (metric && metric->expression.find(c.column) != std::string::npos);
      });
      // A date named by its event ("customers who signed up") is the verb of
      // the rows counted.
      bool event = role_of(model, c) == column_role::time;
      if (!shown && !part && !event && !(label_of(model, c.table) == c))
        r.unresolved.push_back(c.column);
    }
  // A measure with an entity that plays no other part: the entity only
  // says whose measure it is ("revenue from customers").
  // But with a condition on the measure ("regions with revenue over 1000")
  // the entity's rows are the groups the condition keeps.
  if (!r.measures.empty() && !r.entity.empty()) {
    bool having = std::any_of(r.filters.begin(), r.filters.end(),
                              [](const filter& f) { return f.measure >= 0; });
    if (having && r.dimensions.empty()) {
      dimension d;
      d.column = label_of(model, r.entity);
      add_dimension(d);
    }
    r.entity.clear();
  }
  if (r.measures.empty() && (!r.entity.empty() || !r.selected.empty()))
    r.listing = true;
}

} // namespace medha::sqlgen::detail
