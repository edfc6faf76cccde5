// What a column named in the question adds to the reading: a measure, a
// group, a condition, a sort key or a column to show, by the words around it.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"
#include "actors/sqlgen/indexed_model.hpp"


namespace medha::sqlgen::detail {

void reader::on_column(size_t k, const element& e) {
  column_ref col{e.table, e.column};
  auto role = role_of(model, col);
  auto* next = next_item(k);
  auto* prev = prev_item(k);
  auto same_column_value = [&](const item* i) {
    return i && !i->c && i->e.kind == element_kind::value && i->e.table == e.table
           && i->e.column == e.column;
  };
  if (role != column_role::time && (read_not_happened(k, col) || participle_of_column(k, col, role)))
    return;
  if (next_is(k, cue_kind::compare)) {
    auto& c = *items[k + 1].c;
    items[k + 1].consumed = true;
    if (c.text == "literal" && literal_misses_codes(col, c.values)) {
      r.unresolved.push_back("'" + c.values.front() + "' on " + e.column
                             + ", which stores codes such as '" + table_of(model, e.table)
                               ->find_column(e.column)->values.front() + "'");
      return;
    }
    filter f;
    f.op = c.op;
    f.column = col;
    f.values = c.values;
    f.numeric = role == column_role::numeric;
    r.filters.push_back(f);
    return;
  }
  // "fewer than 100000 people": the number before the quantity it counts.
  if (prev && prev->c && prev->c->kind == cue_kind::compare && !prev->consumed
      && prev->c->text != "literal" && prev->end == items[k].begin && role == column_role::numeric
      && pending_agg == aggregate::none && !prev->c->values.empty() && is_number(prev->c->values[0])) {
    items[k - 1].consumed = true;
    filter f;
    f.op = prev->c->op;
    f.column = col;
    f.values = prev->c->values;
    f.numeric = true;
    r.filters.push_back(f);
    return;
  }
  if (next_is(k, cue_kind::contains) || next_is(k, cue_kind::missing_after)) {
    auto& c = *items[k + 1].c;
    items[k + 1].consumed = true;
    filter f;
    f.column = col;
    if (c.kind == cue_kind::contains) {
      f.op = c.op;
      f.values = c.values;
    } else {
      f.op = filter_op::is_null;
    }
    r.filters.push_back(f);
    return;
  }
  // "the number of pupils enrolled in each class" where each course keeps
  // num_enrolled: the participle names the kept count of the rows counted.
  auto name_words = split_words(e.column);
  bool counter_name = std::any_of(name_words.begin(), name_words.end(), [](const std::string& w) {
    return w == "num" || w == "count" || w == "number";
  });
  // ("students are enrolled" too). Which one is settled once the groups are
  // known: see finish().
  auto linking_verb = [&](size_t t) {
    return t < tokens.size()
           && (tokens[t].text == "are" || tokens[t].text == "were" || tokens[t].text == "is"
               || tokens[t].text == "was");
  };
  bool right_after = prev && (prev->end == items[k].begin
                              || (prev->end + 1 == items[k].begin && linking_verb(prev->end)));
  if (prev && !prev->c && prev->e.kind == element_kind::table && right_after
      && prev->e.table != e.table && role == column_role::numeric && counter_name
      && is_participle(tokens[items[k].begin].text) && !r.measures.empty()
      && r.measures.back().agg == aggregate::count
      && r.measures.back().column == column_ref{prev->e.table, ""}) {
    counted_by_participle = {r.measures.size() - 1, col};
    return;
  }
  if (role == column_role::boolean && !in_group) {
    // "active customers", "not discontinued": the flag itself is the filter;
    // "rooms without balconies", "with no balcony": the flag unset.
    bool missing = prev && prev->c && prev->c->kind == cue_kind::missing;
    if (missing)
      items[k - 1].consumed = true;
    filter f;
    f.op = filter_op::eq;
    f.column = col;
    bool unset = negate != missing;
    // "parcels collected" for a flag named not_collected: the name says the
    // opposite of the words that named it, so the flag is unset. ("not
    // collected", with the "not" read apart, sets it.)
    auto negating = [](const std::string& w) { return w == "not" || w == "non" || w == "no" || w == "never"; };
    auto flag_words = split_words(col.column);
    bool said_negation = false;
    for (size_t i = items[k].begin; i < items[k].end; ++i)
      said_negation = said_negation || negating(tokens[i].text);
    if (std::any_of(flag_words.begin(), flag_words.end(), negating) && !said_negation)
      unset = !unset;
    // "is_archived is True", "active = false": the flag's value said.
    size_t j = items[k].end;
    auto said = [&](size_t i, std::initializer_list<const char*> ws) {
      return i < tokens.size() && !tokens[i].quoted && !taken[i]
             && std::any_of(ws.begin(), ws.end(), [&](const char* w) { return tokens[i].text == w; });
    };
    if (said(j, {"is", "=", "was", "are", "equals"}))
      ++j;
    if (j > items[k].end && said(j, {"true", "false"})) {
      unset = unset != (tokens[j].text == "false");
      for (size_t i = items[k].end; i <= j; ++i)
        taken[i] = true;
    }
    f.values = {unset ? "false" : "true"};
    f.numeric = true;
    negate = false;
    r.filters.push_back(f);
    filter_spans.push_back({r.filters.size() - 1, items[k].begin, items[k].end});
    return;
  }
  if (same_column_value(next) || same_column_value(prev))
    return; // "status cancelled": the column only names the value's column
  if (prev && prev->c && prev->c->kind == cue_kind::missing) {
    if (role == column_role::time)
      if (auto other = rows_lacked(k, col)) {
        if (!*other)
          r.unresolved.push_back("not");
        return;
      }
    filter f;
    f.op = filter_op::is_null;
    f.column = col;
    r.filters.push_back(f);
    return;
  }
  bool kept_count = pending_agg == aggregate::count && !distinct && role == column_role::numeric
                    && std::any_of(name_words.begin(), name_words.end(),
                                   [](const std::string& w) { return w == "num" || w == "count"; });
  // "ordered by the average rating": the measure below is the sort key.
  if (order_next && (pending_agg == aggregate::none || kept_count)) {
    ordering o;
    o.column = col;
    r.order.push_back(o);
    order_next = false;
    // "sorted by the number of floors" where each row keeps that
    // number: the count named is the column sorted by.
    if (kept_count)
      pending_agg = aggregate::none;
    return;
  }
  // "customers with their cities", "products with its price": the column
  // shown beside the rows, not a condition on them.
  auto& before = items[k].begin > 0 ? tokens[items[k].begin - 1].text : tokens[items[k].begin].text;
  if (prev && prev->c && prev->c->kind == cue_kind::has && prev->end + 1 == items[k].begin
      && (before == "their" || before == "its") && !in_group && pending_agg == aggregate::none) {
    r.selected.push_back(col);
    r.asked_list = true; // the rows themselves are asked for, beside the column
    r.with_columns = true;
    return;
  }
  // "what are their emails?": each row's own value, shown beside the row's
  // name, not the different values among them.
  // So is "what sectors are these in?": the rows just shown, each with
  // its own.
  bool of_them = items[k].begin == 1 && (tokens[0].text == "what" || tokens[0].text == "which")
                 && std::any_of(tokens.begin() + static_cast<long>(items[k].end), tokens.end(), [](const token& t) {
                      return t.text == "they" || t.text == "those" || t.text == "these";
                    });
  if (items[k].begin > 0 && (before == "their" || of_them) && !in_group && pending_agg == aggregate::none
      && !superlative && !negate && role != column_role::numeric && role != column_role::time && items[k].plural)
    r.with_columns = true;
  // "when were those hired?": each one's date, beside them.
  bool when_of_them = !tokens.empty() && tokens[0].text == "when"
                      && std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
                           return t.text == "they" || t.text == "those" || t.text == "these" || t.text == "them";
                         });
  if (when_of_them && role == column_role::time && !in_group && pending_agg == aggregate::none && !superlative
      && !negate)
    r.with_columns = true;
  // Not "with a release year before 2000": the period says which years.
  auto after = items[k].end;
  if (after + 1 < tokens.size() && !tokens[after].quoted
      && (tokens[after].text == "of" || tokens[after].text == "in" || tokens[after].text == "from"))
    ++after;
  bool period_next = after < tokens.size() && in_period[after];
  if (prev && prev->c && prev->c->kind == cue_kind::has && !in_group
      && pending_agg == aggregate::none && role == column_role::numeric && !superlative
      && prev->c->text != "who" && !period_next && !next_is(k + 1, cue_kind::compare)) {
    // "trips with tolls", "loans with a fine": a number above zero.
    filter f;
    f.op = filter_op::gt;
    f.column = col;
    f.values = {"0"};
    f.numeric = true;
    r.filters.push_back(f);
    return;
  }
  // "leases that have ended in the last 6 months": the date the period
  // is on, read below, not a date that is merely present.
  bool dated = role == column_role::time && !time.filters.empty();
  if (prev && prev->c && prev->c->kind == cue_kind::has && !in_group
      && pending_agg == aggregate::none && role != column_role::numeric && !dated) {
    // "customers with an email", "who have a phone": the value is present.
    filter f;
    f.op = filter_op::not_null;
    f.column = col;
    r.filters.push_back(f);
    return;
  }
  auto kept_total = pending_agg == aggregate::count && total_count && !distinct
                      ? total_column(k) : std::nullopt;
  if (kept_total || (pending_agg == aggregate::count && total_count && !distinct
                     && role == column_role::numeric)) {
    // "the total number of beds": a quantity is summed, not counted; a
    // column that keeps that total ("total_credit") is the one summed.
    measure m;
    m.agg = aggregate::sum;
    m.column = kept_total.value_or(col);
    auto* t = table_of(model, m.column.table);
    auto* pk = t ? primary_key(*t) : nullptr;
    if (!foreign_key(m.column.table, m.column.column) && !(pk && pk->name == m.column.column)) {
      add_measure(m);
      pending_agg = aggregate::none;
      return;
    }
  }
  // "released in 2006", "released after 2018" on an integer release_year:
  // the column the period is on, not a number to count.
  auto whole_years = [](const filter& f) {
    return f.op == filter_op::year
           || ((f.op == filter_op::since || f.op == filter_op::before) && !f.values.empty()
               && f.values[0].size() >= 10 && f.values[0].compare(4, 6, "-01-01") == 0);
  };
  // So is a date said beside a period ("added in 2020"): counting its
  // different days is never what is asked.
  // Nor is a date said as a verb before a period ("bills issued in 2024"),
  // even inside a grouping phrase: the period is of that date.
  auto said_after = items[k].end < tokens.size() ? tokens[items[k].end].text : std::string();
  bool verb_of_period = items[k].end == items[k].begin + 1 && is_participle(tokens[items[k].begin].text)
                        && (said_after == "in" || said_after == "during" || said_after == "since" || said_after == "before"
                            || said_after == "after" || said_after == "between" || said_after == "last" || said_after == "this");
  bool period_date = role == column_role::time && !distinct && !time.filters.empty()
                     && (pending_agg == aggregate::count || verb_of_period);
  // "rentals started in 2025" where only the staff who signed them up keep
  // a start: the verb is said of the rows named right before it, and the
  // date of a row they belong to is that row's event, not theirs. (A date
  // of their own rows below them is: "pens cleaned in 2024".)
  if (period_date && verb_of_period && k > 0 && !items[k - 1].c && items[k - 1].end == items[k].begin
      && items[k - 1].e.kind == element_kind::table && items[k - 1].e.table != col.table
      && belongs_to(model, items[k - 1].e.table, col.table)) {
    r.unresolved.push_back("which date of the " + column_words(items[k - 1].e.table) + " \""
                           + tokens[items[k].begin].text + "\" is said of");
    time_column_hint = col;
    return;
  }
  if (period_date
      || (role == column_role::numeric && lexicon_words::counts_years(e.column)
          && (pending_agg == aggregate::none || pending_agg == aggregate::count)
          && !time.filters.empty() && std::all_of(time.filters.begin(), time.filters.end(), whole_years))) {
    time_column_hint = col;
    return;
  }
  // "the average session duration by device type": the average is the
  // duration's, read once the words are linked, not the later column's.
  if (pending_agg != aggregate::none && duration_word && *duration_word < items[k].begin)
    pending_agg = aggregate::none;
  // "how many per region": the column after "per" groups; the count waits
  // for what it counts (or the last answer's measure).
  if (pending_agg != aggregate::none && !in_group) {
    measure m;
    m.column = col;
    m.agg = pending_agg;
    auto* t = table_of(model, e.table);
    auto* pk = t ? primary_key(*t) : nullptr;
    // "the number of floors" naming num_floors: the column is the number.
    auto words = split_words(e.column);
    // So does a column named just for what it counts ("seasons", "floors").
    // Only after "number of": "how many floors do they have" may still mean
    // each row's number or their total.
    size_t at = items[k].begin;
    bool number_of = at >= 2 && tokens[at - 1].text == "of" && tokens[at - 2].text == "number";
    bool plural_name = number_of && words.size() == 1 && words[0].size() > 3 && words[0].back() == 's'
                       && stem(words[0]) != words[0];
    bool counter = role == column_role::numeric && !distinct
                   && (plural_name || std::any_of(words.begin(), words.end(), [](const std::string& w) {
                        return w == "num" || w == "number" || w == "count";
                      }));
    if (pending_agg == aggregate::count && counter && (superlative || top > 0)
        && !superlative_column && !in_group && r.entity == e.table && r.dimensions.empty()) {
      // "the towers with the highest number of floors" where each
      // tower keeps its count: rank the rows by it, nothing summed.
      superlative_column = col;
      pending_agg = aggregate::none;
      return;
    }
    if (pending_agg == aggregate::count && counter) {
      // "the average number of floors" where each row keeps its count.
      m.agg = average_count ? aggregate::avg : aggregate::sum;
    } else if (pending_agg == aggregate::count) {
      // "How many titles": the rows the word names (a work by its title, a
      // thing by its key); "how many different titles" counts the words.
      auto* label = t ? label_column(*t) : nullptr;
      // "how many comments" where one table keeps comments and another a
      // free-text comment: the comments are that table's rows; nobody counts
      // different free texts.
      std::string rows_named;
      if ((role == column_role::text || role == column_role::categorical) && items[k].plural && !distinct
          && items[k].end == items[k].begin + 1)
        if (auto& heads = model.index.tables_headed_by(tokens[items[k].begin].stem);
            heads.size() == 1 && heads[0] < model.tables.size() && model.tables[heads[0]].name != e.table)
          rows_named = model.tables[heads[0]].name;
      if (((pk && pk->name == e.column) || (label && label->name == e.column)) && !distinct)
        m = count_rows(e.table);
      else if (!rows_named.empty())
        m = count_rows(rows_named);
      else
        m.agg = aggregate::count_distinct;
      // "how many seats are booked in total" on a column of numbers named
      // for those things: their total, said after them.
      // So is "how many pallets do we hold in the depot": what the business holds
      // in all, not each row's number.
      bool quantity = role == column_role::numeric && !distinct && m.agg == aggregate::count_distinct
                      && (items[k].plural || tokens[items[k].begin].text != tokens[items[k].begin].stem);
      auto summed = quantity ? trailing_total(k) : nullptr;
      bool ours = quantity && std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
                    return !t.quoted && (t.text == "we" || t.text == "our" || t.text == "us");
                  });
      bool charges = quantity && counts_charges(k, col, m);
      if (!charges && (summed || ours)) {
        m = measure{};
        m.agg = aggregate::sum;
        m.column = col;
        if (summed)
          summed->consumed = true;
      }
      // "how many floors do they have" on a column of numbers: each row's
      // number or their total, hardly how many different numbers there are.
      else if (role == column_role::numeric && !distinct && m.agg == aggregate::count_distinct
          && items[k].plural)
        r.unresolved.push_back("how many " + column_words(e.column));
      // "how many of them are archived": a word that is no plural noun names
      // no things to count; how many different values it has is not asked.
      else if (!distinct && m.agg == aggregate::count_distinct && !items[k].plural
               && role != column_role::time)
        r.unresolved.push_back("how many " + column_words(e.column));
    } else if ((pending_agg == aggregate::sum || pending_agg == aggregate::avg)
               && role != column_role::numeric) {
      r.unresolved.push_back(std::string(to_string(pending_agg)) + " of " + e.column);
    }
    add_measure(m);
    pending_agg = aggregate::none;
    distinct = false;
    return;
  }
  if (superlative && (role == column_role::numeric || role == column_role::time)
      && !superlative_column) {
    superlative_column = col;
    return;
  }
  // "taught courses in the most departments": how many different ones.
  if (superlative && prev && prev->c && prev->c->kind == cue_kind::superlative
      && (role == column_role::categorical || role == column_role::text) && r.measures.empty()
      && !superlative_column && pending_agg == aggregate::none) {
    bool quantity = false;
    for (size_t i = prev->begin; i < prev->end; ++i)
      quantity = quantity || tokens[i].text == "most" || tokens[i].text == "fewest"
                 || tokens[i].text == "least";
    if (quantity) {
      measure m;
      m.agg = aggregate::count_distinct;
      m.column = col;
      // "the most titles" where titles name the rows: how many rows, not
      // how many different names.
      auto* t = table_of(model, e.table);
      auto* label = t ? label_column(*t) : nullptr;
      if (label && label->name == e.column && items[k].plural)
        m = count_rows(e.table);
      r.measures.push_back(m);
      return;
    }
  }
  if (in_group && role == column_role::numeric && number_after_by(e, col))
    return;
  if (in_group) {
    dimension d;
    d.column = col;
    if (role == column_role::time)
      d.bucket = time.bucket != time_bucket::none ? time.bucket : time_bucket::none;
    add_dimension(d);
    return;
  }
  if (role == column_role::time && !time.filters.empty()) {
    time_column_hint = col;
    return;
  }
  if (role == column_role::time && time.bucket != time_bucket::none) {
    time_column_hint = col;
    return;
  }
  if (role == column_role::numeric) {
    bare_numeric.push_back(col);
    return;
  }
  if (role == column_role::time && read_happened_in_listing(k, col))
    return;
  r.selected.push_back(col);
  if (distinct)
    r.distinct_listing = true;
}

} // namespace medha::sqlgen::detail
