// Names that begin or end with a word the cues would read: "average basket
// size" naming a metric, "top speed" naming top_speed, "visit count" naming
// visit_count, "no show" naming a status 'No-show'. Spelled out whole,
// they are names: taken before the cues run, and marked so that they are
// linked afterwards.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

std::vector<bool> reader::shield_names_with_cue_words(const lexicon& lex) {
  std::vector<bool> named(tokens.size(), false);
  // A metric named with a word that is also a cue ("average basket size")
  // is the metric, when the words after the cue mean nothing on their own.
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    static const char* cue_words[] = {"average", "avg", "mean", "total", "number", "count",
                                      "sum", "maximum", "minimum", "max", "min"};
    if (taken[i] || tokens[i].quoted
        || std::none_of(std::begin(cue_words), std::end(cue_words),
                        [&](const char* w) { return tokens[i].text == w; }))
      continue;
    for (size_t len = std::min(lex.longest(), tokens.size() - i); len >= 2; --len) {
      std::string key, rest;
      bool free = true;
      for (size_t k = i; k < i + len; ++k) {
        free = free && !taken[k] && !tokens[k].quoted;
        key += (k > i ? " " : "") + tokens[k].stem;
        if (k > i)
          rest += (k > i + 1 ? " " : "") + tokens[k].stem;
      }
      auto& entries = lex.lookup(key);
      bool metric = std::any_of(entries.begin(), entries.end(), [](const lexicon_entry& e) {
        return e.target.kind == element_kind::metric && e.weight >= 0.95;
      });
      if (free && metric && lex.lookup(rest).empty()) {
        for (size_t k = i; k < i + len; ++k)
          named[k] = taken[k] = true;
        break;
      }
    }
  }
  // A column whose whole name starts with a superlative or an extreme
  // ("highest_point", "minimum_connect_time") is named, not ranked, when the question spells the
  // name out: "the top speed of each model" lists top_speed.
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    static const char* rank_words[] = {"highest", "lowest", "largest", "smallest", "biggest",
                                       "greatest", "best", "worst", "most", "least", "longest",
                                       "shortest", "tallest", "fastest", "slowest", "deepest",
                                       "minimum", "maximum", "min", "max"};
    if (taken[i] || tokens[i].quoted
        || std::none_of(std::begin(rank_words), std::end(rank_words),
                        [&](const char* w) { return tokens[i].text == w; }))
      continue;
    for (size_t len = std::min(lex.longest(), tokens.size() - i); len >= 2; --len) {
      std::string key;
      bool free = true;
      for (size_t k = i; k < i + len; ++k) {
        free = free && !taken[k] && !tokens[k].quoted;
        key += (k > i ? " " : "") + tokens[k].stem;
      }
      auto& entries = lex.lookup(key);
      bool column = std::any_of(entries.begin(), entries.end(), [](const lexicon_entry& e) {
        return e.target.kind == element_kind::column && e.weight >= 1.0;
      });
      if (free && column) {
        for (size_t k = i; k < i + len; ++k)
          named[k] = taken[k] = true;
        break;
      }
    }
  }
  // So is a number whose name ends with one ("visit_count", "order_total")
  // spelled out whole: "the top 3 shops by visit count".
  for (size_t i = 1; i < tokens.size(); ++i) {
    static const char* tail_words[] = {"count", "total", "number", "sum", "average"};
    if (taken[i] || tokens[i].quoted
        || std::none_of(std::begin(tail_words), std::end(tail_words),
                        [&](const char* w) { return tokens[i].text == w; }))
      continue;
    for (size_t len = std::min(lex.longest(), i + 1); len >= 2; --len) {
      size_t from = i + 1 - len;
      std::string key;
      bool free = true;
      for (size_t k = from; k <= i; ++k) {
        free = free && !taken[k] && !tokens[k].quoted;
        key += (k > from ? " " : "") + tokens[k].stem;
      }
      auto& entries = lex.lookup(key);
      bool column = std::any_of(entries.begin(), entries.end(), [&](const lexicon_entry& e) {
        return e.target.kind == element_kind::column && e.weight >= 1.0
               && role_of(model, {e.target.table, e.target.column}) == column_role::numeric;
      });
      if (free && column) {
        for (size_t k = from; k <= i; ++k)
          named[k] = taken[k] = true;
        break;
      }
    }
  }
  // A value that begins with a negation ("No-show", "Non-member") is the
  // value, not its absence.
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (taken[i] || tokens[i].quoted || (tokens[i].text != "no" && tokens[i].text != "non" && tokens[i].text != "not"))
      continue;
    for (size_t len = std::min(lex.longest(), tokens.size() - i); len >= 2; --len) {
      std::string key;
      bool free = true;
      for (size_t k = i; k < i + len; ++k) {
        free = free && !taken[k] && !tokens[k].quoted;
        key += (k > i ? " " : "") + tokens[k].stem;
      }
      auto& entries = lex.lookup(key);
      bool value = std::any_of(entries.begin(), entries.end(), [](const lexicon_entry& e) {
        return e.target.kind == element_kind::value && e.weight >= 0.9;
      });
      if (free && value) {
        for (size_t k = i; k < i + len; ++k)
          named[k] = taken[k] = true;
        break;
      }
    }
  }
  return named;
}

} // namespace medha::sqlgen::detail
