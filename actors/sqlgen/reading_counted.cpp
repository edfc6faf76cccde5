// What is counted when the question does not name it as the thing counted:
// "break down the ships by flag" (the rows of each flag), "how many
// tools cost under 20" (the table said inside its column's phrase),
// "how many are active" (the rows a flag names).
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <optional>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

// The one table every condition of the question is on, when the question
// says that table's name or one of its flags; else "".
std::string reader::table_of_conditions() const {
  std::string table;
  for (auto& f : r.filters) {
    if (f.measure >= 0 || f.column.table.empty())
      continue;
    if (!table.empty() && f.column.table != table)
      return "";
    table = f.column.table;
  }
  if (table.empty())
    return "";
  auto words = split_words(table);
  bool said = std::any_of(tokens.begin(), tokens.end(), [&](const token& t) {
    return !t.quoted && !words.empty() && t.stem == stem(words.back());
  });
  // "How many volunteers are there?", "how many are insured?": a flag of
  // the rows names them.
  bool flagged = std::any_of(r.filters.begin(), r.filters.end(), [&](const filter& f) {
    return f.measure < 0 && role_of(model, f.column) == column_role::boolean;
  });
  return said || flagged ? table : "";
}

// "Break down the ships by flag", "the distribution of orders by
// status": how many of the rows fall in each group, not a list of them.
void reader::read_breakdown() {
  std::vector<size_t> words;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    if (t.quoted)
      continue;
    if (t.text == "breakdown" || t.text == "distribution" || t.text == "split")
      words.push_back(i);
    if (t.text == "break" && i + 1 < tokens.size() && tokens[i + 1].text == "down") {
      words.push_back(i);
      words.push_back(i + 1);
    }
  }
  if (words.empty() || !r.measures.empty() || pending_agg != aggregate::none || r.dimensions.empty())
    return;
  std::string rows = r.entity;
  // The rows said by their label ("the vessels": fleet_register.vessel).
  if (rows.empty() && r.selected.size() == 1 && label_of(model, r.selected[0].table) == r.selected[0])
    rows = r.selected[0].table;
  if (rows.empty())
    return;
  r.measures.push_back(count_rows(rows));
  r.selected.clear();
  r.entity.clear();
  r.listing = false;
  for (auto i : words)
    taken[i] = true;
}

// "The largest payment", "the smallest invoice": a size adjective with
// nothing said to rank by, of a table whose rows have exactly one amount of
// money; that amount is their size.
std::optional<column_ref> reader::sized_by_money(const std::string& shown) {
  auto& rows = r.entity.empty() ? shown : r.entity;
  auto size_word = [](const std::string& w) {
    return w == "largest" || w == "biggest" || w == "smallest" || w == "highest" || w == "lowest";
  };
  // "the 5 biggest invoices": a size word in a ranking's size too.
  bool sized_top = !superlative && top > 0 && std::any_of(tokens.begin(), tokens.end(), [&](const token& t) {
                     return !t.quoted && size_word(t.text);
                   });
  if ((!sized_top && (!superlative || !superlative->text.empty())) || rows.empty() || !r.order.empty()
      || !r.selected.empty() || !r.measures.empty())
    return std::nullopt;
  if (!sized_top && !size_word(tokens[superlative->end - 1].text))
    return std::nullopt;
  auto* t = table_of(model, rows);
  if (!t)
    return std::nullopt;
  std::optional<column_ref> found;
  for (auto& c : t->columns)
    if (c.role == column_role::numeric && names_money(c.name)) {
      if (found)
        return std::nullopt; // "total" and "amount_paid": which one?
      found = column_ref{t->name, c.name};
    }
  if (found && r.entity.empty()) {
    // "the biggest one" of the rows just listed: those rows, ranked.
    r.entity = rows;
    r.listing = true;
    r.implicit_entity = true;
    r.refers_back = true;
  }
  return found;
}

// "which one …", "who …": a row is asked for, not a value.
bool reader::asks_for_a_row() const {
  auto said = [&](size_t i, const char* w) { return i < tokens.size() && !tokens[i].quoted && tokens[i].text == w; };
  return said(0, "who") || (said(0, "which") && (said(1, "one") || said(1, "ones")));
}

std::string reader::rows_asked() const {
  if (!r.entity.empty())
    return r.entity;
  return r.measures.size() == 1 && r.measures[0].metric.empty() ? r.measures[0].column.table : std::string();
}

// "the biggest one", "which one": one of the rows the last answer listed
// (their table), when nothing in this question names rows.
std::string reader::one_of_shown() const {
  bool one = std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "one" || t.text == "ones");
  });
  if (!one || context_tables.empty() || !r.entity.empty() || !r.selected.empty() || !r.measures.empty()
      || !r.dimensions.empty())
    return {};
  return context_tables.back();
}

// "which 2 of them lead in deliveries?" — said "which 2 of them have the
// most deliveries" — after a listing of clients: the clients just listed, ranked by a
// count of their linked rows. Said before the words are read, so that the
// rows counted are read as counted per client.
void reader::read_which_of_shown() {
  if (context_tables.empty() || tokens.size() < 4 || tokens[0].quoted || tokens[0].text != "which")
    return;
  size_t i = 1;
  bool pointing = false;
  while (i < tokens.size() && i < 5 && !tokens[i].quoted) {
    auto& w = tokens[i].text;
    if (w == "one" || w == "ones" || w == "those" || w == "them" || w == "these")
      pointing = true;
    else if (!(w == "of" || is_number(w)))
      break;
    ++i;
  }
  if (!pointing)
    return;
  auto& shown = context_tables.back();
  // The words after: "has/have the most <rows>", nothing else named before.
  const item* counted = nullptr;
  bool most = false;
  for (auto& it : items) {
    if (it.c && it.c->kind == cue_kind::superlative && it.c->text.empty())
      most = true;
    else if (it.c && it.c->kind == cue_kind::top_n)
      most = most || tokens[it.end - 1].text == "most" || tokens[it.end - 1].text == "fewest";
    else if (!it.c) {
      if (counted || !most || it.e.kind != element_kind::table || it.e.table == shown)
        return;
      counted = &it;
    }
  }
  if (!counted || !shortest_path(model, shown, counted->e.table).found)
    return;
  r.entity = shown;
  r.refers_back = true;
}

} // namespace medha::sqlgen::detail
