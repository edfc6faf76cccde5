// Choosing among the meanings of a phrase that matched several elements.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <map>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen::detail {

std::vector<std::string> reader::known_tables(const std::vector<mention>& ms, const mention* being_resolved) {
  std::vector<std::string> out = context_tables;
  for (auto& m : ms)
    if (&m != being_resolved
        && (m.candidates.size() == 1 || (m.weights[0] >= 0.9 && m.weights[0] > m.weights[1] + 1e-9)))
      out.push_back(m.candidates.front().table);
  return out;
}

int reader::distance(const std::string& from, const std::vector<std::string>& to) {
  int best = INT_MAX;
  for (auto& t : to) {
    auto p = shortest_path(model, from, t);
    if (p.found)
      best = std::min(best, static_cast<int>(p.steps.size()));
  }
  return best;
}

std::vector<std::pair<element, double>> reader::by_other_words(
  const mention& m, const std::vector<std::pair<element, double>>& cands) {
  std::vector<std::string> others;
  for (size_t i = 0; i < tokens.size(); ++i)
    if ((i < m.begin || i >= m.end) && !tokens[i].quoted && !is_stopword(tokens[i].text))
      others.push_back(tokens[i].stem);
  auto hits = [&](const std::vector<std::string>& words) {
    int n = 0;
    std::vector<std::string> seen;
    for (auto& w : words) {
      auto s = stem(w);
      if (std::find(seen.begin(), seen.end(), s) != seen.end())
        continue;
      seen.push_back(s);
      if (std::find(others.begin(), others.end(), s) != others.end())
        ++n;
    }
    return n;
  };
  auto pick = [&](auto&& words_of) {
    std::vector<std::pair<element, double>> best;
    int top = 0;
    for (auto& c : cands) {
      if (c.first.kind != element_kind::column)
        return std::vector<std::pair<element, double>>{};
      int n = hits(words_of(c.first));
      if (n > top) {
        top = n;
        best = {c};
      } else if (n == top && n > 0) {
        best.push_back(c);
      }
    }
    return best.size() < cands.size() ? best : std::vector<std::pair<element, double>>{};
  };
  auto by_name = pick([](const element& e) { return split_words(e.column); });
  if (!by_name.empty())
    return by_name;
  return pick([&](const element& e) {
    std::vector<std::string> words;
    if (auto* t = table_of(model, e.table))
      if (auto* c = t->find_column(e.column))
        for (auto& w : tokenize(c->comment))
          if (w.text.size() > 3 && !is_stopword(w.text))
            words.push_back(w.text);
    return words;
  });
}

