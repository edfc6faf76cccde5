#include "actors/sqlgen/llm/answer_prompt.hpp"

#include <cctype>

#include "actors/sqlgen/llm/prompt.hpp"

namespace medha::llm {

namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size())
    return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) != word[i])
      return false;
  return text.size() == word.size() || std::isspace(static_cast<unsigned char>(text[word.size()]));
}

} // namespace

chat_prompt answer_prompt(std::string_view question, std::string_view sql, const result_set& rows) {
  chat_prompt p;
  p.system =
    "You answer a person's question about their data in one or two plain sentences, from the "
    "result of the SQL query that answered it. Use only the figures and names in the rows; say "
    "when the rows are only the first of more. No SQL, no markdown, no lists, no preamble.";
  auto table = rows_table(rows, answer_max_rows);
  if (table.size() > answer_max_chars)
    table = table.substr(0, answer_max_chars) + " …\n";
  auto shown = std::min(rows.rows.size(), answer_max_rows);
  std::string ask = "Question: " + std::string{question} + "\nSQL: " + std::string{sql}
                    + "\nResult (" + std::to_string(rows.row_count) + " rows"
                    + (rows.truncated ? " or more" : "") + ", the first "
                    + std::to_string(shown) + " shown):\n" + table
                    + "Write the answer.";
  p.messages.push_back({"user", std::move(ask)});
  return p;
}

std::optional<std::string> answer_text(std::string_view reply) {
  auto b = reply.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos)
    return std::nullopt;
  auto e = reply.find_last_not_of(" \t\r\n");
  auto text = reply.substr(b, e - b + 1);
  if (text.size() > answer_max_reply || text.find("```") != std::string_view::npos
      || starts_with_word(text, "SELECT") || starts_with_word(text, "WITH"))
    return std::nullopt;
  std::string out;
  for (char c : text) // one paragraph
    out += c == '\n' || c == '\r' ? ' ' : c;
  return out;
}

} // namespace medha::llm
