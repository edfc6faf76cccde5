// What the whole question implies once every phrase is read: rankings,
// counts of an entity, existence, percentages, time periods.
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

// "How many publications ... and their number of publications": the same
// measure named twice is one measure.
void reader::drop_repeated_measures() {
  auto same = [](const measure& a, const measure& b) {
    return a.agg == b.agg && a.metric == b.metric && a.column == b.column && a.form == b.form
           && a.condition.empty() && b.condition.empty() && a.per == b.per;
  };
  for (int j = static_cast<int>(r.measures.size()) - 1; j > 0; --j) {
    int first = -1;
    for (int i = 0; i < j && first < 0; ++i)
      if (same(r.measures[i], r.measures[j]))
        first = i;
    if (first < 0)
      continue;
    auto remap = [&](int& index) {
      if (index == j)
        index = first;
      else if (index > j)
        --index;
    };
    for (auto& f : r.filters)
      if (f.measure >= 0)
        remap(f.measure);
    for (auto& o : r.order)
      if (o.measure >= 0)
        remap(o.measure);
    r.measures.erase(r.measures.begin() + j);
  }
}

// "how long since the last admitted student": the date column of the thing
// named, its latest value, and the days from it to today.
void reader::apply_days_since() {
  std::optional<column_ref> column;
  std::vector<std::string> tables;
  for (auto& it : items) {
    if (it.c)
      continue;
    if (it.e.kind == element_kind::column && role_of(model, {it.e.table, it.e.column}) == column_role::time)
      column = column_ref{it.e.table, it.e.column};
    if (it.e.kind == element_kind::table || it.e.kind == element_kind::column)
      if (std::find(tables.begin(), tables.end(), it.e.table) == tables.end())
        tables.push_back(it.e.table);
  }
  if (!column && !r.entity.empty())
    tables.insert(tables.begin(), r.entity);
  if (!column && !tables.empty()) {
    std::vector<column_ref> dates, named;
    if (auto* t = table_of(model, tables.front()))
      for (auto& c : t->columns)
        if (c.role == column_role::time) {
          dates.push_back({t->name, c.name});
          // "admitted" names admit_term: a word of the question the name shares.
          for (auto& w : split_words(c.name))
            for (size_t i = 0; i < tokens.size(); ++i)
              if (!tokens[i].quoted && w.size() > 2 && stem(w) == tokens[i].stem
                  && std::find(named.begin(), named.end(), dates.back()) == named.end())
                named.push_back(dates.back());
        }
    if (dates.size() == 1)
      column = dates.front();
    else if (named.size() == 1)
      column = named.front();
  }
  if (!column) {
    r.unresolved.push_back("the date to count the days from");
    return;
  }
  measure m;
  m.agg = *days_since;
  m.column = *column;
  m.form = measure_form::days_since;
  r.measures = {m};
  r.entity.clear();
  r.listing = false;
  r.distinct_listing = false;
  r.selected.clear();
  r.order.clear();
  pending_agg = aggregate::none;
  superlative.reset();
  top = 0;
}

// "the average number of days between the hire date and the termination
// date": the two dates of each row subtracted, then aggregated.
void reader::apply_days_between() {
  auto [b, a] = *days_between;
  std::optional<column_ref> from, to;
  for (auto& it : items) {
    if (it.c || it.e.kind != element_kind::column
        || role_of(model, {it.e.table, it.e.column}) != column_role::time)
      continue;
    if (it.begin > b && it.end <= a && !from)
      from = column_ref{it.e.table, it.e.column};
    else if (it.begin > a && !to)
      to = column_ref{it.e.table, it.e.column};
  }
  if (!from || !to) {
    days_between.reset(); // not two dates: read as written
    give_back_unit();
    return;
  }
  read_span(*from, *to);
}

// A unit read for a duration that was not read: its words are the user's again.
void reader::give_back_unit() {
  for (auto u : unit_words)
    taken[u] = false;
  unit_words.clear();
  duration_unit.clear();
}

