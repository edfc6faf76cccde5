#pragma once

#include <string>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

/// The words a schema's own comments use, nearest first: the column's
/// comment, its table's, then every comment of the model.
struct comment_words {
  std::vector<std::string> column, table, all;
};

/// Every word of every table and column comment of the model.
std::vector<std::string> words_of_all_comments(const semantic_model& model);

/// A name's words with its short forms read in full, as the schema's own
/// comments spell them: "lsn" in a table whose comment speaks of lessons is
/// "lessons", "instr" is "instructors" (abbreviations.cpp). Words the
/// comments use as they are, and words with no single reading, stay.
std::vector<std::string> read_in_full(std::vector<std::string> words, const comment_words& comments);

} // namespace medha::sqlgen
