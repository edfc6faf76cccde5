// What each cue and linked phrase adds to the reading, in question order.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen::detail {

namespace {

std::string folded(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// A column whose every known value is a short code ("CA", "NY", "M"): a
// spelled-out name compared to it ("California") would match no row.
bool holds_codes(const column_info& c) {
  if (c.values.size() < 2)
    return false;
  for (auto& v : c.values) {
    if (v.empty() || v.size() > 3)
      return false;
    for (char ch : v)
      if (!std::isalnum(static_cast<unsigned char>(ch)))
        return false;
  }
  return true;
}

} // namespace

// A quoted word compared to a column of codes it is not one of: the question
// names the value in other words than the data stores it.
bool reader::literal_misses_codes(const column_ref& col, const std::vector<std::string>& values) {
  auto* t = table_of(model, col.table);
  auto* c = t ? t->find_column(col.column) : nullptr;
  if (!c || c->role == column_role::numeric || !holds_codes(*c))
    return false;
  for (auto& v : values) {
    bool known = std::any_of(c->values.begin(), c->values.end(),
                             [&](const std::string& x) { return folded(x) == folded(v); });
    if (!known && v.size() > 3)
      return true;
  }
  return false;
}

// A numeric column named "total" and the words of item k ("total_credit"
// for "credits"), when exactly one table has one.
std::optional<column_ref> reader::total_column(size_t k) {
  std::vector<std::string> phrase{"total"};
  for (size_t i = items[k].begin; i < items[k].end; ++i)
    phrase.push_back(tokens[i].stem);
  std::optional<column_ref> found;
  for (auto& t : model.tables)
    for (auto& c : t.columns) {
      if (c.role != column_role::numeric)
        continue;
      auto words = split_words(c.name);
      if (words.size() != phrase.size())
        continue;
      bool same = true;
      for (size_t i = 0; i < words.size() && same; ++i)
        same = stem(words[i]) == phrase[i];
      if (!same)
        continue;
      if (found)
        return std::nullopt;
      found = column_ref{t.name, c.name};
    }
  return found;
}

void reader::add_value_filter(const element& e, size_t pos) {
  for (auto& [fi, p] : value_filters) {
    auto& f = r.filters[fi];
    bool neg = f.op == filter_op::neq || f.op == filter_op::not_in;
    if (f.column == column_ref{e.table, e.column} && neg == negate) {
      f.values.push_back(e.value);
      f.op = neg ? filter_op::not_in : filter_op::in;
      return;
    }
  }
  filter f;
  f.op = negate ? filter_op::neq : filter_op::eq;
  f.column = {e.table, e.column};
  f.values = {e.value};
  f.numeric = is_number(e.value) && role_of(model, f.column) == column_role::numeric;
  r.filters.push_back(f);
  value_filters.emplace_back(r.filters.size() - 1, pos);
}

// Numeric columns of a table that can be summed: not keys; amount-like
// names first, alone when one of them is ("amount", "total", "price").
std::vector<column_ref> reader::amount_columns(const std::string& table) {
  std::vector<column_ref> all, named;
  auto* t = table_of(model, table);
  if (!t)
    return all;
  for (auto& c : t->columns) {
    if (c.role != column_role::numeric || c.primary_key)
      continue;
    all.push_back({table, c.name});
    for (auto* word : {"amount", "total", "value", "revenue", "sales", "price"})
      if (c.name.find(word) != std::string::npos) {
        named.push_back({table, c.name});
        break;
      }
  }
  return named.size() == 1 ? named : all;
}

const relationship* reader::foreign_key(const std::string& table, const std::string& column) {
  for (auto& rel : model.relationships)
    if (rel.from_table == table && rel.from_columns.size() == 1 && rel.from_columns[0] == column)
      return &rel;
  return nullptr;
}

std::optional<column_ref> reader::counter_column(const std::string& table) {
  auto table_stems = [](const std::string& name) {
    std::vector<std::string> out;
    for (auto& w : split_words(name))
      out.push_back(stem(w));
    return out;
  };
  auto counted = table_stems(table);
  auto is_counter_word = [](const std::string& w) { return w == "count" || w == "num" || w == "number"; };
  // A row that keeps how many times it happened (checkin.count: check-ins
  // per business and day): counting the table sums that column.
  if (auto* own = table_of(model, table))
    for (auto& c : own->columns) {
      auto words = table_stems(c.name);
      if (c.role == column_role::numeric && !c.primary_key && words.size() == 1
          && is_counter_word(words.front()))
        return column_ref{own->name, c.name};
    }
  for (auto& rel : model.relationships) {
    if (rel.from_table != table)
      continue;
    auto* parent = table_of(model, rel.to_table);
    if (!parent)
      continue;
    for (auto& c : parent->columns) {
      if (c.role != column_role::numeric)
        continue;
      std::vector<std::string> rest;
      bool counter_word = false;
      for (auto& w : table_stems(c.name))
        if (is_counter_word(w))
          counter_word = true;
        else
          rest.push_back(w);
      if (counter_word && rest == counted)
        return column_ref{parent->name, c.name};
    }
  }
  return std::nullopt;
}

void reader::add_dimension(const dimension& d) {
  for (auto& x : r.dimensions)
    if (x.column == d.column && x.bucket == d.bucket)
      return;
  r.dimensions.push_back(d);
}

// "sorted by the number of loans": a measure named right after a
// sort key cue is what the rows are sorted by.
void reader::add_measure(const measure& m) {
  r.measures.push_back(m);
  if (order_next) {
    ordering o;
    o.measure = static_cast<int>(r.measures.size()) - 1;
    o.descending = true;
    r.order.push_back(o);
    order_next = false;
  }
}

measure reader::count_rows(const std::string& table) { return count_of(model, table); }

bool counts_things(const semantic_model& model, const measure& m) {
  auto c = count_of(model, m.column.table);
  return m.metric.empty() && m.agg == c.agg && m.column == c.column;
}

measure count_of(const semantic_model& model, const std::string& table) {
  measure m;
  m.agg = aggregate::count;
  m.column = {table, ""};
  // Rows that each say how many there were ("checkin"."count" per day): the
  // number of them is the total of that column.
  if (auto* t = table_of(model, table))
    if (auto* c = count_column(*t)) {
      m.agg = aggregate::sum;
      m.column.column = c->name;
    }
  return m;
}

bool reader::next_is(size_t k, cue_kind kind) {
  auto* n = next_item(k);
  return n && n->c && n->c->kind == kind && !n->consumed;
}

void reader::on_column(size_t k, const element& e) {
  column_ref col{e.table, e.column};
  auto role = role_of(model, col);
  auto* next = next_item(k);
  auto* prev = prev_item(k);
  auto same_column_value = [&](const item* i) {
    return i && !i->c && i->e.kind == element_kind::value && i->e.table == e.table
           && i->e.column == e.column;
  };
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
  // "the number of students enrolled in each course" where each course keeps
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
  if (prev && prev->c && prev->c->kind == cue_kind::has && !in_group
      && pending_agg == aggregate::none && role == column_role::numeric && !superlative
      && prev->c->text != "who") {
    // "trips with tolls", "loans with a fine": a number above zero.
    filter f;
    f.op = filter_op::gt;
    f.column = col;
    f.values = {"0"};
    f.numeric = true;
    r.filters.push_back(f);
    return;
  }
  // "treatments that have ended in the last 6 months": the date the period
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
    // "the total number of seats": a quantity is summed, not counted; a
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
  // "the average session duration by device type": the average is the
  // duration's, read once the words are linked, not the later column's.
  if (pending_agg != aggregate::none && duration_word && *duration_word < items[k].begin)
    pending_agg = aggregate::none;
  if (pending_agg != aggregate::none) {
    measure m;
    m.column = col;
    m.agg = pending_agg;
    auto* t = table_of(model, e.table);
    auto* pk = t ? primary_key(*t) : nullptr;
    // "the number of floors" naming num_floors: the column is the number.
    auto words = split_words(e.column);
    bool counter = role == column_role::numeric && !distinct
                   && std::any_of(words.begin(), words.end(), [](const std::string& w) {
                        return w == "num" || w == "number" || w == "count";
                      });
    if (pending_agg == aggregate::count && counter && (superlative || top > 0)
        && !superlative_column && !in_group && r.entity == e.table && r.dimensions.empty()) {
      // "the publications with the highest number of citations" where each
      // publication keeps its count: rank the rows by it, nothing summed.
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
      if (((pk && pk->name == e.column) || (label && label->name == e.column)) && !distinct)
        m = count_rows(e.table);
      else
        m.agg = aggregate::count_distinct;
      // "how many floors do they have" on a column of numbers: each row's
      // number or their total, hardly how many different numbers there are.
      if (role == column_role::numeric && !distinct && m.agg == aggregate::count_distinct
          && items[k].plural)
        r.unresolved.push_back("how many " + column_words(e.column));
      // "how many of them are retired": a word that is no plural noun names
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
  if (role == column_role::numeric && e.column.find("year") != std::string::npos
      && std::any_of(time.filters.begin(), time.filters.end(),
                     [](const filter& f) { return f.op == filter_op::year; })) {
    time_column_hint = col; // "released in 2006" on an integer release_year
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
      r.measures.push_back(m);
      return;
    }
  }
  // "the top 3 businesses by review count": a number each row keeps, after
  // "by" in a ranking of those rows, is what ranks them, not a group.
  if (in_group && top > 0 && !superlative && !superlative_column && role == column_role::numeric
      && r.entity == e.table && r.measures.empty() && pending_agg == aggregate::none) {
    superlative_column = col;
    in_group = false;
    return;
  }
  // "the top 5 businesses by rating" where each review has a rating: by
  // their average, or their total? Asked, never grouped by the number.
  // Money adds up: "the top 5 regions by sales" ranks their totals.
  if (in_group && (top > 0 || superlative) && role == column_role::numeric && !r.entity.empty()
      && r.entity != e.table && r.measures.empty() && pending_agg == aggregate::none) {
    if (names_money(e.column)) {
      measure m;
      m.agg = aggregate::sum;
      m.column = col;
      add_measure(m);
    } else {
      r.unresolved.push_back("which total of " + e.column + " ranks the " + r.entity);
    }
    in_group = false;
    return;
  }
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
  r.selected.push_back(col);
  if (distinct)
    r.distinct_listing = true;
}

void reader::on_table(size_t k, const item& it) {
  auto& table = it.e.table;
  auto* prev = prev_item(k);
  if (prev && prev->c && prev->c->kind == cue_kind::missing) {
    lacks.push_back(table);
    return;
  }
  // "customers who have not placed any orders": related rows negated.
  if (negate && !r.entity.empty() && table != r.entity && pending_agg == aggregate::none
      && !in_group) {
    lacks.push_back(table);
    negate = false;
    return;
  }
  // "authors not in any organization": a negation still pending turns the
  // related table into one the rows must lack.
  auto relate = [&]() {
    if (negate) {
      lacks.push_back(table);
      negate = false;
    } else {
      has.push_back(table);
    }
  };
  if (prev && prev->c && prev->c->kind == cue_kind::has && !r.entity.empty()) {
    relate();
    return;
  }
  if (in_group) {
    dimension d;
    d.column = label_of(model, table);
    add_dimension(d);
    entity_dimensions.push_back(table);
    return;
  }
  if (pending_agg == aggregate::count) {
    // "the total number of visits" where shops keep a visit_count:
    // the kept counts, summed; a table's own tally is always its count.
    if (auto counter = counter_column(table); counter && (total_count || counter->table == table)) {
      measure m;
      m.agg = aggregate::sum;
      m.column = *counter;
      add_measure(m);
      counter_for = {r.measures.size() - 1, table};
      pending_agg = aggregate::none;
      distinct = false;
      return;
    }
  }
  if (pending_agg == aggregate::count) {
    add_measure(count_rows(table));
    pending_agg = aggregate::none;
    distinct = false;
    return;
  }
  if (pending_agg != aggregate::none) {
    // "total payments": the table's one amount-like column.
    auto amounts = amount_columns(table);
    if (amounts.size() == 1) {
      measure m;
      m.agg = pending_agg;
      m.column = amounts.front();
      add_measure(m);
      pending_agg = aggregate::none;
      return;
    }
    if (amounts.size() > 1) {
      std::vector<element> options;
      for (auto& c : amounts)
        options.push_back({element_kind::column, c.table, c.column, "", ""});
      r.ambiguities.push_back({it.begin, it.end, options});
      measure m;
      m.agg = pending_agg;
      m.column = amounts.front();
      add_measure(m);
      pending_agg = aggregate::none;
      return;
    }
  }
  if (next_is(k, cue_kind::compare) && items[k + 1].c->text == "literal") {
    // "customer 'Acme Corp'": the name of one row.
    items[k + 1].consumed = true;
    filter f;
    f.op = filter_op::eq;
    f.column = label_of(model, table);
    f.values = items[k + 1].c->values;
    r.filters.push_back(f);
    if (r.entity.empty())
      r.entity = table;
    return;
  }
  if (prev && prev->c && prev->c->kind == cue_kind::compare && !prev->consumed) {
    // "customers with more than 5 orders": a count compared per entity.
    items[k - 1].consumed = true;
    r.measures.push_back(count_rows(table));
    filter f;
    f.op = prev->c->op;
    f.values = prev->c->values;
    f.numeric = true;
    f.measure = static_cast<int>(r.measures.size()) - 1;
    r.filters.push_back(f);
    having_on_entity = true;
    return;
  }
  // "the most orders" counts them; "the tallest towers" with nothing
  // named before ranks the mountains themselves, by a number named later.
  auto quantity = [&](const item& x) {
    for (size_t i = x.begin; i < x.end; ++i)
      if (tokens[i].text == "most" || tokens[i].text == "least" || tokens[i].text == "fewest")
        return true;
    return false;
  };
  // "which 3 cities have the most customers": a grouping column named
  // before, and "most" (a quantity): the rows counted per group.
  bool group_before = std::any_of(items.begin(), items.begin() + static_cast<long>(k), [&](const item& x) {
    if (x.c || x.e.kind != element_kind::column)
      return false;
    auto role = role_of(model, {x.e.table, x.e.column});
    return role == column_role::categorical || role == column_role::text;
  });
  if (superlative && superlative->text.empty() && prev && prev->c
      && prev->c->kind == cue_kind::superlative && r.measures.empty()
      && (top == 0 || !r.entity.empty() || (group_before && quantity(*prev)))
      && (!r.entity.empty() || quantity(*prev))) {
    // (after "top 10" with no entity yet, "best-selling products" is an
    // adjective of the entity ranked, not a count)
    // "which customer has the most orders"
    r.measures.push_back(count_rows(table));
    return;
  }
  if (order_next) {
    ordering o;
    o.column = label_of(model, table);
    r.order.push_back(o);
    order_next = false;
    return;
  }
  auto* n = next_item(k);
  // A value of its own ("corporate customers") or one of its flags ("active
  // agents") right beside the noun.
  // After "only ...", one preposition may stand between ("only accounts in
  // Germany"): the restriction still says whose value it is.
  bool only = !tokens.empty() && (tokens[0].text == "only" || tokens[0].text == "just");
  auto after_preposition = [&](const item* x) {
    static const char* prepositions[] = {"in", "from", "on", "at", "with"};
    return only && x->begin == it.end + 1 && it.end < tokens.size()
           && std::any_of(std::begin(prepositions), std::end(prepositions),
                          [&](const char* p) { return tokens[it.end].text == p; });
  };
  auto same_table_value = [&](const item* x) {
    if (!x || x->c || x->e.table != table
        || (x->end != it.begin && x->begin != it.end && !after_preposition(x)))
      return false;
    return x->e.kind == element_kind::value
           || (x->e.kind == element_kind::column
               && role_of(model, column_ref{x->e.table, x->e.column}) == column_role::boolean);
  };
  if (same_table_value(prev) || same_table_value(n))
    r.entity_qualifies_value = true;
  if (r.entity.empty() && !in_group && r.measures.size() == 1 && counts_things(model, r.measures[0])
      && r.measures[0].column.table != table) {
    // "how many customers placed an order": the counted rows have related rows.
    has.push_back(table);
    return;
  }
  // "the student IDs who have taken a course": the columns asked for already
  // say whose rows are listed; another table named later relates to them.
  bool one_owner = !r.selected.empty()
                   && std::all_of(r.selected.begin(), r.selected.end(),
                                  [&](const column_ref& c) { return c.table == r.selected[0].table; });
  if (r.entity.empty() && one_owner && r.measures.empty() && r.selected[0].table != table
      && r.selected[0].table != "" && shortest_path(model, r.selected[0].table, table).found) {
    r.entity = r.selected[0].table;
    relate();
    return;
  }
  if (r.entity.empty()) {
    r.entity = table;
    plural_entity = it.plural;
  } else if (table != r.entity) {
    relate(); // "customers who ordered": only with a direct link, below
  }
}

void reader::on_metric(size_t k, const element& e) {
  measure m;
  m.metric = e.metric;
  m.agg = natural_aggregate(model, e.metric);
  if (pending_agg == aggregate::avg || pending_agg == aggregate::min
      || pending_agg == aggregate::max)
    m.agg = pending_agg;
  pending_agg = aggregate::none;
  if (share) {
    m.form = measure_form::share_of_total;
    share_pos = items[k].begin;
  }
  r.measures.push_back(m);
  int index = static_cast<int>(r.measures.size()) - 1;
  if (next_is(k, cue_kind::compare)) {
    auto& c = *items[k + 1].c;
    items[k + 1].consumed = true;
    filter f;
    f.op = c.op;
    f.values = c.values;
    f.numeric = true;
    f.measure = index;
    r.filters.push_back(f);
  }
  if (in_group || order_next) {
    ordering o;
    o.measure = index;
    o.descending = true;
    r.order.push_back(o);
    in_group = false;
    order_next = false;
  }
}

// "points scored by players in each league": a "by" after a verb names
// who did it, when the question groups elsewhere ("in each league").
bool reader::agent_by(size_t k) {
  auto& c = *items[k].c;
  if (c.end != c.begin + 1 || c.begin == 0 || tokens[c.begin].text != "by")
    return false;
  auto& verb = tokens[c.begin - 1];
  if (!is_participle(verb.text) || verb.text == verb.stem)
    return false;
  // "which courses were taken by students": in a listing, a plural after the
  // verb's "by" says who did it; a number "by rangers" may still be grouped.
  bool listing = !r.entity.empty() && r.measures.empty() && pending_agg == aggregate::none;
  if (auto* next = next_item(k); listing && next && !next->c && next->e.kind == element_kind::table
                                 && next->plural && next->begin == c.end)
    return true;
  for (size_t j = k + 1; j < items.size(); ++j)
    if (items[j].c && items[j].c->kind == cue_kind::group_by && tokens[items[j].begin].text != "by")
      return true;
  // "fines paid by members in each year": the period groups;
  // the plural after "by" says who received them ("by region" still groups).
  auto* n = next_item(k);
  return time.bucket != time_bucket::none && n && !n->c && n->plural
         && n->e.kind == element_kind::table;
}

void reader::on_cue(size_t k, item& it) {
  auto& c = *it.c;
  if (c.kind != cue_kind::group_by)
    in_group = false;
  // A negation is not reset here: it lasts until the next value.
  switch (c.kind) {
    case cue_kind::aggregate:
      total_count = c.agg == aggregate::count && tokens[c.begin].text == "total";
      if (c.agg == aggregate::avg)
        asked_average = true;
      if (pending_agg == aggregate::avg && c.agg == aggregate::count) {
        pending_agg = c.agg; // "average number of orders per customer"
        average_count = true;
        break;
      }
      average_count = false;
      if (pending_agg != aggregate::none)
        r.unresolved.push_back(to_string(pending_agg));
      pending_agg = c.agg;
      break;
    case cue_kind::distinct: distinct = true; break;
    case cue_kind::group_by:
      // "sort customers by name": the "by" of a sort names the sort key.
      if (sort_pending) {
        order_next = true;
        sort_pending = false;
      } else if (!agent_by(k)) {
        in_group = true;
      }
      break;
    case cue_kind::negation: negate = true; break;
    case cue_kind::order_by:
      asked_order = true;
      if (c.text == "bare") {
        sort_pending = true;
        sort_word = c.begin;
      }
      else
        order_next = true;
      break;
    case cue_kind::direction:
      r.has_direction = true;
      r.descending = c.descending;
      r.alphabetical = c.text == "alphabetical";
      break;
    case cue_kind::superlative:
      if (order_next) {
        // "sorted by the highest average score": a direction for the key
        // that follows, not a ranking cut to its first rows.
        r.has_direction = true;
        r.descending = c.descending;
        break;
      }
      if (superlative && superlative->descending != c.descending)
        both_extremes = true; // "the highest and lowest prices"
      superlative = c;
      break;
    case cue_kind::top_n:
      top = c.count;
      top_desc = c.descending;
      top_which = c.text == "which";
      if (c.text == "price") {
        superlative = c; // ranked by price, like "the cheapest"
        superlative->kind = cue_kind::superlative;
      }
      break;
    case cue_kind::limit:
      r.limit = c.count;
      r.kept_order = c.text == "first" ? 1 : c.text == "last" ? -1 : 0;
      break;
    case cue_kind::versus: versus = true; break;
    case cue_kind::both: both = true; break;
    case cue_kind::also: r.also = true; break;
    case cue_kind::share:
      share = true;
      share_pos = c.begin;
      break;
    case cue_kind::listing:
      // A bare "who" asks for people only when nothing else is asked.
      if (c.text == "who")
        who = true;
      else
        r.listing = true;
      break;
    case cue_kind::chart: r.chart_hint = c.text; break;
    case cue_kind::match_mode:
      if (c.text == "ignore_case") {
        r.ignore_case = true;
        r.ignore_case_of = join(c.values, " ");
      }
      break;
    case cue_kind::show_rows: r.show_rows = true; break;
    case cue_kind::remove_filter:
      if (c.text == "time")
        r.remove_time = true;
      else if (!c.values.empty())
        r.remove_values.insert(r.remove_values.end(), c.values.begin(), c.values.end());
      else
        r.remove_filters = true;
      break;
    case cue_kind::instead:
      r.instead = true;
      skip_next = c.text == "of";
      break;
    case cue_kind::has:
      if (c.text == "who")
        who = true; // "who has the highest salary": people, not a number
      break;
    case cue_kind::compare:
    case cue_kind::contains:
    case cue_kind::missing:
    case cue_kind::missing_after:
      break; // applied by the phrase next to them
  }
}

bool reader::names_whole_key(const item& it, const relationship& rel) {
  // "state code" for airport.state_code, which holds state.state_code itself:
  // the column answers; the table it points to adds nothing.
  if (rel.to_columns.size() != 1 || rel.to_columns[0] != it.e.column)
    return false;
  auto words = split_words(it.e.column);
  if (words.size() != it.end - it.begin)
    return false;
  for (size_t i = 0; i < words.size(); ++i)
    if (stem(words[i]) != tokens[it.begin + i].stem)
      return false;
  return true;
}

void reader::walk() {
  for (size_t k = 0; k < items.size(); ++k) {
    auto& it = items[k];
    if (it.c) {
      if (!it.consumed)
        on_cue(k, it);
      continue;
    }
    if (skip_next) {
      skip_next = false;
      continue;
    }
    if (it.age) {
      on_age();
      continue;
    }
    switch (it.e.kind) {
      case element_kind::column:
        if (auto* rel = foreign_key(it.e.table, it.e.column); rel && !names_whole_key(it, *rel)) {
          // "business category": the key's role word only says whose category.
          auto* n = next_item(k);
          if (n && !n->c && n->begin == it.end && n->e.table == it.e.table
              && (n->e.kind == element_kind::column || n->e.kind == element_kind::table))
            break;
          // "by departure airport": the airport, reached through that key.
          r.via.push_back({it.e.table, it.e.column});
          item target = it;
          target.e = {element_kind::table, rel->to_table, "", "", ""};
          on_table(k, target);
        } else {
          on_column(k, it.e);
        }
        break;
      case element_kind::table: {
        auto* n = next_item(k);
        auto* p = prev_item(k);
        auto adjacent_before = [&](const item* x) { return x && !x->c && x->end == it.begin; };
        auto adjacent_after = [&](const item* x) { return x && !x->c && x->begin == it.end; };
        // "product category": the first table only qualifies the second.
        // "business category" where category is a column of a linked table too.
        bool names_other = n && (n->e.kind == element_kind::table || n->e.kind == element_kind::column);
        // Not before a verb: "customers ordered", "customers bought" relate them.
        auto& next_word = n ? tokens[n->begin] : tokens[it.begin];
        bool verb_next = n && n->end == n->begin + 1 && is_participle(next_word.text)
                         && next_word.text != next_word.stem;
        if (adjacent_after(n) && names_other && n->e.table != it.e.table && !verb_next) {
          auto path = shortest_path(model, it.e.table, n->e.table);
          if (path.found && path.steps.size() == 1)
            break;
        }
        // "the Jazz genre": the table only names the value's table.
        auto names_value = [&](const item* x) {
          if (x->e.kind != element_kind::value || x->e.table != it.e.table)
            return false;
          auto* t = table_of(model, it.e.table);
          auto* label = t ? label_column(*t) : nullptr;
          return label && label->name == x->e.column;
        };
        if ((adjacent_before(p) && names_value(p)) || (adjacent_after(n) && names_value(n)))
          break;
        // "client segment": the table only says whose column follows.
        bool filtered = next_is(k + 1, cue_kind::compare) || next_is(k + 1, cue_kind::contains)
                        || next_is(k + 1, cue_kind::missing_after);
        auto role = n && !n->c ? role_of(model, {n->e.table, n->e.column}) : column_role::text;
        bool event = role == column_role::time || role == column_role::boolean;
        if (n && !n->c && n->begin == it.end && n->e.kind == element_kind::column
            && n->e.table == it.e.table && !filtered && !event)
          break;
        on_table(k, it);
        break;
      }
      case element_kind::metric:
        on_metric(k, it.e);
        break;
      case element_kind::value:
        in_group = false;
        add_value_filter(it.e, it.begin);
        if (value_filters.back().first + 1 == r.filters.size() && value_filters.back().second == it.begin)
          filter_spans.push_back({r.filters.size() - 1, it.begin, it.end});
        negate = false;
        break;
    }
  }
  // Cues that were never applied to anything: a "not" that met no value or
  // flag would be lost...
  bool dangling_not = negate && !contrast_implied();
  for (size_t k = 0; k < items.size(); ++k)
    if (items[k].c && items[k].c->kind == cue_kind::missing
        && (k + 1 == items.size() || items[k + 1].c))
      dangling_not = true;
  // ... unless it asks for the other side of a flag: "how many have a final
  // exam and how many do not" counts both, one group per side.
  auto counts = std::count_if(items.begin(), items.end(), [](const item& it) {
    return it.c && it.c->kind == cue_kind::aggregate && it.c->agg == aggregate::count;
  });
  auto flag = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) {
    return f.measure < 0 && f.op == filter_op::eq && role_of(model, f.column) == column_role::boolean;
  });
  bool one_flag = flag != r.filters.end()
                  && std::count_if(r.filters.begin(), r.filters.end(),
                                   [](const filter& f) { return f.measure < 0; }) == 1;
  if (dangling_not && counts == 2 && one_flag && items.back().c) {
    dimension d;
    d.column = flag->column;
    add_dimension(d);
    r.filters.erase(flag);
  } else if (dangling_not) {
    r.unresolved.push_back("not");
  }
  for (size_t k = 0; k < items.size(); ++k) {
    auto& it = items[k];
    if (it.c && !it.consumed
        && (it.c->kind == cue_kind::compare || it.c->kind == cue_kind::contains
            || it.c->kind == cue_kind::missing_after)) {
      // "with "Blue" in its name": the label of the table named just before.
      const item* owner = nullptr;
      for (auto& o : items)
        if (!o.c && o.e.kind == element_kind::table && o.end <= it.begin)
          owner = &o;
      if (it.c->kind == cue_kind::contains && it.c->text == "in its name" && owner) {
        filter f;
        f.op = it.c->op;
        f.column = label_of(model, owner->e.table);
        f.values = it.c->values;
        r.filters.push_back(f);
        continue;
      }
      // "songs containing 'love'": the label of the table said
      // right before; else of the entity; else nothing.
      auto* before = prev_item(k);
      bool named = before && !before->c && before->e.kind == element_kind::table
                   && before->end == it.begin;
      if (it.c->kind == cue_kind::contains && (named || !r.entity.empty())) {
        filter f;
        f.op = it.c->op;
        f.column = label_of(model, named ? before->e.table : r.entity);
        f.values = it.c->values;
        r.filters.push_back(f);
      } else {
        r.unresolved.push_back("a condition");
      }
    }
  }
}

} // namespace medha::sqlgen::detail
