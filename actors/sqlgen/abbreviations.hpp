#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

/// Every word of every table and column comment of the model, once each,
/// and their stems: read once per model.
struct schema_comment_words {
  std::vector<std::string> words;
  std::unordered_set<std::string> stems;
};

schema_comment_words words_of_all_comments(const semantic_model& model);

/// Whether `shorter` is a short form of `word`: same first letter, its
/// letters in order within the word, vowels dropped ("sts" of "status") or
/// the word cut short ("purch" of "purchase").
bool short_form_of(const std::string& shorter, const std::string& word);

/// A name's words with its short forms read in full, as the schema's own
/// comments spell them, nearest comment first (the column's, its table's,
/// then any): "lsn" in a table whose comment speaks of lessons is
/// "lessons", "instr" is "instructors" (abbreviations.cpp). Words the
/// comments use as they are, and words with no single reading, stay.
std::vector<std::string> read_in_full(std::vector<std::string> words, const std::vector<std::string>& column_comment,
                                      const std::vector<std::string>& table_comment,
                                      const schema_comment_words& all);

} // namespace medha::sqlgen
