#pragma once

#include <string>
#include <string_view>

namespace medha::llm {

/// What a model's reply says.
struct parsed_reply {
  enum class kind {
    sql,     // `sql` holds one statement (no trailing semicolon)
    clarify, // `question` holds the one question the model asks the user
    empty,   // nothing usable
  };
  kind what = kind::empty;
  std::string sql;
  std::string question;
};

/// Reads a reply: the first fenced block labelled sql (or postgresql/postgres,
/// or unlabelled) is the SQL; with no fence, a reply that is one question (a
/// single line ending in "?" that does not start like SQL) is a clarification;
/// anything else is taken whole as SQL, and the guard judges it.
parsed_reply parse_reply(std::string_view text);

} // namespace medha::llm