// "the average trip duration": the span from the row's start column
// (or departure) to its end column (or arrival), in the table named just before (or after "of").
void reader::apply_duration() {
  size_t w = *duration_word;
  const item *before = nullptr, *after = nullptr;
  for (auto& it : items) {
    if (it.begin <= w && w < it.end) {
      give_back_unit();
      return; // a column called "duration" is that column
    }
    if (it.c || it.e.table.empty())
      continue;
    if (it.end <= w && (!before || it.end > before->end))
      before = &it;
    if (it.begin > w && !after)
      after = &it;
  }
  bool of = w + 1 < tokens.size() && tokens[w + 1].text == "of";
  // Only the thing named right before: "session duration", "trip duration".
  auto* near = before && before->end == w ? before : of ? after : nullptr;
  auto* t = near ? table_of(model, near->e.table) : nullptr;
  if (!t) {
    give_back_unit();
    return;
  }
  auto names = [](const column_info& c, std::initializer_list<const char*> ws) {
    auto words = split_words(c.name);
    return std::any_of(words.begin(), words.end(), [&](const std::string& x) {
      return std::any_of(ws.begin(), ws.end(), [&](const char* y) { return x == y; });
    });
  };
  const column_info *start = nullptr, *end = nullptr;
  int starts = 0, ends = 0;
  for (auto& c : t->columns) {
    if (c.role != column_role::time)
      continue;
    if (names(c, {"start", "begin", "started", "began", "departure"}) && ++starts == 1)
      start = &c;
    if (names(c, {"end", "finish", "ended", "finished", "arrival"}) && ++ends == 1)
      end = &c;
  }
  if (starts != 1 || ends != 1 || start == end) {
    give_back_unit();
    return; // no single pair: the word stays unknown
  }
  taken[w] = true;
  // A span of clock times with no unit asked: the interval itself.
  if (duration_unit.empty() && unit_words.empty() && start->type != "date" && end->type != "date")
    duration_unit = "interval";
  read_span({t->name, start->name}, {t->name, end->name});
}

// The aggregate of each row's span from one time column to another.
void reader::read_span(const column_ref& from_column, const column_ref& to_column) {
  auto from = std::optional<column_ref>(from_column);
  auto to = std::optional<column_ref>(to_column);
  std::optional<aggregate> agg;
  for (auto& it : items)
    if (it.c && it.c->kind == cue_kind::aggregate && !agg
        && (it.c->agg == aggregate::avg || it.c->agg == aggregate::sum
            || it.c->agg == aggregate::min || it.c->agg == aggregate::max))
      agg = it.c->agg;
  // "the maximum number of days ... for each X": the largest per group; but
  // "which X has the longest time" ranks rows, which this does not do.
  for (auto& it : items)
    if (!agg && it.c && it.c->kind == cue_kind::superlative
        && (r.entity.empty() || !r.dimensions.empty()))
      agg = it.c->descending ? aggregate::max : aggregate::min;
  if (!agg) {
    r.unresolved.push_back("which of the days between " + from->column + " and " + to->column);
    return;
  }
  // "the average time between A and B": the average was of the difference.
  r.unresolved.erase(std::remove_if(r.unresolved.begin(), r.unresolved.end(),
                                    [&](const std::string& u) {
                                      for (auto* c : {&*from, &*to}) {
                                        auto tail = " of " + c->column;
                                        if (u.size() > tail.size()
                                            && u.compare(u.size() - tail.size(), tail.size(), tail) == 0)
                                          return true;
                                      }
                                      return false;
                                    }),
                     r.unresolved.end());
  measure m;
  m.agg = *agg;
  m.column = *to;
  m.per = *from;
  m.form = measure_form::days_between;
  m.unit = duration_unit;

  r.measures = {m};
  r.entity.clear();
  r.listing = false;
  r.distinct_listing = false;
  r.selected.clear();
  r.order.clear();
  r.filters.erase(std::remove_if(r.filters.begin(), r.filters.end(),
                                 [&](const filter& f) {
                                   return f.measure >= 0
                                          || ((f.column == *from || f.column == *to)
                                              && !is_time_filter(f));
                                 }),
                  r.filters.end());
  pending_agg = aggregate::none;
  superlative.reset();
  top = 0;
}

