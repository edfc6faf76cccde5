#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medha::discovery {

/// One indexable word: `term` is the normalized form the index stores
/// (lowercase, stemmed); `word` is what the text said (lowercase), kept so a
/// match can be explained in the user's own words.
struct token {
  std::string term;
  std::string word;
};

/// Which stop words to drop. Schema text keeps words that questions use only
/// as instructions ("show", "total", "average"): a column named total_amount
/// must still be findable by "amount", and a question's "total" must not hit it.
enum class text_kind { schema, question };

/// Splits text into tokens: lowercase, snake_case and camelCase split, letter
/// and digit runs split, light stemming, stop words and one-letter words dropped.
/// Appends to `out` so callers can reuse one buffer.
void tokenize(std::string_view text, text_kind kind, std::vector<token>& out);

/// The same, keeping only the terms (the indexing path).
void tokenize_terms(std::string_view text, text_kind kind, std::vector<std::string>& out);

/// True for words a question uses only to instruct ("show", "total", "by").
bool is_stop_word(std::string_view lowercase_word, text_kind kind);

} // namespace medha::discovery
