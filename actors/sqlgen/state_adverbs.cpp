// "currently", "still", "now": said of rows that keep the day they end
// (left_on, moved_out_on, ended_at), the adverb says the same as the
// adjective "current" the lexicon knows from those columns: the end is not
// set. It narrows rows the question is already about; it never brings in
// other rows, and where those rows keep no end it says nothing.
#include "actors/sqlgen/state_adverbs.hpp"

#include <algorithm>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/value_legend.hpp"

namespace medha::sqlgen {

bool at_the_moment(const std::vector<token>& tokens, size_t i) {
  return i >= 2 && i < tokens.size() && !tokens[i].quoted && tokens[i].text == "moment" && tokens[i - 1].text == "the"
         && tokens[i - 2].text == "at";
}

bool says_still(const std::vector<token>& tokens) {
  auto said = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  bool adverb = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto w = said(i);
    // The state said in its own word is read as such.
    if (w == "current" || w == "active" || w == "former" || w == "past" || w == "ever")
      return false;
    // "now" opening a request or after "and" ("and now by month") changes
    // the question, not the rows; "until now", "by now" end a period.
    // "the members with us", "tenants still with us": who are ours now;
    // not "shopped with us", a verb's other party.
    bool with_us = w == "with" && said(i + 1) == "us" && i > 0 && !is_stopword(said(i - 1)) && !is_participle(said(i - 1));
    adverb = adverb || w == "currently" || w == "still" || at_the_moment(tokens, i) || with_us
             || (w == "now" && i > 0 && said(i - 1) != "and" && said(i - 1) != "until"
                 && said(i - 1) != "till" && said(i - 1) != "by" && said(i - 1) != "from");
  }
  return adverb;
}

std::optional<column_ref> end_not_yet_set(const lexicon& lex, const std::vector<std::string>& tables,
                                          bool& unsure) {
  std::vector<column_ref> ends;
  for (auto* state : {"current", "active"})
    for (auto& e : lex.lookup(stem(state))) {
      column_ref c{e.target.table, e.target.column};
      if (e.target.kind == element_kind::value && e.target.value == empty_state
          && std::find(tables.begin(), tables.end(), c.table) != tables.end()
          && std::find(ends.begin(), ends.end(), c) == ends.end())
        ends.push_back(c);
    }
  unsure = false;
  if (ends.size() == 1)
    return ends[0];
  // Of several, the end of the rows asked about (the query's root).
  std::optional<column_ref> root;
  for (auto& c : ends)
    if (!tables.empty() && c.table == tables[0])
      root = root ? std::nullopt : std::optional<column_ref>(c);
  unsure = !root && !ends.empty();
  return root;
}

namespace {

bool asks_yes_or_no(const std::vector<token>& tokens) {
  static const char* auxiliaries[] = {"is", "are", "was", "were", "does", "do", "did", "has", "have"};
  return !tokens.empty() && !tokens[0].quoted
         && std::any_of(std::begin(auxiliaries), std::end(auxiliaries),
                        [&](const char* a) { return tokens[0].text == a; });
}

// The yes/no column a table keeps for its rows being live ("active",
// "is_active", "current_flag"): the other way rows say they are current.
std::optional<column_ref> active_flag(const indexed_model& model, const std::string& table) {
  auto* t = model.find_table(table);
  std::optional<column_ref> found;
  for (auto& c : t ? t->columns : std::vector<column_info>{}) {
    auto words = split_words(c.name);
    bool live = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return w == "active" || w == "current" || w == "live";
    });
    if (c.role != column_role::boolean || !live)
      continue;
    if (found)
      return std::nullopt; // several: none is the one
    found = column_ref{t->name, c.name};
  }
  return found;
}

} // namespace

bool narrow_to_rows_not_ended(const indexed_model& model, const std::vector<token>& tokens, query& q,
                              compiled_query& compiled) {
  bool unsure = false;
  if (compiled.status != compile_status::ok || !says_still(tokens))
    return true;
  auto end = end_not_yet_set(model.index.names(), compiled.tables, unsure);
  // Rows that keep no end but a flag of being active ("customers on the
  // books at the moment"): those with it set.
  auto flag = !end && !unsure && !compiled.tables.empty() ? active_flag(model, compiled.tables[0]) : std::nullopt;
  if (!end && !unsure && !flag) {
    // "customers renting with us now": the rows that keep an end are the
    // ones the rows asked about must have (inside a test of existence);
    // now is said of those, which this does not narrow: asked.
    for (auto& f : q.filters) {
      if (f.related_table.empty())
        continue;
      bool related_unsure = false;
      if (end_not_yet_set(model.index.names(), {f.related_table}, related_unsure) || related_unsure)
        return false;
    }
  }
  // "how many vans are out at the moment" where the rows keep a code
  // of their state (explained in its description) and no end: which codes
  // are current is the code's to say, and no condition here reads it.
  // ("still open" read as a closing day unset says it already.)
  bool state_read = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
    return (f.op == filter_op::is_null || f.op == filter_op::not_null) && !compiled.tables.empty()
           && f.column.table == compiled.tables[0];
  });
  if (!end && !flag && !unsure && !state_read && !compiled.tables.empty())
    if (auto* t = model.find_table(compiled.tables[0]))
      for (auto& c : t->columns) {
        bool states = c.role == column_role::categorical && value_legend(c.comment).size() >= 2;
        bool read = std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
          return f.column == column_ref{t->name, c.name};
        });
        if (states && !read)
          return false;
      }
  if (!end && !flag)
    return !unsure;
  auto column = end ? *end : *flag;
  if (std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) { return f.column == column; }))
    return true; // said already
  auto narrowed = q;
  // "Is Ann Lee still with us?": asked of rows named, the answer is their
  // end (or flag), shown; kept as a condition it would show nothing for "no".
  if (asks_yes_or_no(tokens) && q.kind == query_kind::listing && !q.filters.empty()) {
    narrowed.selected.push_back(column);
  } else {
    filter current;
    current.column = column;
    current.op = end ? filter_op::is_null : filter_op::eq;
    if (!end) {
      current.values = {"true"};
      current.numeric = true;
    }
    narrowed.filters.push_back(current);
  }
  auto again = compile(model, narrowed);
  if (again.status == compile_status::ok && again.tables == compiled.tables) {
    q = std::move(narrowed);
    compiled = std::move(again);
  }
  return true;
}

} // namespace medha::sqlgen
