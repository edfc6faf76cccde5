// Phrases that link to the model but name nothing the query uses: verbs
// that relate what the question names, units, restated names; and loose
// words another phrase confirms.
#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/lexicon_words.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen::detail {

bool reader::names_nothing(const std::vector<mention>& mentions, size_t i) {
  auto& m = mentions[i];
  // A verb that only descriptions or partial names of several columns use
  // ("recorded", "linked", "offered") relates the things the question
  // names; it names none of them. So is, after the table just named, one
  // described column of it ("deliveries happened"): the verb of its rows.
  bool after_own_table = i > 0 && mentions[i - 1].end == m.begin && m.candidates.size() == 1
                         && mentions[i - 1].candidates.size() == 1
                         && mentions[i - 1].candidates[0].kind == element_kind::table
                         && mentions[i - 1].candidates[0].table == m.candidates[0].table;
  // "enrolled a pupil": a verb only a description uses, before a column of
  // the same table that the question names surely, introduces that column.
  bool before_own_column = i + 1 < mentions.size() && m.candidates.size() == 1
                           && mentions[i + 1].begin <= m.end + 1 && mentions[i + 1].score >= 0.6
                           && mentions[i + 1].candidates[0].kind == element_kind::column
                           && mentions[i + 1].candidates[0].table == m.candidates[0].table;
  after_own_table = after_own_table || before_own_column;
  // A key's own words ("offering" of offering_id) name the link, not a value to show.
  auto role_word = [&](const element& e) {
    return e.kind == element_kind::column
           && (foreign_key(e.table, e.column)
               || role_of(model, {e.table, e.column}) == column_role::identifier);
  };
  bool one_key = m.candidates.size() == 1 && role_word(m.candidates[0]);
  // So does one only a single description uses ("songs played
  // on stations", "shops selling organic bread" where bread_type is "the
  // type of bread sold") -- but not before "by" ("driven by members"): who
  // did it is read from the verb's own columns, when it has some.
  auto& word = tokens[m.begin].text;
  bool gerund = word.size() > 5 && word.compare(word.size() - 3, 3, "ing") == 0;
  bool agent = m.end < tokens.size() && tokens[m.end].text == "by";
  // A verb read off a key's name weighs as its name only said as that name:
  // "handled" for handled_by; "handles", "handling" and "we manage" for
  // managed_by are not said of the key.
  auto weight = [&](size_t c) {
    auto& e = m.candidates[c];
    bool as_named = e.kind != element_kind::column || !foreign_key(e.table, e.column)
                    || split_words(e.column).front() == word;
    return as_named ? m.weights[c] : std::min(m.weights[c], 0.8);
  };
  // "repairs were wrapped up in May" where only the description of dt_done
  // says "wrapped up": the verb names the day the rows keep for that event,
  // and what happened to them is theirs to be read (reading_happened.cpp).
  auto tok = [&](size_t t) { return t < tokens.size() && !tokens[t].quoted ? tokens[t].text : std::string(); };
  auto prev = m.begin > 0 ? tok(m.begin - 1) : std::string();
  auto next = tok(m.end);
  bool happened = prev == "were" || prev == "was" || prev == "been" || prev == "got" || next == "in"
                  || next == "this" || next == "last" || next == "during" || next == "since";
  bool event_day = m.end == m.begin + 1 && is_participle(word) && happened && !agent
                   && std::any_of(m.candidates.begin(), m.candidates.end(), [&](const element& e) {
                        auto day = e.kind == element_kind::column ? event_date_of(e.table, stem(word)) : std::nullopt;
                        return day && day->column == e.column;
                      });
  if (event_day)
    return false;
  bool only_described = (m.candidates.size() > 1 || after_own_table || one_key || !agent)
                        && m.end == m.begin + 1 && (is_participle(word) || gerund);
  for (size_t c = 0; only_described && c < m.candidates.size(); ++c)
    only_described = weight(c) < 0.5 || (role_word(m.candidates[c]) && weight(c) < 0.9);
  // So does a verb that only part of a key's name (or a table's) uses
  // ("offered" for offering_id): keys relate rows, a question never asks for
  // them by a verb. A bare verb counts when it ends a "does ... offer"
  // question. One candidate from a description alone stays a weak link.
  bool asked_with_do = m.begin + 1 == tokens.size()
                       && std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
                            return t.text == "do" || t.text == "does" || t.text == "did";
                          });
  bool key_verb = m.end == m.begin + 1 && (is_participle(word) || asked_with_do);
  bool keys_only = true;
  for (size_t c = 0; key_verb && c < m.candidates.size(); ++c) {
    auto& e = m.candidates[c];
    bool partial = weight(c) < 0.9;
    bool key_or_table = partial && (role_word(e) || e.kind == element_kind::table);
    keys_only = keys_only && key_or_table;
    key_verb = m.weights[c] < 0.5 || key_or_table;
  }
  key_verb = key_verb && (m.candidates.size() > 1 || (keys_only && !agent));
  // "300 cubic metres", "5 metres": a unit after a number, which
  // only descriptions mention, says how the number is measured.
  size_t lead = m.begin;
  while (lead > 0 && (tokens[lead - 1].text == "square" || tokens[lead - 1].text == "cubic"))
    --lead;
  bool unit = lead > 0 && is_number(tokens[lead - 1].text) && m.end == m.begin + 1
              && std::all_of(m.weights.begin(), m.weights.end(), [](double w) { return w < 0.5; });
  // "Manchester (MAN)": a value restated in brackets is meant by its bracketed
  // form, usually the exact code the data stores.
  auto all_values = [](const mention& x) {
    return std::all_of(x.candidates.begin(), x.candidates.end(),
                       [](const element& e) { return e.kind == element_kind::value; });
  };
  bool restated = i + 1 < mentions.size() && mentions[i + 1].begin == m.end
                  && tokens[mentions[i + 1].begin].bracketed && !tokens[m.begin].bracketed
                  && all_values(m) && all_values(mentions[i + 1]);
  // "licensed female drivers" where only a depot's column mentions being
  // licensed: a verb before another table's thing describes that thing.
  bool describes_next = m.candidates.size() == 1 && m.end == m.begin + 1 && m.weights[0] < 0.5
                        && is_participle(word) && i + 1 < mentions.size()
                        && mentions[i + 1].begin == m.end && !mentions[i + 1].candidates.empty()
                        && mentions[i + 1].score >= 0.9
                        && mentions[i + 1].candidates.front().table != m.candidates.front().table;
  // "did each driver drive", "did Acme drive": the verb of a table's rows,
  // which the question names (or one of them, by a value), says what they
  // do; it names nothing more.
  // So does "has Ana Ruiz directed" beside a value of the director column.
  bool agent_verb = false;
  if (m.end == m.begin + 1)
    for (size_t c = 0; c < m.candidates.size() && !agent_verb; ++c) {
      auto& e = m.candidates[c];
      bool of_table = e.kind == element_kind::table;
      if ((!of_table && e.kind != element_kind::column) || m.weights[c] >= 1.0)
        continue;
      auto verbs = lexicon_words::agent_verbs(split_words(of_table ? e.table : e.column).back());
      bool its_verb = std::any_of(verbs.begin(), verbs.end(), [&](const std::string& v) {
        return stem(v) == tokens[m.begin].stem;
      });
      auto names_it = [&](const element& o) {
        return o.table == e.table
               && (of_table ? o.kind == element_kind::table || o.kind == element_kind::value
                            : o.kind == element_kind::value && o.column == e.column);
      };
      for (size_t j = 0; its_verb && j < mentions.size() && !agent_verb; ++j)
        agent_verb = j != i && !mentions[j].candidates.empty()
                     && std::all_of(mentions[j].candidates.begin(), mentions[j].candidates.end(), names_it);
    }
  // "rated PG-13", "graded A": a verb right before a value of the column
  // named for it says which column the value is in; the value says the rest.
  bool introduces_value = false;
  if (m.end == m.begin + 1 && i + 1 < mentions.size() && mentions[i + 1].begin == m.end
      && !mentions[i + 1].candidates.empty())
    for (auto& v : mentions[i + 1].candidates) {
      if (v.kind != element_kind::value)
        continue;
      for (auto& w : split_words(v.column))
        introduces_value = introduces_value || (w.size() > 3 && stem(w) == tokens[m.begin].stem);
    }
  return only_described || key_verb || describes_next || unit || restated || agent_verb
         || introduces_value
         || names_link_table(mentions, i);
}

