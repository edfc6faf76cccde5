#include "actors/sqlgen/reading.hpp"

#include <algorithm>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"

#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen {

namespace detail {

aggregate natural_aggregate(const semantic_model& model, const std::string& metric_name) {
  auto* m = find_metric(model, metric_name);
  std::string fn, arg;
  if (!m || !split_outer_call(m->expression, fn, arg))
    return aggregate::none;
  std::transform(fn.begin(), fn.end(), fn.begin(), ::tolower);
  aggregate a = aggregate::none;
  if (fn == "avg")
    return aggregate::avg;
  from_string(fn, a);
  return a;
}

column_ref label_of(const semantic_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  auto* c = t ? label_column(*t) : nullptr;
  return c ? column_ref{table, c->name} : column_ref{table, ""};
}

void reader::account() {
  r.cues = std::count_if(items.begin(), items.end(), [](const item& it) { return it.c.has_value(); });
  std::vector<bool> explained = taken;
  for (auto& it : items)
    if (!it.c)
      for (size_t i = it.begin; i < it.end; ++i)
        explained[i] = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    bool content = t.quoted || !is_stopword(t.text);
    if (!content)
      continue;
    ++r.content_words;
    if (explained[i])
      ++r.explained_words;
    else
      r.unknown_words.push_back(t.text);
  }
}

void reader::run(const lexicon& lex) {
  taken.assign(tokens.size(), false);
  time = read_time(tokens, taken);
  auto cues = read_cues(tokens, taken);
  auto mentions = link(lex, tokens, taken);
  for (auto& c : cues) {
    item it;
    it.begin = c.begin;
    it.end = c.end;
    it.c = c;
    items.push_back(it);
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto& m = mentions[i];
    auto cands = resolve(m, mentions, i);
    if (cands.size() > 1)
      r.ambiguities.push_back({m.begin, m.end, cands});
    item it;
    it.begin = m.begin;
    it.end = m.end;
    it.e = cands.front();
    auto& last = tokens[m.end - 1];
    it.plural = last.text != last.stem && last.text.back() == 's';
    items.push_back(it);
    // Exact names, synonyms and values are all sure matches.
    r.link_quality = std::min(r.link_quality, m.score >= 0.9 ? 1.0 : m.score);
    if (m.score < 0.6 || m.corrected)
      r.weak.push_back({m.begin, m.end, {cands.front()}});
  }
  // Numbers and quoted text nothing else claimed: "quantity 5", "named 'Acme'".
  std::vector<bool> linked(tokens.size(), false);
  for (auto& m : mentions)
    for (size_t i = m.begin; i < m.end; ++i)
      linked[i] = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (taken[i] || linked[i] || !(tokens[i].quoted || is_number(tokens[i].text)))
      continue;
    cue c;
    c.kind = cue_kind::compare;
    c.begin = i;
    c.end = i + 1;
    c.op = filter_op::eq;
    c.values = {tokens[i].text};
    c.text = tokens[i].quoted ? "literal" : "number";
    taken[i] = true;
    item it;
    it.begin = i;
    it.end = i + 1;
    it.c = c;
    items.push_back(it);
  }
  std::sort(items.begin(), items.end(),
            [](const item& a, const item& b) { return a.begin < b.begin; });
  walk();
  finish();
  account();
  r.tokens = tokens;
}

} // namespace detail

reading read_question(const semantic_model& model, const lexicon& lex,
                      const std::vector<token>& tokens,
                      const std::vector<std::string>& context_tables) {
  detail::reader rd(model, tokens, context_tables);
  rd.run(lex);
  return std::move(rd.r);
}

} // namespace medha::sqlgen
