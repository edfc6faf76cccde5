#pragma once

// The prompt that asks a model for the answer's sentence, and how its reply
// is read. Only for data sources with allow_llm_to_see_data: it holds rows.

#include <optional>
#include <string>
#include <string_view>

#include "actors/sqlgen/llm/provider.hpp"
#include "messages/result_set.hpp"

namespace medha::llm {

constexpr size_t answer_max_rows = 20;      // rows shown to the model
constexpr size_t answer_max_chars = 6000;   // of the rows' text, cut beyond
constexpr size_t answer_max_reply = 800;    // a longer reply is not a sentence

/// The question, the SQL that answered it and the result's first rows (at
/// most answer_max_rows, answer_max_chars), with the total row count.
chat_prompt answer_prompt(std::string_view question, std::string_view sql, const result_set& rows);

/// The reply as the answer's text: trimmed, one paragraph; nullopt for an
/// empty reply, one too long, or one that is SQL or a fenced block.
std::optional<std::string> answer_text(std::string_view reply);

} // namespace medha::llm
