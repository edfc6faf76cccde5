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
#include "actors/sqlgen/indexed_model.hpp"

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
  // Words of the values: each run said is a condition of its own
  // ("sourdough", "large": both), never one value among others.
  if (is_value_word(e.value)) {
    // No condition says a value lacks a word: not applied, and said so.
    if (negate) {
      r.unresolved.push_back("not");
      return;
    }
    filter f;
    f.op = filter_op::contains;
    f.column = {e.table, e.column};
    f.values = {e.value.substr(1)};
    r.filters.push_back(f);
    value_filters.emplace_back(r.filters.size() - 1, pos);
    value_said.emplace_back(r.filters.size() - 1, pos);
    return;
  }
  for (auto& [fi, p] : value_filters) {
    auto& f = r.filters[fi];
    if (f.op == filter_op::contains)
      continue;
    bool neg = f.op == filter_op::neq || f.op == filter_op::not_in;
    if (f.column == column_ref{e.table, e.column} && neg == negate) {
      // The same value said twice ("cancelled policies that were cancelled")
      // is one condition.
      if (std::find(f.values.begin(), f.values.end(), e.value) == f.values.end()) {
        f.values.push_back(e.value);
        f.op = neg ? filter_op::not_in : filter_op::in;
      }
      value_said.emplace_back(fi, pos);
      return;
    }
  }
  filter f;
  f.op = negate ? filter_op::neq : filter_op::eq;
  f.column = {e.table, e.column};
  f.values = {e.value};
  if (e.value == empty_state) { // "still active": the end date not set
    f.op = negate ? filter_op::not_null : filter_op::is_null;
    f.values.clear();
  }
  if (e.value == set_state) { // "have left": the end date set
    f.op = negate ? filter_op::is_null : filter_op::not_null;
    f.values.clear();
  }
  f.numeric = is_number(e.value) && role_of(model, f.column) == column_role::numeric;
  r.filters.push_back(f);
  value_filters.emplace_back(r.filters.size() - 1, pos);
  value_said.emplace_back(r.filters.size() - 1, pos);
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
    for (auto* word : {"amount", "amt", "total", "value", "revenue", "sales", "price"})
      if (c.name.find(word) != std::string::npos) {
        named.push_back({table, c.name});
        break;
      }
  }
  if (named.size() > 1) {
    std::vector<std::string> names;
    for (auto& c : named)
      names.push_back(c.column);
    std::vector<column_ref> plain;
    for (auto& c : named)
      if (!qualified_by_unsaid_word(c.column, names))
        plain.push_back(c);
    if (!plain.empty())
      named = plain;
  }
  return named.size() == 1 ? named : all;
}

// The one column of `table` that keeps money ("amt" beside "paid_amt",
// "paid" not said), or nothing.
std::optional<column_ref> reader::money_of(const std::string& table) {
  auto* t = table_of(model, table);
  if (!t)
    return std::nullopt;
  std::vector<std::string> named;
  for (auto& c : t->columns)
    if (c.role == column_role::numeric && !c.primary_key && names_money(c.name))
      named.push_back(c.name);
  std::vector<std::string> plain;
  for (auto& c : named)
    if (!qualified_by_unsaid_word(c, named))
      plain.push_back(c);
  if (plain.size() != 1)
    return std::nullopt;
  return column_ref{table, plain.front()};
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

bool counts_things(const indexed_model& model, const measure& m) {
  auto c = count_of(model, m.column.table);
  return m.metric.empty() && m.agg == c.agg && m.column == c.column;
}

measure count_of(const indexed_model& model, const std::string& table) {
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




} // namespace medha::sqlgen::detail
