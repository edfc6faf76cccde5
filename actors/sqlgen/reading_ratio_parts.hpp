// Internal to the reading of "the ratio of A to B" (reading_ratio*.cpp): the
// words that bound its sides, a side as one measure, and the sides divided.
// Other stages call read_ratio() in reader.hpp.
#pragma once

#include <initializer_list>
#include <optional>
#include <vector>

#include "actors/sqlgen/reading.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen::detail::ratios {

// -- words: reading_ratio_words.cpp --

/// The unquoted word `w` at `i`.
bool word_at(const std::vector<token>& t, size_t i, const char* w);
bool any_word_at(const std::vector<token>& t, size_t i, std::initializer_list<const char*> ws);
/// Where the question's words about the whole ratio begin ("for each
/// course", "by state", "ordered by ..."): the end of the denominator.
bool starts_tail(const std::vector<token>& t, size_t i);
/// "belong to", "sent to": the verb's own "to", less likely the split.
bool verb_takes_to(const std::vector<token>& t, size_t i);
/// "also give the yearly numbers of loans and members": the
/// words from `from` on ask for the two sides' own numbers, and nothing else.
bool names_sides(const indexed_model& model, const std::vector<token>& t, size_t from,
                 const measure& a, const measure& b);
/// "show every depot ID": the words from `from` on name the groups.
bool names_groups(const std::vector<token>& t, size_t from, const std::vector<dimension>& groups);

// -- sides: reading_ratio_sides.cpp --

/// A side of the ratio as one measure: "the number of pupils", "shops
/// with a rating above 4" (their rows counted), "helpfulness scores" (the
/// column's value, summed over each group).
struct side {
  measure m;
  std::vector<filter> filters;
  bool row_values = false; // a column's own value, not an aggregate asked for
};

/// The reading of a side's words as one measure, or nothing.
std::optional<side> side_of(const indexed_model& model, reading& r);
bool same_filter(const filter& a, const filter& b);
bool same_dimensions(const std::vector<dimension>& a, const std::vector<dimension>& b);

// -- the division: reading_ratio_divide.cpp --

/// Both sides read, and what the words about the whole ratio asked.
struct sides_read {
  reading ra, rb;        // the numerator's and the denominator's words, read
  side a, b;             // each as one measure
  bool averaged = false; // "the average ratio": row by row, then averaged
  bool with_sides = false;     // the sides' own numbers shown beside it
  bool order_by_ratio = false; // "ordered by the ratio"
  bool descending = false;
};

/// The ratio of the two sides as one reading: the conditions both name
/// restrict both, a numerator's own its side; empty when they do not divide.
std::optional<reading> divide(const indexed_model& model, const std::vector<token>& tokens,
                              const sides_read& s);

} // namespace medha::sqlgen::detail::ratios
