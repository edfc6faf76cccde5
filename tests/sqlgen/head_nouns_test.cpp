// A kind-of-number noun right after a named number says what that number is
// ("the closing price"): it names no other table's column, and brings no
// join of its own.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

using testing::column;

semantic_model market_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "market";
  auto symbol = column("symbol", r::categorical);
  symbol.values = {"ACME", "GLOBEX"};
  m.tables = {
    testing::table("stocks", {column("stock_id", r::identifier, true), symbol, column("name", r::text)}),
    testing::table("daily_quotes", {column("stock_id", r::identifier), column("quote_date", r::time),
                                    column("close", r::numeric), column("volume", r::numeric)}),
    testing::table("trades", {column("trade_id", r::identifier, true), column("stock_id", r::identifier),
                              column("trade_price", r::numeric), column("shares", r::numeric)}),
  };
  m.relationships = {
    {"daily_quotes", {"stock_id"}, "stocks", {"stock_id"}, false},
    {"trades", {"stock_id"}, "stocks", {"stock_id"}, false},
  };
  return m;
}

TEST(head_nouns, the_closing_price_is_the_close) {
  auto plan = generate(market_model(), "What was the closing price of ACME on March 3, 2024?", "");
  EXPECT_EQ(testing::check(plan, {"", {q("daily_quotes.close"), q("stocks.symbol") + " = 'ACME'",
                                       q("daily_quotes.quote_date") + " >= '2024-03-03'"},
                                  {"trade_price", "\"trades\""}}),
            "");
}

TEST(head_nouns, a_price_alone_is_still_the_trades) {
  auto plan = generate(market_model(), "What is the average trade price of ACME?", "");
  EXPECT_EQ(testing::check(plan, {"", {"AVG(" + q("trades.trade_price") + ")"}}), "");
}

} // namespace
} // namespace medha::sqlgen
