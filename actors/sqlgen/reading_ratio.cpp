// "The ratio of A to B": the two sides are read as questions of their own
// (with whatever the question says after them: "for each course", "in 2023"),
// then divided. Conditions only one side names restrict that side; the rest
// restrict both. This file finds the ratio's words and the split between
// its sides, and reads each side; reading_ratio_divide.cpp divides them.
#include "actors/sqlgen/reader.hpp"

#include "actors/sqlgen/reading_ratio_parts.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

using namespace ratios;

namespace {

std::optional<reading> ratio_at(const indexed_model& model, const lexicon& lex,
                                const std::vector<token>& tokens,
                                const std::vector<std::string>& context, size_t k, bool averaged,
                                size_t split, size_t den, bool sides_apart = true);

} // namespace

std::optional<reading> read_ratio(const indexed_model& model, const lexicon& lex,
                                  const std::vector<token>& tokens,
                                  const std::vector<std::string>& context) {
  auto n = tokens.size();
  size_t k = 0;
  while (k + 1 < n && !(any_word_at(tokens, k, {"ratio", "proportion", "fraction"})
                        && word_at(tokens, k + 1, "of")))
    ++k;
  if (k + 1 >= n)
    return std::nullopt;
  // Only words that ask for the number may come before it ("what is the",
  // "calculate the"), or "average": each row's ratio, averaged.
  bool averaged = false;
  for (size_t i = 0; i < k; ++i) {
    if (any_word_at(tokens, i, {"average", "mean", "avg"}) && i + 1 == k) {
      averaged = true;
      continue;
    }
    if (!tokens[i].quoted && !is_stopword(tokens[i].text)
        && !any_word_at(tokens, i, {"calculate", "compute", "get", "find", "give", "tell",
                                    "return", "determine", "what's"}))
      return std::nullopt;
  }
  size_t from = k + 2;
  // The split between the sides: "A to B", else "A out of B", "A per B".
  // A side may hold the word too ("vans that belong to 1 depot"): the
  // first split whose sides both read as measures.
  std::vector<std::pair<size_t, size_t>> splits; // (split, start of the denominator)
  std::vector<std::pair<size_t, size_t>> after_verb;
  for (size_t i = from + 1; i + 1 < n; ++i)
    if (word_at(tokens, i, "to"))
      (verb_takes_to(tokens, i) ? after_verb : splits).emplace_back(i, i + 1);
  splits.insert(splits.end(), after_verb.begin(), after_verb.end());
  for (size_t i = from + 1; i + 1 < n && splits.empty(); ++i) {
    if (word_at(tokens, i, "out") && word_at(tokens, i + 1, "of")) {
      if (i + 2 < n)
        splits.emplace_back(i, i + 2);
    } else if (any_word_at(tokens, i, {"per", "versus", "vs", "over", "against"})) {
      splits.emplace_back(i, i + 1);
    }
  }
  for (auto [split, den] : splits)
    if (auto r = ratio_at(model, lex, tokens, context, k, averaged, split, den))
      return r;
  return std::nullopt;
}

namespace {

std::optional<reading> ratio_at(const indexed_model& model, const lexicon& lex,
                                const std::vector<token>& tokens,
                                const std::vector<std::string>& context, size_t k, bool averaged,
                                size_t split, size_t den, bool sides_apart) {
  auto n = tokens.size();
  size_t from = k + 2;
  size_t end = den + 1;
  while (end < n && !starts_tail(tokens, end))
    ++end;

  // Words about the whole ratio; "ordered by descending ratio" orders by it.
  std::vector<token> tail;
  bool order_by_ratio = false, descending = false;
  // "also give the yearly numbers of loans and members": the
  // sides themselves, asked for beside the ratio.
  size_t sides_too = n;
  for (size_t i = end; i < n && sides_too == n && sides_apart; ++i)
    if (any_word_at(tokens, i, {"return", "show", "give", "include", "list", "display"}))
      sides_too = i;
  auto n_tail = sides_too;
  for (size_t i = end; i < n_tail; ++i) {
    if (any_word_at(tokens, i, {"ordered", "sorted", "order", "sort"})) {
      size_t j = i + 1;
      bool desc = false;
      while (j < n && !word_at(tokens, j, tokens[k].text.c_str()) && j < i + 4) {
        desc = desc || any_word_at(tokens, j, {"descending", "desc", "decreasing", "highest"});
        ++j;
      }
      if (word_at(tokens, j, tokens[k].text.c_str())) {
        order_by_ratio = true;
        descending = desc;
        i = j;
        continue;
      }
    }
    // "within each domain": for each.
    if (word_at(tokens, i, "within") && any_word_at(tokens, i + 1, {"each", "every"}))
      continue;
    // "vary across", "differ by": the grouping words that follow say how.
    if (any_word_at(tokens, i, {"vary", "varies", "differ", "differs", "different", "change",
                                "changes"}))
      continue;
    tail.push_back(tokens[i]);
  }
  // "in the database", "overall": all rows, which every side already is.
  auto part = [&](size_t a, size_t b) {
    std::vector<token> out;
    for (size_t i = a; i < b; ++i) {
      if (word_at(tokens, i, "in") && word_at(tokens, i + 1, "the")
          && any_word_at(tokens, i + 2, {"database", "dataset", "data"})) {
        i += 2;
        continue;
      }
      if (any_word_at(tokens, i, {"overall", "all"}))
        continue;
      out.push_back(tokens[i]);
    }
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
  };
  auto num_tokens = part(from, split);
  auto den_tokens = part(den, end);
  auto ra = read_part(model, lex, num_tokens, context);
  auto rb = read_part(model, lex, den_tokens, context);
  auto a = side_of(model, ra);
  auto b = side_of(model, rb);
  bool with_sides = false;
  if (sides_too < n) {
    with_sides = a && b && names_sides(model, tokens, sides_too, a->m, b->m);
    if (!with_sides && !(a && b && names_groups(tokens, sides_too, ra.dimensions)))
      return ratio_at(model, lex, tokens, context, k, averaged, split, den, false);
  }
  // Weak matches are spelled out against the whole question: leave those
  // to the ordinary reading.
  if (!a || !b || !ra.weak.empty() || !rb.weak.empty())
    return std::nullopt;

  return divide(model, tokens,
                sides_read{std::move(ra), std::move(rb), std::move(*a), std::move(*b), averaged,
                           with_sides, order_by_ratio, descending});
}

} // namespace

} // namespace medha::sqlgen::detail
