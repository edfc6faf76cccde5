// Words that say again what the question already names: a description's
// wording for a named column ("lakes with the largest areas in square
// kilometers"), or a number that only qualifies the next ("population
// density"). They are explained, and add no piece of their own.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

std::vector<bool> reader::restating_mentions(const std::vector<mention>& mentions,
                                             const std::vector<std::vector<element>>& resolved,
                                             const std::vector<cue>& cues) {
  std::vector<bool> out(mentions.size(), false);
  // Columns the question names surely (by name or by a value of theirs).
  std::vector<column_ref> named;
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto& e = resolved[i].front();
    if (mentions[i].score >= 0.6 && resolved[i].size() == 1
        && (e.kind == element_kind::column || e.kind == element_kind::value))
      named.push_back({e.table, e.column});
  }
  // "the tallest towers ... in metres": the length is named by its adjective.
  for (auto& c : cues)
    if (c.kind == cue_kind::superlative)
      for (auto& noun : c.values)
        for (auto& cands : resolved)
          if (cands.front().kind == element_kind::table)
            if (auto col = dimension_column(cands.front().table, noun))
              named.push_back(*col);
  auto is = [&](size_t t, std::initializer_list<const char*> words) {
    return t < tokens.size() && !tokens[t].quoted
           && std::any_of(words.begin(), words.end(), [&](const char* w) { return tokens[t].text == w; });
  };
  bool in_unit = false; // inside "in cubic metres", "per cubic metre"
  size_t unit_end = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto& m = mentions[i];
    bool weak = m.score < 0.6 && !m.corrected && m.end == m.begin + 1;
    // The word right after "how many" or "the highest" is the thing counted
    // or ranked ("how many parcels are loaded in each van").
    bool counted = std::any_of(cues.begin(), cues.end(), [&](const cue& c) {
      return c.end == m.begin
             && (c.kind == cue_kind::aggregate || c.kind == cue_kind::superlative
                 || c.kind == cue_kind::top_n || c.kind == cue_kind::distinct);
    });
    const column_ref* restated = nullptr;
    for (auto& e : m.candidates)
      if (e.kind == element_kind::column)
        for (auto& n : named)
          if (n == column_ref{e.table, e.column})
            restated = &n;
    // "the closing price" where only the closing column is a price of the
    // thing asked about: a kind-of-number noun right after a surely named
    // number says what that number is; it names no other table's column.
    // So does "address" after an email, "number" after a phone.
    auto before_columns = [&] {
      return std::all_of(resolved[i - 1].begin(), resolved[i - 1].end(),
                         [](const element& e) { return e.kind == element_kind::column; });
    };
    auto elsewhere = [&](const element& e) {
      return (e.kind == element_kind::column || e.kind == element_kind::table)
             && std::none_of(resolved[i - 1].begin(), resolved[i - 1].end(),
                             [&](const element& b) { return b.table == e.table; });
    };
    if (i > 0 && mentions[i - 1].end == m.begin && m.end == m.begin + 1 && mentions[i - 1].score >= 0.6
        && before_columns()
        && ((resolved[i - 1].size() == 1
             && role_of(model, {resolved[i - 1].front().table, resolved[i - 1].front().column}) == column_role::numeric
             && is(m.begin, {"price", "amount", "value", "cost", "rate", "figure"}))
            || is(m.begin, {"address", "number", "code"}))
        && std::all_of(m.candidates.begin(), m.candidates.end(), elsewhere)) {
      out[i] = true;
      continue;
    }
    in_unit = (in_unit && m.begin == unit_end) || is(m.begin - 1, {"in", "per"});
    if (weak && restated && !counted) {
      auto& word = tokens[m.begin];
      // Which words: one of the column's own name ("round-trip fares" for
      // round_trip_cost), a unit ("in meters"), or a verb: a participle, an
      // -ing form, or the word right after the plural noun whose verb it is
      // ("canals run through", "shops sell").
      bool own_name = false;
      for (auto& w : split_words(restated->column))
        own_name = own_name || stem(w) == word.stem;
      bool after_plural = (i > 0 && mentions[i - 1].end == m.begin
                           && resolved[i - 1].front().kind == element_kind::table
                           && tokens[m.begin - 1].text != tokens[m.begin - 1].stem)
                          || is(m.begin - 1, {"that", "who", "which"});
      bool verb = is_participle(word.text)
                  || (word.text.size() > 5 && word.text.compare(word.text.size() - 3, 3, "ing") == 0)
                  || after_plural;
      if (own_name || in_unit || verb) {
        out[i] = true;
        unit_end = m.end;
        continue;
      }
    }
    in_unit = false;
    // "the number of books borrowed": the verb of a kept count's rows, not
    // a thing of its own.
    if (i > 0 && m.end == m.begin + 1 && mentions[i - 1].end == m.begin
        && is_participle(tokens[m.begin].text) && tokens[m.begin].text != tokens[m.begin].stem
        && resolved[i - 1].size() == 1 && resolved[i - 1].front().kind == element_kind::column
        && role_of(model, {resolved[i - 1].front().table, resolved[i - 1].front().column})
             == column_role::numeric) {
      auto words = split_words(resolved[i - 1].front().column);
      if (std::any_of(words.begin(), words.end(), [](const std::string& w) {
            return w == "num" || w == "count" || w == "number";
          })) {
        out[i] = true;
        continue;
      }
    }
    // Two numbers of one table side by side: "population density" where the
    // density is described as the population's, the first only qualifies
    // the second. Otherwise ("loyalty score": loyalty, or score?)
    // either could be meant, and the user is asked.
    auto numeric_column = [&](size_t j) {
      auto& e = resolved[j].front();
      return resolved[j].size() == 1 && e.kind == element_kind::column
             && role_of(model, {e.table, e.column}) == column_role::numeric;
    };
    if (i + 1 < mentions.size() && mentions[i + 1].begin == m.end && mentions[i + 1].score >= 0.6
        && numeric_column(i) && numeric_column(i + 1)
        && resolved[i].front().table == resolved[i + 1].front().table) {
      out[i] = true;
      auto& head = resolved[i + 1].front();
      auto* t = table_of(model, head.table);
      auto* c = t ? t->find_column(head.column) : nullptr;
      bool described = false;
      if (c)
        for (auto& w : split_words(c->comment))
          for (size_t k = m.begin; k < m.end; ++k)
            described = described || stem(w) == tokens[k].stem;
      // A loose word (a comment's) only qualifies; a column's own name
      // could be meant itself.
      if (!described && m.score >= 0.6)
        r.ambiguities.push_back({m.begin, mentions[i + 1].end, {resolved[i].front(), head}});
    }
  }
  return out;
}

// Also what a size adjective names: "the tallest towers" name their height.
std::optional<column_ref> reader::dimension_column(const std::string& table, const std::string& noun) {
  auto* t = table_of(model, table);
  if (!t)
    return std::nullopt;
  std::optional<column_ref> found;
  for (auto& c : t->columns) {
    if (c.role != column_role::numeric)
      continue;
    auto words = split_words(c.name);
    if (std::none_of(words.begin(), words.end(),
                     [&](const std::string& w) { return stem(w) == stem(noun); }))
      continue;
    if (found)
      return std::nullopt; // "length" and "length_km": which one?
    found = column_ref{table, c.name};
  }
  // "the longest movie": its running time, when that is the one length kept.
  if (!found && noun == "length")
    if (auto* c = length_of(*t))
      found = column_ref{table, c->name};
  return found;
}

} // namespace medha::sqlgen::detail
