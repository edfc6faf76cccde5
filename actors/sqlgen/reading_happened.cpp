// "drugs that have been approved", "orders that were shipped": a thing that
// has gone through an event whose date its table keeps ("approval date",
// "shipped_at"). The date is set once it happened: it is not NULL.
#include <algorithm>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

bool is_word(const token& t, std::initializer_list<const char*> words) {
  return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
}

// "approv" (of "approved") names "approval" and the abbreviation "appr".
bool names_event(const std::string& verb, const std::string& word) {
  if (verb.size() < 4 || word.size() < 4)
    return false;
  return word.compare(0, verb.size(), verb) == 0 || verb.compare(0, word.size(), word) == 0;
}

// Other words for the event a verb names: being done, finished and
// completed are one event.
std::vector<std::string> same_event(const std::string& verb) {
  static const std::vector<std::vector<std::string>> events = {{"don", "finish", "complet"}}; // stems
  for (auto& words : events)
    if (std::find(words.begin(), words.end(), verb) != words.end())
      return words;
  return {};
}

// The one date column of `t` that records the event `verb` names ("approv":
// approval_date), whose name or description also has every word of `said`;
// null when there is none or several.
const column_info* event_date(const table_info& t, const std::string& verb, const std::vector<std::string>& said,
                              bool by_name = false) {
  const column_info* found = nullptr;
  int matches = 0;
  for (auto& c : t.columns) {
    if (c.role != column_role::time)
      continue;
    std::vector<std::string> words;
    for (auto& w : split_words(c.name))
      words.push_back(stem(w));
    for (auto& w : lexicon_words::spelled_out(split_words(c.name)))
      words.push_back(stem(w));
    if (!by_name)
      for (auto& w : tokenize(c.comment))
        words.push_back(w.stem);
    auto has = [&](const std::string& s, bool event) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return event ? names_event(s, w) : s == w;
      });
    };
    // "jobs we got done", "finished" for a day of completion (dt_compl):
    // the same event in other words.
    bool all = has(verb, true);
    for (auto& same : same_event(verb))
      all = all || has(same, true);
    for (auto& w : said)
      all = all && has(w, false);
    if (all && ++matches == 1)
      found = &c;
  }
  return matches == 1 ? found : nullptr;
}

} // namespace

std::optional<column_ref> reader::event_date_of(const std::string& table, const std::string& verb,
                                                bool by_name) const {
  auto* t = table_of(model, table);
  auto* found = t ? event_date(*t, verb, {}, by_name) : nullptr;
  if (!found)
    return std::nullopt;
  return column_ref{table, found->name};
}

// "customers who haven't ordered", "with no orders" where the word links
// the orders' date: the orders are other rows, each customer's many, so
// the customers kept are those with none, not those joined to an order
// without a date. Nothing when the date is of the rows asked; true when
// read so; false when the date's rows are not the asked rows' own.
std::optional<bool> reader::rows_lacked(size_t k, const column_ref& date) {
  auto rows = rows_asked();
  if (rows.empty() || date.table == rows || belongs_to(model, rows, date.table))
    return std::nullopt;
  // Only a date every such row has (the order's own day): a date some rows
  // lack is a later stage ("haven't paid their fees": fees not yet paid).
  auto* t = table_of(model, date.table);
  auto* c = t ? t->find_column(date.column) : nullptr;
  if (!c || c->nullable)
    return std::nullopt;
  if (!belongs_to(model, date.table, rows))
    return false;
  lack(date.table, items[k].end);
  lacked_event = date;
  return true;
}

// "rent payments that haven't been paid": not yet happened, so the date of
// the event the verb names is unset; not the amount a money word links
// "paid" to. True when read.
bool reader::read_not_happened(size_t k, const column_ref& col) {
  auto* prev = prev_item(k);
  bool lacked = prev && prev->c && prev->c->kind == cue_kind::missing;
  auto& said = tokens[items[k].begin];
  if (!(negate || lacked) || items[k].end != items[k].begin + 1 || said.quoted || !is_participle(said.text))
    return false;
  auto date = event_date_of(col.table, stem(said.text));
  if (!date)
    return false;
  if (auto other = rows_lacked(k, *date)) {
    if (!*other)
      return false;
    negate = false;
    if (lacked)
      items[k - 1].consumed = true;
    return true;
  }
  filter f;
  f.op = filter_op::is_null;
  f.column = *date;
  r.filters.push_back(f);
  negate = false;
  if (lacked)
    items[k - 1].consumed = true;
  return true;
}

