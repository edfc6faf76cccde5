// What the shared data source selection cache keeps and keys on
// (actors/cache/source_cache.hpp), and the whole models the metadata cache
// keeps (messages/model_json.hpp).

#include <gtest/gtest.h>

#include "actors/cache/source_cache.hpp"
#include "actors/discovery/catalog.hpp"
#include "messages/model_json.hpp"
#include "tests/discovery/sample_models.hpp"

namespace medha::cache {
namespace {

std::vector<std::string> fingerprints(const std::vector<std::shared_ptr<const semantic_model>>& models) {
  std::vector<std::string> out;
  for (auto& m : models)
    out.push_back(source_fingerprint(*m));
  return out;
}

TEST(source_cache, a_ranking_comes_back_as_it_was_ranked) {
  discovery::catalog catalog;
  catalog.add(discovery::testing::sales_model());
  catalog.add(discovery::testing::support_model());
  auto ranked = catalog.rank("revenue by client");
  ASSERT_FALSE(ranked.sources.empty());
  ASSERT_FALSE(ranked.sources.front().tables.empty());
  auto back = decode_ranking(encode_ranking(ranked));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->clear_winner, ranked.clear_winner);
  ASSERT_EQ(back->sources.size(), ranked.sources.size());
  for (size_t i = 0; i < ranked.sources.size(); ++i) {
    auto& a = ranked.sources[i];
    auto& b = back->sources[i];
    EXPECT_EQ(b.data_source, a.data_source);
    EXPECT_EQ(b.description, a.description);
    EXPECT_DOUBLE_EQ(b.score, a.score);
    ASSERT_EQ(b.why.size(), a.why.size());
    ASSERT_EQ(b.tables.size(), a.tables.size());
    for (size_t j = 0; j < a.tables.size(); ++j) {
      EXPECT_EQ(b.tables[j].table, a.tables[j].table);
      EXPECT_DOUBLE_EQ(b.tables[j].score, a.tables[j].score);
      ASSERT_EQ(b.tables[j].why.size(), a.tables[j].why.size());
      for (size_t k = 0; k < a.tables[j].why.size(); ++k) {
        EXPECT_EQ(b.tables[j].why[k].word, a.tables[j].why[k].word);
        EXPECT_EQ(b.tables[j].why[k].hit, a.tables[j].why[k].hit);
      }
    }
  }
}

TEST(source_cache, what_is_not_a_ranking_is_a_miss) {
  EXPECT_FALSE(decode_ranking(""));
  EXPECT_FALSE(decode_ranking("[]"));
  EXPECT_FALSE(decode_ranking(R"({"sources":[]})"));
  EXPECT_FALSE(decode_ranking(R"({"clear_winner":true})"));
  EXPECT_FALSE(decode_ranking(R"({"clear_winner":true,"sources":[{"data_source":1}]})"));
  EXPECT_FALSE(decode_ranking(R"({"clear_winner":true,"sources":[{"data_source":"a","description":"",
                                  "score":1,"why":[{"word":"w"}],"tables":[]}]})"));
  auto empty = decode_ranking(R"({"clear_winner":false,"sources":[]})");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->sources.empty());
}

TEST(source_cache, the_key_follows_the_normalised_question_and_every_source) {
  auto sales = discovery::testing::sales_model();
  auto support = discovery::testing::support_model();
  auto both = fingerprints({sales, support});
  auto key = source_cache_key("Revenue by client?", both);
  EXPECT_EQ(key, source_cache_key("  revenue   BY client", both));
  EXPECT_NE(key, source_cache_key("revenue by region", both));
  EXPECT_NE(key, source_cache_key("Revenue by client?", fingerprints({sales})))
    << "a source more or less ranks otherwise";

  auto changed = std::make_shared<semantic_model>(*sales);
  changed->schema_version += 1;
  EXPECT_NE(key, source_cache_key("Revenue by client?", fingerprints({changed, support})));
  changed = std::make_shared<semantic_model>(*sales);
  changed->glossary.push_back({"patron", "customers", {}});
  EXPECT_NE(source_fingerprint(*changed), source_fingerprint(*sales)) << "a new business term";
  changed = std::make_shared<semantic_model>(*sales);
  changed->tables.front().row_estimate += 1000;
  EXPECT_EQ(source_fingerprint(*changed), source_fingerprint(*sales))
    << "the data growing does not change how the source ranks";
}

TEST(model_json, a_model_comes_back_whole) {
  auto model = *discovery::testing::sales_model();
  model.tables.front().derived = true;
  model.tables.front().columns.front().lookup_values = {"Lyon", "Pune"};
  auto back = decode_model(encode_model(model));
  ASSERT_TRUE(back);
  EXPECT_EQ(encode_model(*back), encode_model(model));
  EXPECT_TRUE(back->tables.front().derived);
  EXPECT_EQ(back->tables.front().columns.front().lookup_values, model.tables.front().columns.front().lookup_values);
  EXPECT_EQ(back->metrics.size(), model.metrics.size());
  EXPECT_FALSE(decode_model("not json"));
  EXPECT_FALSE(decode_model(R"({"tables":[{"name":7}]})"));
}

} // namespace
} // namespace medha::cache
