// Rows as the shared result cache keeps them (actors/cache/result_cache).

#include <gtest/gtest.h>

#include "actors/cache/result_cache.hpp"

namespace medha::cache {
namespace {

TEST(result_codec, rows_come_back_as_they_went_in) {
  result_set rows;
  rows.columns = {{"region", "text"}, {"revenue", "numeric"}};
  rows.rows = {{std::string{"North \"East\""}, std::string{"12.50"}}, {std::nullopt, std::string{"0"}}};
  rows.row_count = 2;
  rows.truncated = true;
  auto back = decode_result(encode_result(rows));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->columns.size(), 2u);
  EXPECT_EQ(back->columns[1].name, "revenue");
  EXPECT_EQ(back->columns[1].type, "numeric");
  EXPECT_EQ(back->rows, rows.rows);
  EXPECT_EQ(back->row_count, 2u);
  EXPECT_TRUE(back->truncated);
}

TEST(result_codec, anything_else_is_a_miss) {
  for (auto* text : {"", "not json", "{}", R"({"columns":[["a","text"]],"rows":[[1]],"row_count":1,"truncated":false})",
                     R"({"columns":[["a","text"]],"rows":[["x","y"]],"row_count":1,"truncated":false})"})
    EXPECT_FALSE(decode_result(text)) << text;
}

TEST(result_codec, the_key_names_sql_source_and_schema) {
  auto key = result_cache_key("SELECT 1", "sales", 7);
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(key, result_cache_key("SELECT 1", "sales", 7));
  EXPECT_NE(key, result_cache_key("SELECT 2", "sales", 7));
  EXPECT_NE(key, result_cache_key("SELECT 1", "hr", 7));
  EXPECT_NE(key, result_cache_key("SELECT 1", "sales", 8));
}

} // namespace
} // namespace medha::cache
