// The prompt for the answer's sentence and how the reply is read
// (actors/sqlgen/llm/answer_prompt.hpp).

#include <gtest/gtest.h>

#include "actors/sqlgen/llm/answer_prompt.hpp"

namespace medha::llm {
namespace {

result_set regions(size_t n) {
  result_set rows;
  rows.columns = {{"region", "text"}, {"revenue", "numeric"}};
  for (size_t i = 0; i < n; ++i)
    rows.rows.push_back({"region " + std::to_string(i), std::to_string(1000 - i)});
  rows.row_count = n;
  return rows;
}

TEST(answer_prompt, holds_the_question_the_sql_and_the_first_rows_only) {
  auto p = answer_prompt("revenue by region", "SELECT region, sum(x) FROM t GROUP BY 1", regions(50));
  ASSERT_EQ(p.messages.size(), 1u);
  auto& ask = p.messages[0].content;
  EXPECT_NE(ask.find("Question: revenue by region"), std::string::npos);
  EXPECT_NE(ask.find("SELECT region, sum(x) FROM t GROUP BY 1"), std::string::npos);
  EXPECT_NE(ask.find("Result (50 rows, the first 20 shown)"), std::string::npos) << ask;
  EXPECT_NE(ask.find("region 19 | 981"), std::string::npos);
  EXPECT_EQ(ask.find("region 20 |"), std::string::npos) << "row 21 is not sent";
}

TEST(answer_prompt, long_cells_are_cut_to_the_bound) {
  auto rows = regions(20);
  for (auto& r : rows.rows)
    r[0] = std::string(1000, 'x');
  auto p = answer_prompt("q", "SELECT 1", rows);
  EXPECT_LT(p.messages[0].content.size(), answer_max_chars + 200);
}

TEST(answer_prompt, a_reply_is_a_sentence_or_nothing) {
  EXPECT_EQ(answer_text("  West leads.\nEast follows.\n"), "West leads. East follows.");
  EXPECT_FALSE(answer_text(" \n "));
  EXPECT_FALSE(answer_text("```sql\nSELECT 1\n```"));
  EXPECT_FALSE(answer_text("SELECT region FROM t"));
  EXPECT_FALSE(answer_text(std::string(answer_max_reply + 1, 'a')));
  EXPECT_EQ(answer_text("Selected regions grew."), "Selected regions grew.") << "a word, not SQL";
}

} // namespace
} // namespace medha::llm
