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
#include "actors/sqlgen/indexed_model.hpp"

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

// "How many crates did we fill for customers?": the rows named right after
// "how many" are the ones counted. A count that ended up on other rows (the
// customers, named later), or whose noun no reading took, counts what was
// not asked for; asked. Rows the counted ones point at may describe them
// ("how many premium members" through a tier) or stand for them ("how many
// articles cite each article" counts the citations).
void reader::check_counted_is_said() {
  if (r.measures.size() != 1)
    return;
  auto& m = r.measures.front();
  if ((m.agg != aggregate::count && m.agg != aggregate::count_distinct) || !m.metric.empty()
      || m.column.table.empty())
    return;
  auto links = [&](const std::string& from, const std::string& to) {
    return std::any_of(model.relationships.begin(), model.relationships.end(),
                       [&](const relationship& rel) { return rel.from_table == from && rel.to_table == to; });
  };
  // Its own, or of rows it points at, at any remove ("narrowboat hires":
  // hire → boat → boat class) or through a table of pairs ("horror
  // films": film → film_category → category).
  std::vector<std::string> up{m.column.table};
  for (size_t i = 0; i < up.size() && up.size() < 16; ++i)
    for (auto& rel : model.relationships)
      if (rel.from_table == up[i] && std::find(up.begin(), up.end(), rel.to_table) == up.end())
        up.push_back(rel.to_table);
  auto counted = [&](const item& it) {
    if (std::find(up.begin(), up.end(), it.e.table) != up.end())
      return true;
    // Only a table that does nothing but pair rows stands between: rows of
    // their own (gifts between mandates and payment methods) are other
    // things, and "card" said of payments does not name the subscriptions.
    return std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
      auto* between = rel.to_table == m.column.table && rel.from_table != it.e.table ? table_of(model, rel.from_table)
                                                                                      : nullptr;
      return between && only_links(model, *between) && links(rel.from_table, it.e.table);
    });
  };
  for (size_t k = 0; k < items.size(); ++k) {
    auto& c = items[k].c;
    if (!c || c->kind != cue_kind::aggregate || (c->agg != aggregate::count && c->agg != aggregate::count_distinct))
      continue;
    // The first word after the cue that is not a cue, a filler or a period.
    for (size_t i = c->end; i < tokens.size(); ++i) {
      auto& t = tokens[i];
      auto in = std::find_if(items.begin(), items.end(), [&](const item& it) { return it.begin <= i && i < it.end; });
      if (in != items.end() && in->c)
        continue;
      if (in == items.end() && (t.quoted || is_stopword(t.text) || in_period[i] || is_number(t.text)))
        continue;
      // A word another reading took ("days" of a duration, "unreturned").
      if (in == items.end() && taken[i])
        return;
      // A table named there ("how many kegs ... from customers"); a column
      // may still have been read as its rows' table.
      // "how many repairs" where repairs are both a kind of invoice ('REPAIR')
      // and the rows of repair_job: which rows are counted is not said.
      if (in != items.end() && !in->c && in->e.kind == element_kind::value && in->end == in->begin + 1)
        for (auto& other : model.tables) {
          auto words = split_words(other.name);
          if (other.name != in->e.table && words.size() > 1
              && std::any_of(words.begin(), words.end(), [&](const std::string& w) { return stem(w) == t.stem; })) {
            r.unresolved.push_back("which rows \"" + t.text + "\" are: the " + entity_words(other.name)
                                   + " or the " + column_words(in->e.table) + " of that kind");
            return;
          }
        }
      // Every name of the phrase said there ("active monthly plans"), up
      // to the first word that is not one.
      if (in != items.end()) {
        for (auto at = in; at != items.end(); ++at) {
          // (A verb after them, "customers bought", says what they did.)
          auto& w = tokens[at->begin].text;
          bool ing = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0; // "running shoes"
          if (at != in && (at->c || at->begin != std::prev(at)->end || (!ing && said_as_verb(tokens, at->begin))))
            break;
          if ((at->e.kind == element_kind::table || at->e.kind == element_kind::value) && !counted(*at)) {
            r.unresolved.push_back("what is counted: \"" + tokens[at->begin].text + "\" is not the "
                                   + column_words(m.column.table));
            break;
          }
        }
        return;
      }
      // A word no phrase took may still be one the description of a table
      // the question reaches uses ("crates" in "Crates filled for
      // customers"): the rows counted should be that table's.
      bool described_elsewhere = false;
      for (auto& it : items) {
        auto* table = it.c ? nullptr : table_of(model, it.e.table);
        if (!table)
          continue;
        auto words = tokenize(table->comment);
        if (std::none_of(words.begin(), words.end(), [&](const token& w) { return w.stem == t.stem; }))
          continue;
        if (counted(it))
          return;
        described_elsewhere = true;
      }
      if (described_elsewhere)
        r.unresolved.push_back("what is counted: \"" + t.text + "\" is not the " + column_words(m.column.table));
      return;
    }
    return;
  }
}

} // namespace medha::sqlgen::detail