bool reader::corroborated(const std::vector<mention>& mentions, size_t i, const element& e) {
  auto& m = mentions[i];
  // "organic bread", "enrolled a pupil": a loose word right beside a phrase
  // that surely names the same column (its value; for a verb, its name) is
  // no guess.
  auto beside = [&](const mention& o) {
    size_t from = std::min(o.end, m.end), to = std::max(o.begin, m.begin);
    for (size_t k = from; k < to; ++k)
      if (!is_stopword(tokens[k].text))
        return false;
    return to - from <= 1;
  };
  for (size_t j = 0; j < mentions.size(); ++j) {
    auto& o = mentions[j];
    if (j == i || o.corrected || o.score < 0.6 || o.candidates.size() != 1 || !beside(o))
      continue;
    auto& x = o.candidates[0];
    // "seed cost" of seed_orders.cost: the table's word right before a
    // column of that table which another word surely names.
    if (e.kind == element_kind::table && j == i + 1 && o.score >= 0.9 && x.kind == element_kind::column
        && x.table == e.table)
      return true;
    if (e.kind != element_kind::column)
      continue;
    bool kind_fits = x.kind == element_kind::value
                     || (x.kind == element_kind::column && is_participle(tokens[m.begin].text));
    if (kind_fits && x.table == e.table && x.column == e.column)
      return true;
  }
  return false;
}

bool reader::names_link_table(const std::vector<mention>& all, size_t i) {
  auto& m = all[i];
  if (m.end != m.begin + 1 || m.candidates.empty() || m.weights[0] < 1.0)
    return false;
  auto& e = m.candidates.front();
  auto* t = e.kind == element_kind::table ? table_of(model, e.table) : nullptr;
  if (!t)
    return false;
  std::vector<std::string> linked;
  for (auto& c : t->columns) {
    if (auto* rel = foreign_key(t->name, c.name))
      linked.push_back(rel->to_table);
    else if (c.role != column_role::identifier)
      return false;
  }
  if (linked.size() < 2)
    return false;
  if (is_participle(tokens[m.begin].text) && m.candidates.size() == 1)
    return true;
  // "members who borrow books": between the two tables it links, the
  // word is their verb, whatever its form.
  auto names_linked = [&](const mention& o) {
    return o.candidates[0].kind == element_kind::table
           && std::find(linked.begin(), linked.end(), o.candidates[0].table) != linked.end();
  };
  const mention* before = nullptr;
  const mention* after = nullptr;
  for (auto& o : all) {
    if (o.end <= m.begin && o.candidates[0].kind == element_kind::table)
      before = &o;
    if (!after && o.begin >= m.end && o.candidates[0].kind == element_kind::table)
      after = &o;
  }
  return before && after && names_linked(*before) && names_linked(*after)
         && before->candidates[0].table != after->candidates[0].table;
}

} // namespace medha::sqlgen::detail