// Words a column's name uses for the start or the end of a movement: flights,
// transfers, shipments ("from_airport", "departure_city", "destination").
static bool role_word(const std::string& w, bool start) {
  static const std::vector<std::string> starts = {"from",   "origin", "source", "departure",
                                                  "depart", "sender", "start"};
  static const std::vector<std::string> ends = {"to",     "destination", "dest",     "arrival",
                                                "arrive", "target",      "recipient", "end"};
  auto& words = start ? starts : ends;
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool reader::plays_role(const mention& m, const element& c) {
  if (m.begin == 0 || c.kind != element_kind::value)
    return false;
  // "from Manchester (MAN)": the preposition before the name the brackets restate.
  size_t at = m.begin - 1;
  if (tokens[m.begin].bracketed)
    while (at > 0 && !tokens[at].bracketed && at + 4 > m.begin && tokens[at].text != "from"
           && tokens[at].text != "to")
      --at;
  auto& before = tokens[at].text;
  if (before != "from" && before != "to")
    return false;
  for (auto& w : split_words(c.column))
    if (role_word(w, before == "from"))
      return true;
  return false;
}

bool reader::qualified_by_unsaid_word(const std::string& column, const std::vector<std::string>& others) const {
  auto said = [&](const std::string& w) {
    auto s = stem(w);
    return std::any_of(tokens.begin(), tokens.end(), [&](const token& t) { return !t.quoted && t.stem == s; });
  };
  auto words = split_words(column);
  return std::any_of(others.begin(), others.end(), [&](const std::string& other) {
    auto shorter = split_words(other);
    if (other == column || shorter.size() >= words.size())
      return false;
    for (auto& w : shorter)
      if (std::find(words.begin(), words.end(), w) == words.end())
        return false;
    for (auto& w : words)
      if (std::find(shorter.begin(), shorter.end(), w) == shorter.end() && said(w))
        return false;
    return true;
  });
}

std::vector<element> reader::resolve(const mention& m, const std::vector<mention>& all, size_t index) {
  using candidate = std::pair<element, double>;
  std::vector<candidate> cands;
  for (size_t i = 0; i < m.candidates.size(); ++i)
    cands.emplace_back(m.candidates[i], m.weights[i]);
  auto elements = [](const std::vector<candidate>& v) {
    std::vector<element> out;
    for (auto& c : v)
      out.push_back(c.first);
    return out;
  };
  auto narrow = [&](auto&& keep) {
    std::vector<candidate> kept;
    for (auto& c : cands)
      if (keep(c.first))
        kept.push_back(c);
    return kept;
  };
  if (cands.size() <= 1)
    return elements(cands);
  // "tastings" for a table whose description says so, and for a product
  // kind 'Tasting': a plural names things, which either may be; a
  // stronger match of the value's spelling does not settle it.
  {
    auto& said = tokens[m.end - 1];
    // (Only of the things counted or listed: "how many tastings", "which
    // tastings"; "written by customers" is the value's.)
    auto before = m.begin > 0 && !tokens[m.begin - 1].quoted ? tokens[m.begin - 1].text : std::string();
    bool asked = before == "many" || before == "which" || before == "what" || before == "all" || before == "list";
    bool plural = asked && !said.quoted && said.text != said.stem && said.text.back() == 's';
    // (A table said by its own name is those things.)
    auto value = std::find_if(cands.begin(), cands.end(),
                              [](const candidate& c) { return c.first.kind == element_kind::value; });
    auto table = std::find_if(cands.begin(), cands.end(), [&](const candidate& c) {
      return c.first.kind == element_kind::table && c.second < 1.0 && value != cands.end()
             && c.first.table != value->first.table;
    });
    if (plural && value != cands.end() && table != cands.end())
      return {value->first, table->first};
  }
  // "keywords" for the keyword table and its own keyword column: the table,
  // whose rows that column names. So are the keys other tables point to it
  // with ("city" of address.city_id): the same rows, reached from elsewhere.
  for (auto& [t, w] : cands) {
    if (t.kind != element_kind::table)
      continue;
    auto same_rows = [&](const element& c) {
      if (c.kind != element_kind::column)
        return false;
      bool named_like = stem(column_words(c.column)) == stem(entity_words(t.table));
      if (c.table == t.table)
        return named_like;
      // A view's copy of that column ("customer_list"."city"): the same names.
      auto* owner = table_of(model, c.table);
      if (owner && owner->derived && named_like)
        return true;
      auto* rel = foreign_key(c.table, c.column);
      return rel && rel->to_table == t.table;
    };
    if (std::all_of(cands.begin(), cands.end(), [&](const candidate& o) {
          return o.first == t || same_rows(o.first);
        }))
      return {t};
  }
  if (auto how = value_said_after_by(m, all))
    return {*how};
  // "orders shipped in 2023", "members who joined last year": the verb of
  // an event said right before a period is the date that records the event.
  auto after = m.end < tokens.size() ? tokens[m.end].text : std::string();
  bool period_next = after == "in" || after == "during" || after == "within" || after == "since"
                     || after == "before" || after == "after" || after == "last" || after == "this"
                     || after == "between" || after == "on";
  if (m.end == m.begin + 1 && is_participle(tokens[m.begin].text) && !time.filters.empty() && period_next) {
    auto dates = narrow([&](const element& c) {
      return c.kind == element_kind::column && role_of(model, {c.table, c.column}) == column_role::time;
    });
    if (dates.size() == 1)
      return elements(dates);
  }
  // "parcels not yet delivered": a column whose name has the verb as said
  // (delivered_on) over one that only shares its stem (deliver_to).
  if (m.end == m.begin + 1 && is_participle(tokens[m.begin].text)
      && tokens[m.begin].text != tokens[m.begin].stem) {
    auto as_said = narrow([&](const element& c) {
      if (c.kind != element_kind::column)
        return false;
      auto words = split_words(c.column);
      return std::find(words.begin(), words.end(), tokens[m.begin].text) != words.end();
    });
    if (as_said.size() == 1)
      return elements(as_said);
  }
  // A neighbouring phrase that names a table or column: "status cancelled",
  // "the Engineering department", "employee names".
  for (size_t k : {index - 1, index + 1}) {
    if (k >= all.size())
      continue;
    auto& other = all[k].candidates.front();
    bool adjacent = all[k].end == m.begin || all[k].begin == m.end;
    // "customers in Spain", "suppliers from Peru": a place said of the rows
    // named just before it is where those rows are -- among the values that
    // match the words best ("Engineering" is not the job "Engineer").
    bool placed = k + 1 == index && other.kind == element_kind::table && all[k].end + 1 == m.begin
                  && (tokens[all[k].end].text == "in" || tokens[all[k].end].text == "from"
                      || tokens[all[k].end].text == "at");
    if (placed) {
      double top = 0;
      for (auto& c : cands)
        top = std::max(top, c.second);
      std::vector<candidate> kept;
      for (auto& c : cands)
        if (c.second >= top - 1e-9 && c.first.table == other.table && c.first.kind != element_kind::table)
          kept.push_back(c);
      if (kept.size() == 1)
        return elements(kept);
    }
    // "the county of Kent": the column named just before "of" holds the value.
    bool column_of = k == index - 1 && other.kind == element_kind::column && m.begin > 0
                     && all[k].end + 1 == m.begin && tokens[m.begin - 1].text == "of";
    if (column_of) {
      auto kept = narrow([&](const element& c) {
        return c.kind == element_kind::value && c.table == other.table && c.column == other.column;
      });
      if (kept.size() == 1)
        return elements(kept);
    }
    if (!adjacent || other.kind == element_kind::value || other.kind == element_kind::metric)
      continue;
    // A verb after the noun relates it, it does not qualify it: "customers
    // bought", "customers ordered".
    auto& word = tokens[all[k].begin];
    if (k == index + 1 && all[k].end == all[k].begin + 1 && is_participle(word.text)
        && word.text != word.stem)
      continue;
    auto kept = narrow([&](const element& c) {
      return other.kind == element_kind::column
               ? c.kind == element_kind::value && c.table == other.table && c.column == other.column
               : c.table == other.table && c.kind != element_kind::table;
    });
    if (kept.size() == 1)
      return elements(kept);
    if (!kept.empty())
      cands = kept;
  }
  // "from Leeds to York": the preposition picks the from_/to_ role column.
  if (auto kept = narrow([&](const element& c) { return plays_role(m, c); });
      !kept.empty() && kept.size() < cands.size()) {
    cands = kept;
    if (cands.size() == 1)
      return elements(cands);
  }
  if (auto own = value_of_subject(m, all, index))
    return {*own};
  if (auto part = part_of_full_name(m, all, index))
    return {*part};
  // "open" where tickets keep both a status 'open' and a closed_at: the
  // value the rows keep says it outright; the state of an empty date is
  // only inferred.
  auto inferred = [](const element& c) {
    return c.kind == element_kind::value && (c.value == empty_state || c.value == set_state);
  };
  auto stated = narrow([&](const element& c) {
    return !inferred(c) || std::none_of(cands.begin(), cands.end(), [&](const candidate& o) {
      return o.first.kind == element_kind::value && !inferred(o.first) && o.first.table == c.table;
    });
  });
  if (!stated.empty() && stated.size() < cands.size())
    cands = stated;
  // "complaints that are still open": the state of the rows named, when
  // they have one, over a value of other rows.
  auto named_state = narrow([&](const element& c) {
    return inferred(c) && std::any_of(all.begin(), all.end(), [&](const mention& o) {
             return &o != &m && o.candidates.size() == 1 && o.candidates[0].kind == element_kind::table
                    && o.candidates[0].table == c.table;
           });
  });
  if (named_state.size() == 1)
    return elements(named_state);
  auto known = known_tables(all);
  auto in_known = narrow([&](const element& c) {
    return std::find(known.begin(), known.end(), c.table) != known.end();
  });
  if (in_known.size() == 1)
    return elements(in_known);
  if (!in_known.empty())
    cands = in_known;
  // "on Mill Lane in Bristol": values said together describe one
  // row, so a value found in several tables is the one beside the others.
  if (std::all_of(cands.begin(), cands.end(),
                  [](const candidate& c) { return c.first.kind == element_kind::value; })) {
    auto with_values = narrow([&](const element& c) {
      return std::any_of(all.begin(), all.end(), [&](const mention& o) {
        return &o != &m && o.candidates.size() == 1 && o.candidates[0].kind == element_kind::value
               && o.candidates[0].table == c.table;
      });
    });
    if (with_values.size() == 1)
      return elements(with_values);
  }
  // Other words of the question that a candidate's own name (then its
  // description) uses: "the price of return tickets" is return_ticket_price.
  if (auto chosen = by_other_words(m, cands); !chosen.empty()) {
    cands = chosen;
    if (cands.size() == 1)
      return elements(cands);
  }
  // Nearness settles which column a word means, never which value: a value
  // in two places is a real question for the user.
  bool values = std::all_of(cands.begin(), cands.end(),
                            [](const candidate& c) { return c.first.kind == element_kind::value; });
  if (!known.empty() && !values) {
    int best = INT_MAX;
    std::vector<candidate> nearest;
    for (auto& c : cands) {
      int d = distance(c.first.table, known);
      if (d < best) {
        best = d;
        nearest = {c};
      } else if (d == best) {
        nearest.push_back(c);
      }
    }
    if (nearest.size() == 1 && best != INT_MAX)
      return elements(nearest);
  }
  // "ponds have a name that ...": a column word several named tables have is
  // the one of the table named just before it (not when "of" names its own).
  if (!values && m.end < tokens.size() && tokens[m.end].text != "of") {
    const mention* before = nullptr;
    for (auto& o : all)
      if (o.end <= m.begin && o.candidates[0].kind == element_kind::table && o.weights[0] >= 1.0
          && (!before || o.end > before->end))
        before = &o;
    // Only words of having may stand between: "ponds have a name", "parks
    // with an area", "canals whose length" (not "canals per county").
    for (size_t k = before ? before->end : 0; before && k < m.begin; ++k) {
      static const char* having[] = {"have", "has", "had", "with", "a", "an", "the", "whose", "its", "their"};
      if (std::none_of(std::begin(having), std::end(having), [&](const char* w) { return tokens[k].text == w; }))
        before = nullptr;
    }
    if (before) {
      auto own = narrow([&](const element& c) { return c.table == before->candidates[0].table; });
      if (own.size() == 1)
        return elements(own);
      // "the shop with ID x": other tables' "id" columns, but the table
      // named just before spells the same column with its own name (shop_id).
      auto& table = before->candidates[0].table;
      if (own.empty())
        if (auto* t = table_of(model, table)) {
          auto spelled = split_words(table);
          for (size_t k = m.begin; k < m.end; ++k)
            spelled.push_back(tokens[k].text);
          for (auto& c : t->columns)
            if (split_words(c.name) == spelled)
              return {element{element_kind::column, table, c.name, "", ""}};
        }
      if (!own.empty())
        cands = own;
    }
  }
  // "the amount" where invoices keep amt and paid_amt: the column the word
  // names on its own, not one that a word the question does not say
  // qualifies ("paid").
  // (Compared within a table only: a word may name a column of hundreds.)
  std::map<std::string, std::vector<std::string>> columns_of;
  for (auto& [c, w] : cands)
    if (c.kind == element_kind::column)
      columns_of[c.table].push_back(c.column);
  if (auto plain = narrow([&](const element& c) {
        auto& same_table = columns_of[c.table];
        return c.kind != element_kind::column || same_table.size() < 2
               || !qualified_by_unsaid_word(c.column, same_table);
      });
      !plain.empty() && plain.size() < cands.size())
    cands = plain;
  // Otherwise the strongest match, when it is clearly the strongest.
  std::stable_sort(cands.begin(), cands.end(),
                   [](const candidate& a, const candidate& b) { return a.second > b.second; });
  std::vector<candidate> top;
  for (auto& c : cands)
    if (c.second >= cands.front().second - 1e-9)
      top.push_back(c);
  return elements(top);
}

} // namespace medha::sqlgen::detail
