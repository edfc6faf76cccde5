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
  auto said = [&](size_t i, std::initializer_list<const char*> words) {
    return !taken[i] && !tokens[i].quoted
           && std::any_of(words.begin(), words.end(), [&](const char* w) { return tokens[i].text == w; });
  };
  auto stems = [&](size_t from, size_t len) {
    std::string key;
    for (size_t k = from; k < from + len; ++k)
      key += (k > from ? " " : "") + tokens[k].stem;
    return key;
  };
  // The longest span of two or more free words that starts (or ends) at i
  // and names what `names` accepts: taken, and marked to be linked later.
  auto shield = [&](size_t i, bool starts, auto&& names) {
    size_t most = std::min(lex.longest(), starts ? tokens.size() - i : i + 1);
    for (size_t len = most; len >= 2; --len) {
      size_t from = starts ? i : i + 1 - len;
      bool free = true;
      for (size_t k = from; k < from + len; ++k)
        free = free && !taken[k] && !tokens[k].quoted;
      if (!free || !names(lex.lookup(stems(from, len)), from, len))
        continue;
      for (size_t k = from; k < from + len; ++k)
        named[k] = taken[k] = true;
      return;
    }
  };
  auto any = [](const std::vector<lexicon_entry>& entries, auto&& is) {
    return std::any_of(entries.begin(), entries.end(), is);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    // A metric named with a word that is also a cue ("average basket size")
    // is the metric, when the words after the cue mean nothing on their own.
    if (said(i, {"average", "avg", "mean", "total", "number", "count", "sum", "maximum", "minimum", "max", "min"}))
      shield(i, true, [&](const std::vector<lexicon_entry>& entries, size_t from, size_t len) {
        return any(entries, [](const lexicon_entry& e) {
                 return e.target.kind == element_kind::metric && e.weight >= 0.95;
               })
               && lex.lookup(stems(from + 1, len - 1)).empty();
      });
  }
  // A column whose whole name starts with a superlative or an extreme
  // ("highest_point", "minimum_connect_time") is named, not ranked, when the
  // question spells the name out: "the top speed of each model" lists
  // top_speed.
  for (size_t i = 0; i < tokens.size(); ++i)
    if (said(i, {"highest", "lowest", "largest", "smallest", "biggest", "greatest", "best", "worst", "most",
                 "least", "longest", "shortest", "tallest", "fastest", "slowest", "deepest", "minimum",
                 "maximum", "min", "max"}))
      shield(i, true, [&](const std::vector<lexicon_entry>& entries, size_t, size_t) {
        return any(entries, [](const lexicon_entry& e) {
          return e.target.kind == element_kind::column && e.weight >= 1.0;
        });
      });
  // So is a number whose name ends with one ("visit_count", "order_total")
  // spelled out whole: "the top 3 shops by visit count".
  for (size_t i = 0; i < tokens.size(); ++i)
    if (said(i, {"count", "total", "number", "sum", "average"}))
      shield(i, false, [&](const std::vector<lexicon_entry>& entries, size_t, size_t) {
        return any(entries, [&](const lexicon_entry& e) {
          return e.target.kind == element_kind::column && e.weight >= 1.0
                 && role_of(model, {e.target.table, e.target.column}) == column_role::numeric;
        });
      });
  // A value that begins with a negation ("No-show", "Non-member") is the
  // value, not its absence.
  for (size_t i = 0; i < tokens.size(); ++i)
    if (said(i, {"no", "non", "not"}))
      shield(i, true, [&](const std::vector<lexicon_entry>& entries, size_t, size_t) {
        return any(entries, [](const lexicon_entry& e) {
          return e.target.kind == element_kind::value && e.weight >= 0.9;
        });
      });
  return named;
}

} // namespace medha::sqlgen::detail
