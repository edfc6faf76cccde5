// The sql.run body decoder and its reply.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "messages/sql_run.hpp"

namespace medha {
namespace {

namespace json = boost::json;

TEST(sql_run_body, DecodesSourceAndSql) {
  auto r = decode_sql_run(R"({"v":1,"data_source":"sales","sql":"SELECT 1"})");
  ASSERT_TRUE(std::holds_alternative<sql_run_request>(r));
  EXPECT_EQ(std::get<sql_run_request>(r).data_source, "sales");
  EXPECT_EQ(std::get<sql_run_request>(r).sql, "SELECT 1");
}

TEST(sql_run_body, RefusesMalformedBodiesWithBadRequest) {
  std::string huge = R"({"data_source":"sales","sql":")" + std::string(max_sql_run_bytes + 1, 'x') + "\"}";
  for (std::string body : {std::string{"nope"}, std::string{"[]"}, std::string{R"({"sql":"SELECT 1"})"},
                           std::string{R"({"data_source":"a.b","sql":"SELECT 1"})"},
                           std::string{R"({"data_source":"sales"})"},
                           std::string{R"({"data_source":"sales","sql":null})"},
                           std::string{R"({"data_source":"sales","sql":"\n"})"},
                           std::string{R"({"data_source":"sales","sql":"SELECT 1","rows":9})"}, huge}) {
    auto r = decode_sql_run(body);
    ASSERT_TRUE(std::holds_alternative<medha_error>(r)) << body.substr(0, 80);
    EXPECT_EQ(std::get<medha_error>(r).code, error_code::bad_request);
    EXPECT_FALSE(std::get<medha_error>(r).message.empty());
  }
}

TEST(sql_run_body, ReplyCarriesTypedCells) {
  result_set rows;
  rows.columns = {{"region", "text"}, {"revenue", "numeric"}, {"n", "bigint"}, {"ok", "boolean"}};
  rows.rows = {{std::string{"West"}, std::string{"12.5"}, std::string{"3"}, std::string{"t"}},
               {std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
  rows.row_count = 2;
  auto v = json::parse(sql_run_reply("sales", rows)).as_object();
  EXPECT_EQ(v.at("data_source"), "sales");
  auto& first = v.at("rows").as_array().at(0).as_array();
  EXPECT_EQ(first.at(0), "West");
  EXPECT_EQ(first.at(1).as_double(), 12.5);
  EXPECT_EQ(first.at(2).as_int64(), 3);
  EXPECT_EQ(first.at(3).as_bool(), true);
  EXPECT_TRUE(v.at("rows").as_array().at(1).as_array().at(0).is_null());
  EXPECT_EQ(v.at("row_count").as_int64(), 2);
  EXPECT_FALSE(v.at("truncated").as_bool());
}

} // namespace
} // namespace medha