void reader::read_happened() {
  auto covered = [&](size_t i) {
    return taken[i] || std::any_of(items.begin(), items.end(), [&](const item& it) {
             return it.begin <= i && i < it.end;
           });
  };
  // "city" of "city-approved" may link to the date its description names.
  auto names_a_date = [&](size_t i) {
    return !taken[i] && std::any_of(items.begin(), items.end(), [&](const item& it) {
      return !it.c && it.begin == i && it.end == i + 1 && it.e.kind == element_kind::column
             && role_of(model, {it.e.table, it.e.column}) == column_role::time;
    });
  };
  for (size_t aux = 1; aux + 1 < tokens.size(); ++aux) {
    if (!is_word(tokens[aux], {"been", "was", "were", "is", "are"}))
      continue;
    size_t i = aux + 1;
    // "have not been approved", "were never shipped": the date is not set,
    // when the negation found nothing else to apply to.
    bool negated = false;
    for (size_t k = aux >= 2 ? aux - 2 : 0; k <= i && k < tokens.size(); ++k)
      negated = negated || is_word(tokens[k], {"not", "never", "n't", "no", "haven't", "hasn't", "wasn't", "weren't",
                                              "isn't", "aren't"});
    auto dangling = std::find(r.unresolved.begin(), r.unresolved.end(), "not");
    while (negated && i < tokens.size() && is_word(tokens[i], {"not", "never", "yet"}))
      ++i; // "were not returned"
    if ((negated && dangling == r.unresolved.end()) || (covered(i) && !names_a_date(i)))
      continue;
    // "have been safety-certified": words of the date's name may come first.
    size_t first = i;
    while (i < tokens.size() && i < first + 3 && !tokens[i].quoted && !is_participle(tokens[i].text)
           && (!covered(i) || names_a_date(i)))
      ++i;
    // (A date the participle names is read as such, unless negated: "not
    // returned" is its absence.)
    // "which wines were discontinued": the rows it happened to, not every row
    // beside its date; with a period, the period says it.
    bool happened_date = names_a_date(i) && (negated || time.filters.empty());
    if (i >= tokens.size() || (covered(i) && !happened_date) || tokens[i].quoted
        || !is_participle(tokens[i].text))
      continue;
    // The subject: the thing named right before ("boilers that have been").
    const item* subject = nullptr;
    for (auto& it : items)
      if (!it.c && !it.e.table.empty() && it.end <= aux && it.end + 3 >= aux
          && (!subject || it.end > subject->end))
        subject = &it;
    auto* t = subject ? table_of(model, subject->e.table) : nullptr;
    if (!t)
      continue;
    std::vector<std::string> said;
    for (size_t k = first; k < i; ++k)
      said.push_back(tokens[k].stem);
    auto* found = event_date(*t, stem(tokens[i].text), said);
    if (!found)
      continue; // no date of that event, or several: read as written
    // "jobs finished in 2024": the period is of the day it happened.
    if (!negated && !time_column_hint && (!time.filters.empty() || time.bucket != time_bucket::none))
      time_column_hint = column_ref{t->name, found->name};
    filter f;
    f.op = negated ? filter_op::is_null : filter_op::not_null;
    f.column = {t->name, found->name};
    if (std::none_of(r.filters.begin(), r.filters.end(),
                     [&](const filter& o) { return o.op == f.op && o.column == f.column; }))
      r.filters.push_back(f);
    for (size_t k = aux; k <= i; ++k)
      taken[k] = true;
    // "... and when?": the day it happened, beside each row.
    bool when = std::any_of(tokens.begin() + 1, tokens.end(),
                            [](const token& t) { return !t.quoted && t.text == "when"; });
    if (when && !negated && r.measures.empty() && std::find(r.selected.begin(), r.selected.end(), f.column) == r.selected.end()) {
      r.selected.push_back(f.column);
      r.with_columns = true;
    }
    if (negated)
      r.unresolved.erase(dangling);
  }
  // "unpaid invoices", "unshipped orders": the event has not happened,
  // its date is not set.
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& w = tokens[i].text;
    if (tokens[i].quoted || covered(i) || w.size() < 7 || w.compare(0, 2, "un") != 0 || !is_participle(w.substr(2)))
      continue;
    const item* subject = nullptr; // the noun right after, else right before
    for (auto& it : items)
      if (!it.c && it.e.kind == element_kind::table && (it.begin == i + 1 || (!subject && it.end == i)))
        subject = &it;
    auto* t = subject ? table_of(model, subject->e.table) : nullptr;
    auto* found = t ? event_date(*t, stem(w.substr(2)), {}) : nullptr;
    if (!found)
      continue;
    filter f;
    f.op = filter_op::is_null;
    f.column = {t->name, found->name};
    r.filters.push_back(f);
    taken[i] = true;
  }
  // "how many have left?" with no noun: the rows whose date of that event is
  // set, not the number of different dates.
  if (r.no_noun_counted && r.measures.size() == 1 && tokens.size() >= 4 && is_participle(tokens[3].text)) {
    auto& m = r.measures.front();
    auto* t = table_of(model, m.column.table);
    if (t && m.agg == aggregate::count_distinct && m.form == measure_form::plain
        && role_of(model, m.column) == column_role::time && event_date(*t, stem(tokens[3].text), {})) {
      filter f;
      f.op = filter_op::not_null;
      f.column = m.column;
      r.filters.push_back(f);
      m = count_rows(m.column.table);
    }
  }
}

// "which tools have we withdrawn?", "which authors were paid by
// transfer?": a date named only by its verb, in a question that lists rows
// and does not ask when, says the event happened; shown, it would list
// dates (or a row per event) instead of the rows asked for.
bool reader::read_happened_in_listing(size_t k, const column_ref& col) {
  // ("have we dropped any lines?", "are any lines discontinued?": whether
  // there are such rows is answered by listing them.)
  auto said = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  bool any_asked = (said(0) == "have" || said(0) == "has" || said(0) == "did" || said(0) == "are" || said(0) == "were"
                    || said(0) == "is" || said(0) == "was")
                   && std::any_of(tokens.begin(), tokens.end(), [](const token& t) { return !t.quoted && t.text == "any"; });
  bool lists_rows = said(0) == "which" || said(0) == "what" || said(0) == "list" || any_asked;
  bool asks_when = std::any_of(tokens.begin(), tokens.end(), [](const token& t) { return t.text == "when"; });
  if (!lists_rows || asks_when || negate || superlative || distinct || items[k].end != items[k].begin + 1
      || !is_participle(tokens[items[k].begin].text))
    return false;
  filter f;
  f.op = filter_op::not_null;
  f.column = col;
  r.filters.push_back(f);
  return true;
}

} // namespace medha::sqlgen::detail

