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

// "how long since the last enrolled pupil": the date column of the thing
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

// Selected columns that `groups` picks become groups of the measures.
void reader::group_selected(const std::function<bool(const column_ref&)>& groups) {
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
}

// The period bucket asked for ("monthly", "which month") groups first,
// unless a bucket already does.
void reader::group_by_period() {
  bool have = std::any_of(r.dimensions.begin(), r.dimensions.end(),
                          [](const dimension& d) { return d.bucket != time_bucket::none; });
  if (have || time.bucket == time_bucket::none)
    return;
  dimension d;
  d.bucket = time.bucket;
  if (time_column_hint)
    d.column = *time_column_hint;
  r.dimensions.insert(r.dimensions.begin(), d);
}

void reader::finish() {
  // "book genres" naming book_genre, a table of key pairs: the genres
  // are meant.
  if (auto* t = r.entity.empty() ? nullptr : table_of(model, r.entity))
    if (auto named = linked_table_named(model, *t); !named.empty())
      r.entity = named;
  read_breakdown();
  // "Which key accounts are there?" where `key_acct` flags clients:
  // the flag, said as a noun and all that was read, names the rows it is
  // set on; they are listed.
  bool lists = !tokens.empty() && !tokens[0].quoted
               && (tokens[0].text == "which" || tokens[0].text == "list" || tokens[0].text == "show");
  if (lists && r.entity.empty() && r.measures.empty() && r.dimensions.empty() && r.selected.empty()
      && r.filters.size() == 1 && r.filters[0].op == filter_op::eq && r.filters[0].measure < 0
      && r.filters[0].values == std::vector<std::string>{"true"} && time.filters.empty()
      && role_of(model, r.filters[0].column) == column_role::boolean)
    r.entity = r.filters[0].column.table;
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
  // "deliveries on each day of the week": the column that names the day.
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
  // "calls per hour of the day": the hour of the rows' date.
  if (time.cycle != time_bucket::none) {
    dimension d;
    d.bucket = time.cycle;
    if (time_column_hint)
      d.column = *time_column_hint;
    if (r.measures.empty())
      r.unresolved.push_back(time.cycle == time_bucket::hour ? "the hour of the day" : "the month of the year");
    else
      r.dimensions.insert(r.dimensions.begin(), d);
  }
  read_ranking();
  read_conditions_and_groups();
  settle_reading();
  attach_to_related(said);
  // "the most floors, sorted by the number of floors":
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
  // "which truck was rented the most": ranked by the rows the verb names.
  if (ranked_by_verb && !r.unranked.empty() && r.measures.empty() && r.selected.empty()
      && rank_by_rows_of_verb(*ranked_by_verb))
    r.unranked.clear();
  join_alternatives(either);
}

} // namespace medha::sqlgen::detail
