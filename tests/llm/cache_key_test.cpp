// The shared SQL cache's key: equal for what must share SQL, different for
// anything that changes the SQL a model would write.

#include <gtest/gtest.h>

#include "actors/sqlgen/llm/cache_key.hpp"

namespace medha::llm {
namespace {

sql_cache_inputs base() {
  sql_cache_inputs in;
  in.question = "which customers are likely to churn";
  in.data_source = "sales";
  in.schema_version = 7;
  in.previous_query_json = "";
  in.model = "openai/fake-sql-1";
  return in;
}

TEST(sql_cache_key, the_same_inputs_give_the_same_key_of_32_hex_digits) {
  auto key = sql_cache_key(base());
  EXPECT_EQ(key, sql_cache_key(base()));
  ASSERT_EQ(key.size(), 32u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos) << key;
}

TEST(sql_cache_key, case_spacing_and_a_question_mark_do_not_change_it) {
  auto in = base();
  in.question = "  Which customers   are likely to CHURN? ";
  EXPECT_EQ(sql_cache_key(in), sql_cache_key(base()));
  EXPECT_EQ(normalised_question("  Which customers   are likely to CHURN? "),
            "which customers are likely to churn");
}

TEST(sql_cache_key, another_question_source_schema_context_model_or_examples_changes_it) {
  auto key = sql_cache_key(base());
  auto question = base();
  question.question = "which products are likely to churn";
  auto source = base();
  source.data_source = "support";
  auto schema = base();
  schema.schema_version = 8;
  auto previous = base();
  previous.previous_query_json = R"({"measures":["revenue"]})";
  auto model = base();
  model.model = "openai/fake-sql-2";
  auto examples = base();
  examples.examples = "who churned\x1fSELECT 1\x1e";
  for (auto* other : {&question, &source, &schema, &previous, &model, &examples})
    EXPECT_NE(sql_cache_key(*other), key);
}

TEST(sql_cache_key, parts_do_not_run_into_each_other) {
  // "sales" + "x" must not equal "sale" + "sx": each part carries its length.
  auto a = base();
  a.data_source = "sales";
  a.previous_query_json = "x";
  auto b = base();
  b.data_source = "sale";
  b.previous_query_json = "sx";
  EXPECT_NE(sql_cache_key(a), sql_cache_key(b));
}

} // namespace
} // namespace medha::llm
