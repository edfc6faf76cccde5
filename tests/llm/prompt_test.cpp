// What goes into a model's prompt: schema as DDL, business context, recent
// turns with their SQL, failed attempts; privacy; the token budget.

#include <gtest/gtest.h>

#include "actors/sqlgen/llm/prompt.hpp"
#include "tests/sqlgen/sales_model.hpp"

namespace medha::llm {
namespace {

std::string all_text(const built_prompt& p) {
  std::string out = p.chat.system + "\n";
  for (auto& m : p.chat.messages)
    out += m.role + ": " + m.content + "\n";
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct prompt_fixture : ::testing::Test {
  semantic_model model = sqlgen::testing::sales_model();
  result_set rows;
  prompt_input in;

  prompt_fixture() {
    model.tables[4].comment = "One row per order";
    model.rules.push_back({"orders", "orders.status <> 'cancelled'", "cancelled orders never count"});
    model.examples.push_back({"revenue per channel", "SELECT o.channel, SUM(i.quantity * i.unit_price) FROM orders o JOIN order_items i USING (order_id) GROUP BY 1"});
    rows.columns = {{"region", "text"}, {"revenue", "numeric"}};
    rows.rows = {{std::string{"West"}, std::string{"1234.50"}}, {std::string{"Secret Corp"}, std::nullopt}};
    in.model = &model;
    in.question = "which products sell best to clients in Boston";
    in.history = {{"total revenue", "SELECT SUM(quantity * unit_price) AS revenue FROM order_items"},
                  {"by region", "SELECT r.name, SUM(i.quantity * i.unit_price) FROM order_items i JOIN orders o USING (order_id) JOIN customers c USING (customer_id) JOIN regions r USING (region_id) GROUP BY 1"}};
    in.last_rows = &rows;
  }
};

TEST_F(prompt_fixture, holds_schema_context_history_and_rules) {
  auto p = build_prompt(in);
  ASSERT_TRUE(p.fits);
  auto text = all_text(p);
  EXPECT_TRUE(has(text, "CREATE TABLE public.orders ("));
  EXPECT_TRUE(has(text, "customer_id integer REFERENCES customers(customer_id)"));
  EXPECT_TRUE(has(text, "order_id integer PRIMARY KEY"));
  EXPECT_TRUE(has(text, "-- One row per order"));
  EXPECT_TRUE(has(text, "unit_price numeric, -- List price of one unit"));
  EXPECT_TRUE(has(text, "revenue = SUM(order_items.quantity * order_items.unit_price) (on order_items), also called sales, turnover"));
  EXPECT_TRUE(has(text, "\"client\", \"clients\", \"buyer\" means customers"));
  EXPECT_TRUE(has(text, "orders: orders.status <> 'cancelled' (cancelled orders never count)"));
  EXPECT_TRUE(has(text, "Q: revenue per channel"));
  EXPECT_TRUE(has(text, "PostgreSQL 15"));
  EXPECT_TRUE(has(text, "ILIKE"));
  // History: each earlier question as the user's, its SQL as the model's answer.
  ASSERT_EQ(p.chat.messages.size(), 5u);
  EXPECT_EQ(p.chat.messages[0].role, "user");
  EXPECT_EQ(p.chat.messages[0].content, "total revenue");
  EXPECT_EQ(p.chat.messages[1].role, "assistant");
  EXPECT_TRUE(has(p.chat.messages[1].content, "```sql\nSELECT SUM(quantity * unit_price)"));
  EXPECT_EQ(p.chat.messages.back().content, in.question);
  EXPECT_EQ(p.tokens, approx_tokens(p.chat.system) + [&] {
    size_t n = 0;
    for (auto& m : p.chat.messages)
      n += approx_tokens(m.content);
    return n;
  }());
  EXPECT_TRUE(p.trimmed.empty());
}

TEST_F(prompt_fixture, by_default_no_values_and_no_rows_reach_the_model) {
  auto text = all_text(build_prompt(in));
  for (auto* value : {"West", "Boston'", "'completed'", "Secret Corp", "1234.50", "values:"})
    EXPECT_FALSE(has(text, value)) << value;
  EXPECT_FALSE(build_prompt(in).data_shared);
}

TEST_F(prompt_fixture, allow_data_shares_values_and_the_last_rows) {
  in.allow_data = true;
  auto p = build_prompt(in);
  auto text = all_text(p);
  EXPECT_TRUE(has(text, "status text, -- values: 'completed', 'shipped', 'cancelled', 'returned'"));
  EXPECT_TRUE(has(text, "region | revenue\nWest | 1234.50\nSecret Corp | NULL"));
  EXPECT_TRUE(p.data_shared);
}

TEST_F(prompt_fixture, failed_attempts_go_back_with_their_errors) {
  in.failed = {{"SELECT pg_sleep(1)", "unsafe SQL (rule: function_not_allowed:pg_sleep)"},
               {"SELECT nme FROM products", "column \"nme\" does not exist"}};
  auto p = build_prompt(in);
  auto n = p.chat.messages.size();
  ASSERT_GE(n, 4u);
  EXPECT_EQ(p.chat.messages[n - 4].content, "```sql\nSELECT pg_sleep(1)\n```");
  EXPECT_TRUE(has(p.chat.messages[n - 3].content, "function_not_allowed:pg_sleep"));
  EXPECT_EQ(p.chat.messages[n - 2].role, "assistant");
  EXPECT_TRUE(has(p.chat.messages[n - 1].content, "column \"nme\" does not exist"));
  EXPECT_EQ(p.chat.messages.back().role, "user");
}

TEST_F(prompt_fixture, the_budget_drops_old_turns_then_examples_then_comments_then_unnamed_tables) {
  auto full = build_prompt(in);
  // Just under the full size: the oldest turn goes first.
  in.token_budget = full.tokens - 1;
  auto p = build_prompt(in);
  EXPECT_TRUE(p.fits);
  EXPECT_LE(p.tokens, in.token_budget);
  ASSERT_FALSE(p.trimmed.empty());
  EXPECT_EQ(p.trimmed.front(), "earlier turns (kept 1)");
  EXPECT_FALSE(has(all_text(p), "total revenue\n"));
  // Much smaller: tables the question does not name go, the named ones stay.
  in.history.clear();
  in.token_budget = approx_tokens(dialect_rules()) + 260;
  p = build_prompt(in);
  auto text = all_text(p);
  EXPECT_TRUE(p.fits) << p.tokens << " > " << p.budget;
  EXPECT_LE(p.tokens, in.token_budget);
  EXPECT_TRUE(has(text, "CREATE TABLE public.products"));
  EXPECT_FALSE(has(text, "List price of one unit")) << "comments went before tables";
  bool dropped_table = false;
  for (auto& t : p.trimmed)
    dropped_table |= t.rfind("table ", 0) == 0;
  EXPECT_TRUE(dropped_table);
  EXPECT_FALSE(has(text, "Q: revenue per channel"));
}

TEST_F(prompt_fixture, a_budget_nothing_fits_is_reported_not_sent) {
  in.token_budget = 50;
  auto p = build_prompt(in);
  EXPECT_FALSE(p.fits);
  EXPECT_GT(p.tokens, 50u);
  EXPECT_EQ(p.budget, 50u);
}

TEST(approx_tokens, is_characters_over_four_rounded_up) {
  EXPECT_EQ(approx_tokens(""), 0u);
  EXPECT_EQ(approx_tokens("abc"), 1u);
  EXPECT_EQ(approx_tokens("abcd"), 1u);
  EXPECT_EQ(approx_tokens("abcde"), 2u);
}

} // namespace
} // namespace medha::llm
