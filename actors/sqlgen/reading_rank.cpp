// Rankings a question implies once every phrase is read: "top N", "the most",
// superlatives of a column, the extreme value itself, and the time of day of one.
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


namespace medha::sqlgen::detail {

void reader::read_ranking() {
  // "list the movies", "the longest series": a value of the column that
  // says what kind of thing a row is names the rows as well.
  if (r.entity.empty() && r.measures.empty() && pending_agg == aggregate::none
      && (r.listing || superlative || top > 0))
    for (auto& f : r.filters) {
      // "who directed the most movies": a column of those rows ranked by how
      // many there are; "the directors of the movies" lists the directors.
      if ((!r.selected.empty() && !superlative && top == 0)
          || std::any_of(r.selected.begin(), r.selected.end(),
                         [&](const column_ref& c) { return c.table != f.column.table; }))
        continue;
      if (f.measure < 0 && f.op == filter_op::eq && names_a_kind(f.column.column) && role_of(model, f.column) == column_role::categorical) {
        r.entity = f.column.table;
        r.listing = true;
        r.implicit_entity = true;
        break;
      }
    }
  bool ranked = superlative.has_value() || top > 0;
  // "who directed the most movies": groups named, ranked by how many of the
  // kind of rows named (the movies) each has.
  // "the most", "the fewest", "the least" say how many (or how much).
  bool counting = false;
  for (size_t i = superlative ? superlative->begin : 0; superlative && i < superlative->end; ++i)
    counting = counting || tokens[i].text == "most" || tokens[i].text == "fewest" || tokens[i].text == "least";
  if (counting && r.implicit_entity && !r.entity.empty() && r.measures.empty() && r.dimensions.empty()
      && r.selected.size() == 1 && r.selected[0].table == r.entity && !(label_of(model, r.entity) == r.selected[0])
      && role_of(model, r.selected[0]) != column_role::numeric) {
    dimension d;
    d.column = r.selected[0];
    r.dimensions.push_back(d);
    r.selected.clear();
  }
  if (counting && r.implicit_entity && !r.entity.empty() && r.measures.empty() && !r.dimensions.empty()
      && pending_agg == aggregate::none) {
    r.measures.push_back(count_rows(r.entity));
    r.entity.clear();
    r.listing = false;
    r.implicit_entity = false;
  }
  // "which members have the most loans, sorted by their number": a ranking
  // asked to be sorted is shown whole.
  // "Which genre has the longest books": the noun asked for says how many
  // are wanted (one genre), not the things it is measured by (books).
  bool plural_asked = plural_entity;
  for (auto& it : items)
    if (!it.c && it.begin > 0 && (tokens[it.begin - 1].text == "which" || tokens[it.begin - 1].text == "what")) {
      plural_asked = it.plural;
      break;
    }
  // "which week was the strongest for signups": one period, whatever is counted.
  // ("who approves the most orders": one person, unless "who are".)
  if (asks_one_period(tokens) || (who && tokens.size() > 1 && tokens[0].text == "who" && tokens[1].text != "are"
                                  && tokens[1].text != "were"))
    plural_asked = false;
  int rank_limit = top > 0 ? top : (asked_order && plural_asked ? 0 : plural_asked ? 10 : 1);
  bool rank_desc = top > 0 && !(top_which && superlative)
                     ? top_desc
                     : (superlative ? superlative->descending : true);
  // The entity's rows grouped by their label, ranked by a total of theirs.
  auto rank_by_total = [&](const column_ref& column) {
    measure m;
    m.agg = aggregate::sum;
    m.column = column;
    rank_entity_by(m, rank_desc, rank_limit);
  };
  if (pending_agg != aggregate::none) {
    if (!bare_numeric.empty()) {
      measure m;
      m.agg = pending_agg;
      m.column = bare_numeric.front();
      bare_numeric.erase(bare_numeric.begin());
      r.measures.push_back(m);
    } else if (pending_agg == aggregate::count && !r.entity.empty() && r.measures.empty()) {
      r.measures.push_back(count_rows(r.entity));
      r.entity.clear();
    } else if (auto counted = pending_agg == aggregate::count && r.measures.empty() && r.entity.empty()
                                ? table_of_conditions()
                                : std::string();
               !counted.empty()) {
      // "How many tools cost under 20": the table was said inside
      // the phrase that names its column ("products cost"); its rows are
      // what the conditions keep.
      r.measures.push_back(count_rows(counted));
    } else if (r.measures.empty()) {
      r.aggregate_change = pending_agg;
    }
  }
  // "monthly hires", "signups in 2024": rows of the table whose date it is.
  if (r.measures.empty() && r.entity.empty() && r.selected.empty() && time_column_hint
      && bare_numeric.empty() && pending_agg == aggregate::none && !r.listing) {
    if (who) { // "who signed up in 2024": the people themselves
      r.entity = time_column_hint->table;
      r.listing = true;
      r.implicit_entity = true;
    } else {
      r.measures.push_back(count_rows(time_column_hint->table));
    }
  }
  // "how many managers": the rows that have the value. ("how many in Leeds?"
  // after a count: a place of the rows counted, said of them.)
  size_t said_at = value_filters.empty() ? 0 : value_filters.front().second;
  bool placed = said_at > 0 && !tokens[said_at - 1].quoted
                && (tokens[said_at - 1].text == "in" || tokens[said_at - 1].text == "at");
  // Not a word of some values ("how many were sourdough?"): the kinds that
  // have it, or the rows of those kinds, is not said.
  bool whole_value = !value_filters.empty() && r.filters[value_filters.front().first].op != filter_op::contains;
  if (pending_agg == aggregate::count && r.measures.empty() && r.entity.empty()
      && bare_numeric.empty() && whole_value && !(placed && !context_tables.empty())) {
    r.measures.push_back(count_rows(r.filters[value_filters.front().first].column.table));
    pending_agg = aggregate::none;
  }
  // "who has the highest salary": the people, not the number.
  if ((r.listing || who) && r.entity.empty() && superlative_column && r.measures.empty())
    r.entity = superlative_column->table;
  // "Which region is each customer in?": for each customer, its region — a
  // listing of the pairs, not a count of regions per customer.
  bool which_entity = tokens.size() > 1 && !tokens[0].quoted
                      && (tokens[0].text == "which" || tokens[0].text == "what")
                      && std::any_of(items.begin(), items.end(), [&](item& it) {
                           // The entity by its name, or by a key that names it ("city" for city_id).
                           auto* key = it.e.kind == element_kind::column ? foreign_key(it.e.table, it.e.column) : nullptr;
                           return !it.c && it.begin == 1 && !r.entity.empty()
                                  && ((it.e.kind == element_kind::table && it.e.table == r.entity)
                                      || (key && key->to_table == r.entity));
                         });
  if (which_entity && r.measures.empty() && pending_agg == aggregate::none && time.bucket == time_bucket::none
      && !r.dimensions.empty() && bare_numeric.empty()
      && std::all_of(r.dimensions.begin(), r.dimensions.end(), [](const dimension& d) {
           return d.bucket == time_bucket::none && !d.column.empty();
         })) {
    auto asked = label_of(model, r.entity);
    r.entity = r.dimensions.front().column.table;
    for (auto& d : r.dimensions)
      r.selected.push_back(d.column);
    r.selected.push_back(asked);
    r.dimensions.clear();
    r.listing = true;
  }
  // "weekly orders", "customers by segment": rows of the entity counted.
  if (r.measures.empty() && !r.entity.empty()
      && (!r.dimensions.empty() || time.bucket != time_bucket::none) && bare_numeric.empty()) {
    r.measures.push_back(count_rows(r.entity));
    r.entity.clear();
  }
  // Numbers named without an aggregate: summed per group, else listed.
  for (auto& c : bare_numeric) {
    if (!r.dimensions.empty() || (ranked && r.measures.empty() && r.entity.empty())) {
      measure m;
      m.agg = aggregate::sum;
      m.column = c;
      r.measures.push_back(m);
    } else {
      r.selected.push_back(c);
    }
  }
  find_superlative_column();
  // "which city has the most customers": the column named is the group.
  if (ranked && !r.measures.empty() && r.entity.empty() && r.dimensions.empty())
    group_selected([&](const column_ref& c) {
      auto role = role_of(model, c);
      return role == column_role::categorical || role == column_role::text;
    });
  // Ranking: "top 5 products by revenue", "which region has the highest revenue".
  if (ranked && superlative && superlative->text == "time" && r.entity.empty() && superlative_column
      && r.measures.empty()) {
    // "latest order date": the date itself.
    measure m;
    m.agg = superlative->descending ? aggregate::max : aggregate::min;
    m.column = *superlative_column;
    r.measures.push_back(m);
  } else if (ranked && superlative && superlative->text == "time") {
    // "who started most recently": the date the question named (start
    // date), said before the superlative, not the table's first date.
    if (!superlative_column) {
      std::vector<column_ref> dates;
      for (auto& c : r.selected)
        if (role_of(model, c) == column_role::time)
          dates.push_back(c);
      if (dates.size() == 1)
        superlative_column = dates.front();
    }
    ordering o;
    o.column = superlative_column ? *superlative_column : column_ref{};
    o.descending = superlative->descending;
    r.order.push_back(o);
    r.limit = rank_limit;
  } else if (ranked && !r.measures.empty()) {
    // "who wrote the most letters?": the one table of people the letters
    // point to, ranked by how many.
    // So does "which mechanic did the most repairs?", the people named by a
    // value of theirs.
    std::string which_value;
    if (tokens.size() > 1 && !tokens[0].quoted && (tokens[0].text == "which" || tokens[0].text == "what"))
      for (auto& it : items)
        if (!it.c && it.begin == 1 && it.e.kind == element_kind::value)
          which_value = it.e.table;
    auto keys = keys_said(r.measures.empty() ? std::string() : r.measures[0].column.table);
    if ((who || !which_value.empty()) && r.entity.empty() && r.dimensions.empty() && r.measures.size() == 1
        && r.measures[0].metric.empty())
      // "who" asks for whoever the rows point to; "which Driver" for people
      // of a kind, who may not be the ones a role key points to.
      if (auto person = person_of_rows(model, r.measures[0].column.table, keys, who);
          person && (who || *person == which_value)) {
        dimension d;
        d.column = label_of(model, *person);
        r.dimensions.push_back(d);
        for (auto& k : keys) // the key said is the way to them
          if (auto* rel = foreign_key(k.table, k.column); rel && rel->to_table == *person
              && std::find(r.via.begin(), r.via.end(), k) == r.via.end())
            r.via.push_back(k);
      }
    if (!r.entity.empty() && r.dimensions.empty()) {
      dimension d;
      d.column = label_of(model, r.entity);
      r.dimensions.push_back(d);
    }
    if (!r.dimensions.empty()) {
      r.order.clear();
      ordering o;
      o.measure = 0;
      o.descending = rank_desc;
      r.order.push_back(o);
      r.limit = rank_limit;
    } else if (r.measures.size() == 1 && superlative && top == 0
               && r.measures[0].metric.empty()) {
      // "what is the heaviest load weight": the extreme value itself. "who
      // spent the most" asks for a person, whom no value names.
      if (who)
        r.unresolved.push_back("who is meant");
      r.measures[0].agg = rank_desc ? aggregate::max : aggregate::min;
    } else {
      r.top_n = top;
      r.top_descending = rank_desc;
    }
  } else if (ranked && superlative_column && both_extremes && top == 0 && r.measures.empty()) {
    // "the highest and lowest fees": both values, not one ranked row.
    for (auto agg : {aggregate::max, aggregate::min}) {
      measure m;
      m.agg = agg;
      m.column = *superlative_column;
      r.measures.push_back(m);
    }
    r.entity.clear();
    r.listing = false;
  } else if (ranked && superlative_column) {
    if (both_extremes)
      r.unresolved.push_back("both the highest and the lowest");
    // "the most", "the least" say how much ("the category that brings in
    // the most revenue"); "the best-rated hotel" ranks single rows.
    if (!r.entity.empty() && superlative_column->table != r.entity && counting) {
      // A number of other rows, many per category. Money adds up; anything
      // else (a rating: its average? its total?) is asked.
      if (!adds_up(superlative_column->column)) {
        r.unresolved.push_back("which total of " + superlative_column->column + " ranks the " + r.entity);
      } else {
        rank_by_total(*superlative_column);
      }
    } else if (!r.entity.empty()) {
      ordering o;
      o.column = *superlative_column;
      o.descending = rank_desc;
      r.order.push_back(o);
      r.limit = rank_limit;
    } else if (asks_for_a_row()) {
      // "which one has the most units in stock?": the row, not the number; after a
      // listing of those rows, one of them.
      r.entity = superlative_column->table;
      r.listing = true;
      r.implicit_entity = true;
      r.refers_back = !context_tables.empty() && context_tables.back() == r.entity;
      ordering o;
      o.column = *superlative_column;
      o.descending = rank_desc;
      r.order.push_back(o);
      r.limit = rank_limit;
    } else {
      measure m;
      m.agg = rank_desc ? aggregate::max : aggregate::min;
      m.column = *superlative_column;
      r.measures.push_back(m);
    }
  } else if (auto size = ranked ? sized_by_money(one_of_shown()) : std::nullopt) {
    // "the largest payment": a payment's size is its one amount.
    ordering o;
    o.column = *size;
    o.descending = rank_desc;
    r.order.push_back(o);
    r.limit = rank_limit;
  } else if (ranked) {
    // "our largest order" with nothing said to rank the orders by: asked.
    // So is "which supplier got the most" naming only a column of names: the
    // names are no measure, and ranking them alphabetically answers nothing.
    // Either way, a follow-up may still rank the groups just shown.
    // So is "the most expensive" of rows with no price: never their first
    // row by key.
    // Nor is "the top 10 donors" with nothing to rank them by: their first
    // ten names are not the top ten.
    bool top_only = !superlative && top > 0 && std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
                      return !t.quoted && (t.text == "top" || t.text == "bottom" || t.text == "biggest"
                                           || t.text == "largest" || t.text == "smallest");
                    });
    bool keyless = (top_only || (superlative && (superlative->text.empty() || superlative->text == "price")))
                   && r.order.empty();
    auto ranked_how = [&](const std::string& rows) {
      return top_only ? "by what to rank the " + rows
                      : "by what the " + rows + " is " + tokens[superlative->end - 1].text;
    };
    // "which client paid the most": money of their related rows, added up
    // per customer and ranked.
    if (keyless && !r.entity.empty() && r.selected.size() == 1 && r.measures.empty()
        && r.dimensions.empty() && r.selected[0].table != r.entity && adds_up(r.selected[0].column)
        && role_of(model, r.selected[0]) == column_role::numeric) {
      rank_by_total(r.selected[0]);
      r.selected.clear();
      keyless = false;
    }
    // "and the largest one?" after a listing with no size to go by:
    // asked, not the first row of the listing's order.
    if (keyless && !one_of_shown().empty())
      r.unsized = ranked_how(entity_words(one_of_shown()));
    if (keyless && !r.entity.empty() && r.selected.empty()) {
      r.unranked = ranked_how(entity_words(r.entity));
      // (Not "the least": rows with none of the verb's would be left out.)
      ranked_by_verb = superlative && superlative->text.empty() && rank_desc ? std::optional(rank_limit) : std::nullopt;
    }
    else if (keyless && !r.selected.empty() && r.measures.empty())
      r.unranked = top_only ? "what the top is counted in"
                            : "what the " + tokens[superlative->end - 1].text + " is counted in";
    r.top_n = top > 0 ? top : 0;
    r.top_descending = rank_desc;
    // "Which quarter was the strongest?": the groups of the last answer, ranked.
    if (r.entity.empty() && r.selected.empty() && !r.dimensions.empty())
      r.limit = rank_limit;
    if (!r.entity.empty() || !r.selected.empty())
      r.limit = rank_limit;
    else if (top == 0 && superlative && superlative->text.empty()) {
      // "and the fewest?": the previous ranking, turned around. "who sold the
      // most?" asks for the one at the top of it.
      r.has_direction = true;
      r.descending = rank_desc;
      bool asked = who || (!tokens.empty() && (tokens[0].text == "which" || tokens[0].text == "what"));
      if (asked && r.dimensions.empty())
        r.limit = rank_limit;
    }
  }
  if (time.time_of_day) {
    // "the earliest opening time in the day": the clock time of the extreme.
    bool read = false;
    for (auto& m : r.measures)
      if (!read && m.form == measure_form::plain && m.metric.empty()
          && (m.agg == aggregate::min || m.agg == aggregate::max)
          && role_of(model, m.column) == column_role::time) {
        m.form = measure_form::time_of_day;
        read = true;
      }
    if (!read)
      r.unresolved.push_back("the time of day");
  }
  if (having_on_entity && !r.entity.empty() && r.dimensions.empty()) {
    dimension d;
    d.column = label_of(model, r.entity);
    r.dimensions.push_back(d);
  }
}

} // namespace medha::sqlgen::detail