void reader::finish() {
  // The period bucket asked for ("monthly", "which month") groups first,
  // unless a bucket already does.
  // Selected columns that `groups` picks become groups of the measures.
  auto group_selected = [&](auto groups) {
    for (auto it = r.selected.begin(); it != r.selected.end();) {
      if (!groups(*it)) {
        ++it;
        continue;
      }
      dimension d;
      d.column = *it;
      r.dimensions.push_back(d);
      it = r.selected.erase(it);
    }
  };
  auto group_by_period = [&]() {
    bool have = std::any_of(r.dimensions.begin(), r.dimensions.end(),
                            [](const dimension& d) { return d.bucket != time_bucket::none; });
    if (have || time.bucket == time_bucket::none)
      return;
    dimension d;
    d.bucket = time.bucket;
    if (time_column_hint)
      d.column = *time_column_hint;
    r.dimensions.insert(r.dimensions.begin(), d);
  };
  // "book genres" naming book_genre, a table of key pairs: the genres
  // are meant.
  if (auto* t = r.entity.empty() ? nullptr : table_of(model, r.entity))
    if (auto named = linked_table_named(model, *t); !named.empty())
      r.entity = named;
  read_breakdown();
  // "What grade is Oslo?": a sort word with nothing to sort by
  // and no direction; what it names is not known here.
  if (sort_pending && !r.has_direction && r.order.empty())
    r.unresolved.push_back("what \"" + tokens[sort_word].text + "\" means here");
  auto either = alternatives();
  read_definition();
  read_clock();
  std::vector<std::pair<filter, size_t>> said; // value conditions as walked, with positions
  for (auto& [fi, pos] : value_filters)
    if (fi < r.filters.size())
      said.emplace_back(r.filters[fi], pos);
  if (days_between)
    apply_days_between();
  if (difference)
    apply_difference();
  if (duration_word)
    apply_duration();
  if (latest)
    apply_latest();
  read_happened();
  name_link_tables();
  if (days_since)
    apply_days_since();
  if (time.window_count > 0)
    apply_window();
  if (age_word && !age_of)
    r.unresolved.push_back("the age: no birth date to count it from");
  // A kept count covers all of the table's rows: with a condition on those
  // rows ("reviews posted in 2021"), the rows themselves are counted. A
  // table's own tally (checkin.count) is summed over whichever rows are kept.
  if (counter_for && counter_for->first < r.measures.size()
      && r.measures[counter_for->first].column.table != counter_for->second) {
    bool conditioned = !time.filters.empty() || time.bucket != time_bucket::none;
    for (auto& f : r.filters)
      conditioned = conditioned || f.column.table == counter_for->second;
    if (conditioned)
      r.measures[counter_for->first] = count_rows(counter_for->second);
  }
  // "which month had the most signups": the month is the group ranked.
  if (time.bucket_asked)
    group_by_period();
  // "check-ins on each day of the week": the column that names the day.
  if (time.by_weekday) {
    column_ref day;
    if (!r.measures.empty())
      day = day_name_column(model, r.measures.front().column.table);
    if (day.empty() && !r.measures.empty()) {
      // Rows with a date: the name of its day ("Monday").
      dimension d;
      d.bucket = time_bucket::weekday;
      if (time_column_hint)
        d.column = *time_column_hint;
      r.dimensions.insert(r.dimensions.begin(), d);
    } else if (day.empty()) {
      r.unresolved.push_back("the day of the week");
    } else {
      dimension d;
      d.column = day;
      add_dimension(d);
    }
  }
  bool ranked = superlative.has_value() || top > 0;
  // "which authors have the most papers, ordered by their number": a ranking
  // asked to be sorted is shown whole.
  // "Which genre has the longest books": the noun asked for says how many
  // are wanted (one genre), not the things it is measured by (books).
  bool plural_asked = plural_entity;
  for (auto& it : items)
    if (!it.c && it.begin > 0 && (tokens[it.begin - 1].text == "which" || tokens[it.begin - 1].text == "what")) {
      plural_asked = it.plural;
      break;
    }
  int rank_limit = top > 0 ? top : (asked_order && plural_asked ? 0 : plural_asked ? 10 : 1);
  bool rank_desc = top > 0 && !(top_which && superlative)
                     ? top_desc
                     : (superlative ? superlative->descending : true);
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
      // "How many products cost less than 10": the table was said inside
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
  // "how many managers": the rows that have the value.
  if (pending_agg == aggregate::count && r.measures.empty() && r.entity.empty()
      && bare_numeric.empty() && !value_filters.empty()) {
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
  // "the cheapest products": the entity's price column.
  if (superlative && superlative->text == "price" && !superlative_column && !r.entity.empty())
    if (auto* t = table_of(model, r.entity)) {
      for (auto* word : {"price", "cost", "amount"}) {
        for (auto& c : t->columns)
          if (c.role == column_role::numeric && c.name.find(word) != std::string::npos) {
            superlative_column = column_ref{t->name, c.name};
            break;
          }
        if (superlative_column)
          break;
      }
    }
  // "the tallest towers": the entity's height.
  if (superlative && !superlative->values.empty() && !superlative_column && !r.entity.empty())
    for (auto& noun : superlative->values)
      if (!superlative_column)
        superlative_column = dimension_column(r.entity, noun);
  // "the longest names" with no length to rank by: asked, not guessed.
  if (superlative && !superlative->values.empty() && !superlative_column)
    r.unresolved.push_back(tokens[superlative->end - 1].text);
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
    ordering o;
    o.column = superlative_column ? *superlative_column : column_ref{};
    o.descending = superlative->descending;
    r.order.push_back(o);
    r.limit = rank_limit;
  } else if (ranked && !r.measures.empty()) {
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
      // "what is the highest unit price": the extreme value itself.
      r.measures[0].agg = rank_desc ? aggregate::max : aggregate::min;
    } else {
      r.top_n = top;
      r.top_descending = rank_desc;
    }
  } else if (ranked && superlative_column && both_extremes && top == 0 && r.measures.empty()) {
    // "the highest and lowest prices": both values, not one ranked row.
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
    bool quantity = false;
    for (size_t i = superlative ? superlative->begin : 0; superlative && i < superlative->end; ++i)
      quantity = quantity || tokens[i].text == "most" || tokens[i].text == "least" || tokens[i].text == "fewest";
    if (!r.entity.empty() && superlative_column->table != r.entity && quantity) {
      // A number of other rows, many per category. Money adds up; anything
      // else (a rating: its average? its total?) is asked.
      if (!names_money(superlative_column->column)) {
        r.unresolved.push_back("which total of " + superlative_column->column + " ranks the " + r.entity);
      } else {
        measure m;
        m.agg = aggregate::sum;
        m.column = *superlative_column;
        r.measures.push_back(m);
        dimension d;
        d.column = label_of(model, r.entity);
        r.dimensions.push_back(d);
        ordering o;
        o.measure = 0;
        o.descending = rank_desc;
        r.order.push_back(o);
        r.limit = rank_limit;
        r.entity.clear();
        r.listing = false;
      }
    } else if (!r.entity.empty()) {
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
  } else if (auto size = ranked ? sized_by_money() : std::nullopt) {
    // "the largest payment": a payment's size is its one amount.
    ordering o;
    o.column = *size;
    o.descending = rank_desc;
    r.order.push_back(o);
    r.limit = rank_limit;
  } else if (ranked) {
    // "our largest order" with nothing said to rank the orders by: asked.
    if (superlative && superlative->text.empty() && !r.entity.empty() && r.order.empty()
        && r.selected.empty())
      r.unranked = "by what the " + entity_words(r.entity) + " is " + tokens[superlative->end - 1].text;
    r.top_n = top > 0 ? top : 0;
    r.top_descending = rank_desc;
    // "Which quarter was the strongest?": the groups of the last answer, ranked.
    if (r.entity.empty() && r.selected.empty() && !r.dimensions.empty())
      r.limit = rank_limit;
    if (!r.entity.empty() || !r.selected.empty())
      r.limit = rank_limit;
    else if (top == 0 && superlative && superlative->text.empty()) {
      // "and the fewest?": the previous ranking, turned around.
      r.has_direction = true;
      r.descending = rank_desc;
    }
  }
  if (time.time_of_day) {
    // "the earliest departure time in the day": the clock time of the extreme.
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
  related(has, filter_op::has_related);
  // "customers who placed an order in 2024": the period is the related rows'
  // (the orders' date), not the entity's own (the signup date); so is
  // "customers who placed orders each year" grouped by the orders' year.
  if (!time_column_hint && (!time.filters.empty() || time.bucket != time_bucket::none)
      && has.size() == 1)
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
      }
    }
  } else if (share && !r.measures.empty()) {
    r.measures.front().form = measure_form::share_of_total;
  }
  // Time: filters and buckets; their column is chosen after any merge.
  for (auto f : time.filters) {
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
    bool summable = !m.metric.empty() || m.agg == aggregate::avg
                    || (m.agg == aggregate::count && m.column.column.empty());
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
    // "the average number of citations per publication in each journal":
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
  // "the number of students enrolled in each course" where each course keeps
  // num_enrolled: that count, per course. "... in each branch": the
  // students counted; "enrolled" was only their verb.
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
  drop_repeated_measures();
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
  // "Which users posted reviews ..., and how many have they posted": the
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
  // "a list of business names and their average ratings": the names listed
  // are the groups of the measure.
  if (r.listing && !r.measures.empty() && r.dimensions.empty())
    group_selected([&](const column_ref& c) { return label_of(model, c.table) == c; });
  // A column named beside a measure that is neither grouped nor measured
  // ("how many flights require a round trip"): a condition the reading
  // could not make out, not something to drop silently. A group's own
  // label or key ("the name and average rating of each business") is shown.
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
  if (!r.measures.empty() && !r.entity.empty())
    r.entity.clear();
  if (r.measures.empty() && (!r.entity.empty() || !r.selected.empty()))
    r.listing = true;
  attach_to_related(said);
  // "the highest number of references, ordered by the number of references":
  // one sort key said twice is one key.
  for (size_t i = 1; i < r.order.size();) {
    bool seen = std::any_of(r.order.begin(), r.order.begin() + static_cast<long>(i), [&](const ordering& o) {
      return o.measure == r.order[i].measure && o.column == r.order[i].column;
    });
    if (seen)
      r.order.erase(r.order.begin() + static_cast<long>(i));
    else
      ++i;
  }
  join_alternatives(either);
}

} // namespace medha::sqlgen::detail
