#include <gtest/gtest.h>

#include "actors/discovery/catalog.hpp"
#include "tests/discovery/sample_models.hpp"

namespace medha::discovery {
namespace {

void expect_same(const discovery_result& a, const discovery_result& b) {
  EXPECT_EQ(a.clear_winner, b.clear_winner);
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (size_t i = 0; i < a.sources.size(); ++i) {
    const auto& x = a.sources[i];
    const auto& y = b.sources[i];
    EXPECT_EQ(x.data_source, y.data_source);
    EXPECT_DOUBLE_EQ(x.score, y.score);
    ASSERT_EQ(x.tables.size(), y.tables.size());
    for (size_t j = 0; j < x.tables.size(); ++j) {
      EXPECT_EQ(x.tables[j].table, y.tables[j].table);
      EXPECT_DOUBLE_EQ(x.tables[j].score, y.tables[j].score);
      ASSERT_EQ(x.tables[j].why.size(), y.tables[j].why.size());
      for (size_t k = 0; k < x.tables[j].why.size(); ++k)
        EXPECT_EQ(x.tables[j].why[k].hit, y.tables[j].why[k].hit);
    }
  }
}

TEST(catalog_persistence, round_trip_ranks_identically) {
  catalog original;
  original.add(testing::sales_model());
  original.add(testing::support_model());
  original.add(testing::hr_model());
  original.remove("support"); // a removal leaves orphan terms behind
  original.add(testing::support_model());

  auto saved = original.save();
  auto loaded = catalog::load(saved);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->data_sources(), original.data_sources());
  EXPECT_EQ(loaded->save(), saved);
  for (auto q : {"Show me sales data", "average ticket resolution time", "salary by department",
                 "custmers", "West", "hello", "revenue by client", "discount by segment",
                 "status of tickets"})
    expect_same(original.rank(q), loaded->rank(q));
  // The models come back whole, not only their indexed words.
  auto sales = loaded->model("sales");
  ASSERT_TRUE(sales);
  EXPECT_EQ(sales->metrics.at(0).expression, "SUM(quantity * unit_price * (1 - discount))");
  EXPECT_EQ(sales->rules.at(0).filter, "status <> 'cancelled'");
  EXPECT_EQ(sales->find_table("customers")->columns.at(3).role, column_role::categorical);
}

TEST(catalog_persistence, rejects_what_is_not_a_catalog) {
  EXPECT_FALSE(catalog::load(""));
  EXPECT_FALSE(catalog::load("not json"));
  EXPECT_FALSE(catalog::load("[]"));
  EXPECT_FALSE(catalog::load(R"({"format":"something.else","v":1,"sources":[]})"));
  EXPECT_FALSE(catalog::load(R"({"format":"medha.discovery.catalog","v":2,"sources":[]})"));
  EXPECT_FALSE(catalog::load(R"({"format":"medha.discovery.catalog","v":1,"sources":[1]})"));
  EXPECT_FALSE(catalog::load(
    R"({"format":"medha.discovery.catalog","v":1,"sources":[{"tables":[{"name":7}]}]})"));
  auto empty = catalog::load(R"({"format":"medha.discovery.catalog","v":1,"sources":[]})");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->data_sources().empty());
}

} // namespace
} // namespace medha::discovery
