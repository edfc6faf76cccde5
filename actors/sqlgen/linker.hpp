#pragma once

#include <string>
#include <vector>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

/// A phrase of the question linked to the model: tokens [begin, end) and the
/// elements it may mean, best first: every one close to the best, so that the
/// rest of the question can pick among them.
struct mention {
  size_t begin = 0;
  size_t end = 0;
  std::vector<element> candidates; // best first
  std::vector<double> weights;      // of each candidate
  double score = 0; // weight of the match, lowered for spelling corrections
  bool corrected = false;
};

/// Links the tokens not marked in `taken` to the lexicon: longest phrase
/// first, lemmas, joined compounds ("sign up" → "signup"), then spelling
/// correction within a small edit distance for words the model does not know.
std::vector<mention> link(const lexicon& lex, const std::vector<token>& tokens,
                          const std::vector<bool>& taken);

} // namespace medha::sqlgen
