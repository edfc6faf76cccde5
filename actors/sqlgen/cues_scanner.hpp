// The cue scanner's internals, shared by cues.cpp (its walk over the
// question) and cues_words.cpp (the cues of one word or short phrase).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen::detail {

// Words or alternatives ("more|greater"); "?" after a word makes it optional;
// "#" is a number.
struct pattern {
  std::vector<std::vector<std::string>> words;
  std::vector<bool> optional;
};

pattern parse_pattern(const std::string& text);
int word_number(const std::string& w);

struct scanner {

  const std::vector<token>& t;
  std::vector<bool>& taken;
  std::vector<cue> out;
  std::vector<std::string> numbers; // numbers captured by the last match

  bool free(size_t i) const { return i < t.size() && !taken[i] && !t[i].quoted; }

  bool is_num(size_t i) const {
    return free(i) && (is_number(t[i].text) || word_number(t[i].text) > 0);
  }

  std::string num(size_t i) const {
    return is_number(t[i].text) ? t[i].text : std::to_string(word_number(t[i].text));
  }


  // Length of the match of `text` at i, 0 when none; numbers go to `numbers`.
  size_t match(size_t i, const char* text);
  cue& add(cue_kind kind, size_t i, size_t len);

  // Tries the patterns in order; the first that matches makes one cue.
  template <class F>
  bool any(size_t i, std::initializer_list<const char*> patterns, cue_kind kind, F&& fill) {
    for (auto* p : patterns)
      if (auto len = match(i, p)) {
        auto& c = add(kind, i, len);
        fill(c);
        return true;
      }
    return false;
  }

  // The literal of a containment after i.
  bool literal_after(size_t i, cue& c);
  // The walk over the question: order, limits, periods words, then word_cues.
  void run();
  // Comparisons, aggregates, containment, absence and presence, grouping,
  // listing: the cues of one word or a short phrase at i. True when one was read.
  bool word_cues(size_t i);
  // Directions, price adjectives and sizes of rankings at i (cues_ranking.cpp).
  bool ranking_cues(size_t i);
};

} // namespace medha::sqlgen::detail
