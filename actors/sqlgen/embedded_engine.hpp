#pragma once

#include <string_view>

#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

// How a question becomes SQL, one file per step:
//   words.cpp         tokens and stems ("ordered" and "orders" meet at "order")
//   time_*.cpp        years, quarters, months, relative periods, buckets
//   cues.cpp          words that shape the query: "average", "by", "top 5", "not"
//   lexicon.cpp       every way the model can be named: tables, columns, metrics,
//                     values, glossary terms, comment words, foreign-key roles
//   linker.cpp        question phrases → model elements, with spelling fixes
//   reading*.cpp      cues + linked phrases → a reading: measures, groups, filters
//   follow_up.cpp     a reading edits the previous turn's query, or starts anew
//   embedded_engine.cpp  answer, or ask back (clarify_replies.cpp words it)
//   query_check.cpp   values fit their columns, operators apply to them
//   sql_compiler.cpp  query → PostgreSQL (joins by shortest foreign-key paths);
//                     compile_*.cpp write its parts (select list, filters, ...)
//   explain.cpp       query → plain language
// The query structure (query.hpp) travels between turns as JSON (query_json.cpp).

namespace medha::sqlgen {

/// The embedded strategy: a deterministic semantic parser. Reads the question
/// against the semantic model (and the previous turn's query structure, so a
/// follow-up edits it), and returns SQL with a confidence and an explanation,
/// or a clarify plan with choices when it cannot answer with confidence.
/// previous_query_json: the query_json of the conversation's last answered
/// turn ("" when none). `verified`: the user's verified examples (their
/// thumbs-up, operators' approvals), reused before the model file's when one
/// matches the question (see embedded_engine.cpp).
sql_plan generate(const semantic_model& given, std::string_view question,
                  std::string_view previous_query_json,
                  const std::vector<verified_example>& verified = {});

} // namespace medha::sqlgen
