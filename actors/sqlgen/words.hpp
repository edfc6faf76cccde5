#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medha::sqlgen {

/// A word of the question: its text as typed (lowercased), its stem, and
/// where it was in the question.
struct token {
  std::string text;
  std::string stem;
  bool quoted = false; // inside quotes: a literal value, never a keyword
  bool bracketed = false; // inside parentheses: often restates what is before it
  bool joined = false; // joined by a hyphen to the word after it ("in-store", "off-peak")
};

/// Lowercases and splits on anything but letters, digits, '-', '.', '\'' inside
/// words; a quoted span ('x y' or "x y") becomes one quoted token.
std::vector<token> tokenize(std::string_view text);

/// Splits an identifier or phrase into lowercase words: "order_items" →
/// {"order", "items"}, "signupDate" → {"signup", "date"}.
std::vector<std::string> split_words(std::string_view identifier);

/// A light stemmer: plurals, -ing, -ed, -ly, so "ordered", "orders" and
/// "ordering" meet at "order". Applied to both questions and the model.
std::string stem(std::string_view word);

/// "categories" → "category", "regions" → "region": for names shown to people.
std::string singular(std::string_view word);

/// Levenshtein distance, stopping early once it exceeds `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

/// Words that carry no meaning for linking ("the", "of", "show", "me").
bool is_stopword(std::string_view word);

/// "1,000" → "1000", "$250" → "250", "10%" → "10 percent": numbers the way
/// the tokenizer reads them.
std::string normalize_question(std::string_view question);

/// A verb form that relates things rather than names one: "published",
/// "written", "found" (regular -ed forms and common irregular ones).
/// "that" right after a noun opens a clause about it ("permits that were
/// approved", "orders that customers placed"): not a pointer back.
bool opens_a_clause(const std::vector<token>& tokens, size_t i);

bool is_participle(std::string_view word);

/// Joins words with a separator.
std::string join(const std::vector<std::string>& words, std::string_view separator);

} // namespace medha::sqlgen
