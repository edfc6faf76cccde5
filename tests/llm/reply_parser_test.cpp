// How a model's reply is read: a table of replies and what they say.

#include <gtest/gtest.h>

#include "actors/sqlgen/llm/reply_parser.hpp"

namespace medha::llm {
namespace {

using kind = parsed_reply::kind;

struct reply_case {
  const char* reply;
  kind what;
  const char* sql_or_question;
};

const reply_case cases[] = {
  {"```sql\nSELECT 1;\n```", kind::sql, "SELECT 1"},
  {"Here is the query:\n\n```sql\nSELECT region, sum(total)\nFROM orders\nGROUP BY region\n```\nIt groups by region.",
   kind::sql, "SELECT region, sum(total)\nFROM orders\nGROUP BY region"},
  {"```SQL\nselect 2\n```", kind::sql, "select 2"},
  {"```postgresql\nSELECT 3\n```", kind::sql, "SELECT 3"},
  {"```\nSELECT 4\n```", kind::sql, "SELECT 4"},
  {"```python\nprint(1)\n```\n```sql\nSELECT 5\n```", kind::sql, "SELECT 5"},
  {"```sql\nSELECT 6\n```\n```sql\nSELECT 7\n```", kind::sql, "SELECT 6"},
  {"```sql\nSELECT 8", kind::sql, "SELECT 8"}, // a fence cut off by max_tokens
  {"SELECT count(*) FROM orders;;", kind::sql, "SELECT count(*) FROM orders"},
  {"  WITH t AS (SELECT 1) SELECT * FROM t  ", kind::sql, "WITH t AS (SELECT 1) SELECT * FROM t"},
  {"Do you mean revenue before or after discounts?", kind::clarify,
   "Do you mean revenue before or after discounts?"},
  {"Which year do you mean?\n", kind::clarify, "Which year do you mean?"},
  {"SELECT * FROM orders WHERE note = 'why?'", kind::sql, "SELECT * FROM orders WHERE note = 'why?'"},
  {"I think you want this.\nSELECT 1", kind::sql, "I think you want this.\nSELECT 1"}, // the guard judges it
  {"", kind::empty, ""},
  {"  \n ", kind::empty, ""},
  {"```sql\n\n```", kind::empty, ""},
};

TEST(reply_parser, reads_each_reply_as_sql_a_question_or_nothing) {
  for (auto& c : cases) {
    auto parsed = parse_reply(c.reply);
    EXPECT_EQ(parsed.what, c.what) << c.reply;
    EXPECT_EQ(parsed.what == kind::clarify ? parsed.question : parsed.sql, c.sql_or_question) << c.reply;
  }
}

} // namespace
} // namespace medha::llm
