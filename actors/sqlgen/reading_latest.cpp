// "cars in inventory in the latest snapshot for March 2023": the rows of the
// latest (earliest) date of a dated table, not a ranking of the answer. Read
// where a preposition puts "the latest X" as the circumstance of the rows.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen::detail {

namespace {

bool is_word(const token& t, std::initializer_list<const char*> words) {
  return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
}

// The date "the latest <words>" takes: a time column named, or a table's
// one date, or the one of its dates the words name ("snapshot_date" for
// "the newest reading" beside a record's created_at). Dates only, not
// epoch numbers or year columns.
std::optional<column_ref> latest_date(const indexed_model& model, const element& e,
                                      const std::vector<token>& words) {
  std::optional<column_ref> date;
  if (e.kind == element_kind::column && role_of(model, {e.table, e.column}) == column_role::time)
    date = column_ref{e.table, e.column};
  else if (auto* t = e.kind == element_kind::table ? table_of(model, e.table) : nullptr) {
    int dates = 0, named_dates = 0;
    std::optional<column_ref> only, called;
    for (auto& c : t->columns) {
      if (c.role != column_role::time)
        continue;
      if (++dates == 1)
        only = column_ref{t->name, c.name};
      auto parts = split_words(c.name);
      bool says = false;
      for (auto& w : words)
        says = says || std::any_of(parts.begin(), parts.end(),
                                   [&](const std::string& p) { return stem(p) == w.stem; });
      if (says && ++named_dates == 1)
        called = column_ref{t->name, c.name};
    }
    date = named_dates == 1 ? called : dates == 1 ? only : std::nullopt;
  }
  auto* t = date ? table_of(model, date->table) : nullptr;
  auto* c = t ? t->find_column(date->column) : nullptr;
  if (!c || !is_time_type(c->type))
    return std::nullopt;
  return date;
}

} // namespace

// Before the cues: the extreme word is taken so it ranks nothing.
void reader::read_latest(const lexicon& lex) {
  for (size_t p = 0; p + 3 < tokens.size(); ++p) {
    if (!is_word(tokens[p], {"in", "for", "at", "on", "from", "of"}) || !is_word(tokens[p + 1], {"the"}))
      continue;
    size_t k = p + 2;
    std::string agg;
    std::vector<size_t> words;
    if (is_word(tokens[k], {"latest", "newest", "last"})) {
      agg = "max";
      words = {k};
    } else if (is_word(tokens[k], {"earliest", "first"})) {
      agg = "min";
      words = {k};
    } else if (is_word(tokens[k], {"most"}) && k + 1 < tokens.size() && is_word(tokens[k + 1], {"recent"})) {
      agg = "max";
      words = {k, k + 1};
    }
    if (agg.empty())
      continue;
    size_t noun = words.back() + 1;
    // "in the last 3 months", "in the last month": periods, read already.
    if (noun >= tokens.size() || tokens[noun].quoted || is_number(tokens[noun].text)
        || std::any_of(words.begin(), words.end(), [&](size_t w) { return taken[w]; }) || taken[noun])
      continue;
    // Only when the words name a dated thing: else "the oldest employee"
    // stays a ranking.
    bool dated = false;
    std::string key;
    std::vector<token> span;
    for (size_t len = 1; len <= 3 && noun + len <= tokens.size(); ++len) {
      key += (len > 1 ? " " : "") + tokens[noun + len - 1].stem;
      span.push_back(tokens[noun + len - 1]);
      auto& entries = lex.lookup(key);
      for (auto& e : entries)
        dated = dated || (e.weight >= 0.8 && latest_date(model, e.target, span));
    }
    if (!dated)
      continue;
    for (auto w : words)
      taken[w] = true;
    latest = std::make_pair(noun, agg);
    return;
  }
}

// After the walk: the thing named must keep one date; else asked.
void reader::apply_latest() {
  auto [noun, agg] = *latest;
  const item* named = nullptr;
  for (auto& it : items)
    if (!it.c && it.begin <= noun && noun < it.end && !it.e.table.empty())
      named = &it;
  std::optional<column_ref> date;
  if (named)
    date = latest_date(model, named->e,
                       std::vector<token>(tokens.begin() + named->begin, tokens.begin() + named->end));
  if (!date) {
    r.unresolved.push_back(std::string(agg == "max" ? "the latest" : "the earliest") + " of what");
    return;
  }
  filter f;
  f.op = filter_op::latest;
  f.column = *date;
  f.values = {agg};
  r.filters.push_back(f);
  // "for May 2022": the period the latest date is taken in.
  if (!time_column_hint)
    time_column_hint = *date;
}

} // namespace medha::sqlgen::detail
