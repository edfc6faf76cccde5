#include "actors/discovery/catalog.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/discovery/sample_models.hpp"

namespace medha::discovery {
namespace {

class catalog_test : public ::testing::Test {
protected:
  void SetUp() override {
    cat.add(testing::sales_model());
    cat.add(testing::support_model());
    cat.add(testing::hr_model());
  }

  // True when some reason of the first source pairs `word` with exactly `hit`.
  static bool explains(const source_match& s, const std::string& word, const std::string& hit) {
    for (auto& t : s.tables)
      for (auto& r : t.why)
        if (r.word == word && r.hit == hit)
          return true;
    return false;
  }

  catalog cat;
};

TEST_F(catalog_test, lists_its_data_sources) {
  EXPECT_EQ(cat.data_sources(), (std::vector<std::string>{"sales", "support", "hr"}));
  EXPECT_EQ(cat.table_count(), 14u);
}

TEST_F(catalog_test, source_name_wins_clearly) {
  auto r = cat.rank("Show me sales data");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "sales");
  EXPECT_TRUE(r.clear_winner);
  ASSERT_FALSE(r.sources[0].why.empty());
  EXPECT_EQ(r.sources[0].why[0].word, "sales");
  EXPECT_EQ(r.sources[0].why[0].hit, "data source sales");
}

TEST_F(catalog_test, ticket_resolution_is_support) {
  auto r = cat.rank("average ticket resolution time");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "support");
  EXPECT_TRUE(r.clear_winner);
  ASSERT_FALSE(r.sources[0].tables.empty());
  EXPECT_EQ(r.sources[0].tables[0].table, "tickets");
  EXPECT_TRUE(explains(r.sources[0], "ticket", "table tickets"));
}

TEST_F(catalog_test, salary_by_department_is_hr) {
  auto r = cat.rank("salary by department");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "hr");
  EXPECT_TRUE(r.clear_winner);
  const auto& tables = r.sources[0].tables;
  ASSERT_GE(tables.size(), 3u);
  EXPECT_EQ(tables[0].table, "salaries");
  // employees joins the two, so it ranks among them.
  std::vector<std::string> next{tables[1].table, tables[2].table};
  std::sort(next.begin(), next.end());
  EXPECT_EQ(next, (std::vector<std::string>{"departments", "employees"}));
}

TEST_F(catalog_test, misspelled_table_matches_fuzzily) {
  auto r = cat.rank("custmers");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "sales");
  ASSERT_FALSE(r.sources[0].tables.empty());
  EXPECT_EQ(r.sources[0].tables[0].table, "customers");
  EXPECT_TRUE(explains(r.sources[0], "custmers", "table customers (fuzzy)"));
}

TEST_F(catalog_test, sampled_value_points_at_its_table) {
  auto r = cat.rank("orders from the West");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "sales");
  EXPECT_TRUE(explains(r.sources[0], "west", "value of regions.name"));

  auto only_value = cat.rank("West");
  ASSERT_FALSE(only_value.sources.empty());
  EXPECT_EQ(only_value.sources[0].tables.at(0).table, "regions");
}

TEST_F(catalog_test, metric_and_glossary_words_hit_their_table) {
  auto r = cat.rank("revenue by client");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "sales");
  EXPECT_TRUE(explains(r.sources[0], "revenue", "metric revenue"));
  EXPECT_TRUE(explains(r.sources[0], "client", "glossary client -> customers"));
}

TEST_F(catalog_test, bridge_table_ranks_up) {
  // orders joins customers (matched by "segment") and order_items (matched by
  // "discount") without matching a word itself.
  auto r = cat.rank("discount by segment");
  ASSERT_FALSE(r.sources.empty());
  const auto& tables = r.sources[0].tables;
  auto orders = std::find_if(tables.begin(), tables.end(),
                             [](const table_match& t) { return t.table == "orders"; });
  ASSERT_NE(orders, tables.end());
  ASSERT_FALSE(orders->why.empty());
  EXPECT_EQ(orders->why.back().word, "");
  EXPECT_EQ(orders->why.back().hit.rfind("joins ", 0), 0u);
}

TEST_F(catalog_test, greeting_has_no_winner) {
  auto r = cat.rank("hello");
  EXPECT_FALSE(r.clear_winner);
  EXPECT_TRUE(r.sources.empty());
  EXPECT_FALSE(cat.rank("").clear_winner);
}

TEST_F(catalog_test, shared_word_has_no_clear_winner) {
  // "status" is a column of both sales.orders and support.tickets.
  auto r = cat.rank("status");
  ASSERT_GE(r.sources.size(), 2u);
  EXPECT_FALSE(r.clear_winner);
}

TEST_F(catalog_test, max_tables_caps_each_source) {
  auto r = cat.rank("customers orders products regions categories", 2);
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].tables.size(), 2u);
}

TEST_F(catalog_test, remove_and_replace) {
  cat.remove("hr");
  EXPECT_EQ(cat.data_sources(), (std::vector<std::string>{"sales", "support"}));
  EXPECT_TRUE(cat.rank("salary by department").sources.empty());

  // Replacing a source keeps one entry and indexes the new model only.
  auto renamed = std::make_shared<semantic_model>(*testing::support_model());
  renamed->tables[3].name = "cases";
  cat.add(renamed);
  EXPECT_EQ(cat.data_sources(), (std::vector<std::string>{"sales", "support"}));
  auto r = cat.rank("cases");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].tables.at(0).table, "cases");
  EXPECT_EQ(cat.table_count(), 10u);
}

} // namespace
} // namespace medha::discovery
