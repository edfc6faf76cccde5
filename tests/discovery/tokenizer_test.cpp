#include "actors/discovery/tokenizer.hpp"

#include <gtest/gtest.h>

#include "actors/discovery/stemmer.hpp"

namespace medha::discovery {
namespace {

std::vector<std::string> terms(std::string_view text, text_kind kind = text_kind::schema) {
  std::vector<std::string> out;
  tokenize_terms(text, kind, out);
  return out;
}

std::string stemmed(std::string w) {
  stem(w);
  return w;
}

TEST(tokenizer, splits_snake_and_camel_case) {
  EXPECT_EQ(terms("signup_date"), (std::vector<std::string>{"signup", "date"}));
  EXPECT_EQ(terms("orderDate"), (std::vector<std::string>{"order", "date"}));
  EXPECT_EQ(terms("HTTPServer"), (std::vector<std::string>{"http", "server"}));
  EXPECT_EQ(terms("address2 line"), (std::vector<std::string>{"address", "line"}));
}

TEST(tokenizer, drops_stop_words_by_kind) {
  EXPECT_EQ(terms("Show me the total sales data", text_kind::question),
            (std::vector<std::string>{"sale"}));
  // Schema text keeps "total": total_amount must stay findable by its words.
  EXPECT_EQ(terms("total_amount"), (std::vector<std::string>{"total", "amount"}));
}

TEST(tokenizer, keeps_the_original_word) {
  std::vector<token> out;
  tokenize("Custmers in West", text_kind::question, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].word, "custmers");
  EXPECT_EQ(out[0].term, "custmer");
  EXPECT_EQ(out[1].word, "west");
}

TEST(stemmer, joins_plurals_and_verb_forms) {
  EXPECT_EQ(stemmed("customers"), stemmed("customer"));
  EXPECT_EQ(stemmed("categories"), stemmed("category"));
  EXPECT_EQ(stemmed("salaries"), "salary");
  EXPECT_EQ(stemmed("boxes"), "box");
  EXPECT_EQ(stemmed("ordered"), "order");
  EXPECT_EQ(stemmed("ordering"), "order");
  EXPECT_EQ(stemmed("shipped"), "ship");
  EXPECT_EQ(stemmed("pricing"), stemmed("prices"));
  EXPECT_EQ(stemmed("resolved"), stemmed("resolve"));
  EXPECT_EQ(stemmed("employees"), stemmed("employee"));
  // A silent e comes back: "hired" meets hire_date, "dated" meets date.
  EXPECT_EQ(stemmed("hired"), stemmed("hire"));
  EXPECT_EQ(stemmed("hiring"), stemmed("hire"));
  EXPECT_EQ(stemmed("dated"), stemmed("date"));
  EXPECT_EQ(stemmed("priced"), stemmed("price"));
  EXPECT_EQ(stemmed("joined"), "join");
  EXPECT_EQ(stemmed("opened"), "open");
}

TEST(stemmer, leaves_short_words_and_s_endings_alone) {
  EXPECT_EQ(stemmed("status"), "status");
  EXPECT_EQ(stemmed("analysis"), "analysis");
  EXPECT_EQ(stemmed("address"), "address");
  EXPECT_EQ(stemmed("sales"), "sale");
  EXPECT_EQ(stemmed("id"), "id");
  EXPECT_EQ(stemmed("2024"), "2024");
}

} // namespace
} // namespace medha::discovery
