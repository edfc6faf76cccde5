#include <gtest/gtest.h>

#include "runtime/client/discovery_eval.hpp"

namespace medha::client {
namespace {

using tables = std::vector<std::string>;
using alternatives = std::vector<std::vector<std::string>>;

// -- gold_tables --

TEST(discovery_eval, gold_tables_reads_relations_through_aliases) {
  EXPECT_EQ(gold_tables("SELECT c.name, COUNT(*) FROM Customers AS c JOIN orders o "
                        "ON o.customer_id = c.id GROUP BY c.name"),
            (alternatives{{"customers", "orders"}}));
}

TEST(discovery_eval, gold_tables_finds_subqueries_and_drops_ctes) {
  auto gold = gold_tables(
    "WITH recent AS (SELECT * FROM sales WHERE sale_date > now() - interval '7 days'), "
    "top AS (SELECT salesperson_id FROM recent GROUP BY 1) "
    "SELECT s.name FROM salespersons s WHERE s.id IN (SELECT salesperson_id FROM top) "
    "AND EXISTS (SELECT 1 FROM cars WHERE cars.id = 1)");
  EXPECT_EQ(gold, (alternatives{{"cars", "sales", "salespersons"}}));
}

TEST(discovery_eval, gold_tables_replaces_braces) {
  // {} repeats the previous braces' content; the SQL only parses with it.
  EXPECT_EQ(gold_tables("SELECT {p.title, p.pid}, COUNT(*) FROM publication p GROUP BY {}"),
            (alternatives{{"publication"}}));
}

TEST(discovery_eval, gold_tables_keeps_each_alternative_once) {
  auto gold = gold_tables("SELECT name FROM author; SELECT a.name FROM author a;"
                          "SELECT a.name FROM author a JOIN writes w ON w.aid = a.aid; "
                          "SELECT 'x;y' FROM domain");
  EXPECT_EQ(gold, (alternatives{{"author"}, {"author", "writes"}, {"domain"}}));
}

TEST(discovery_eval, gold_tables_skips_what_does_not_parse) {
  EXPECT_EQ(gold_tables("SELEC nonsense FROM; SELECT 1 FROM flight"), (alternatives{{"flight"}}));
  EXPECT_TRUE(gold_tables("").empty());
  EXPECT_TRUE(gold_tables("SELECT 1").empty()); // no table: nothing to recall
}

// -- judge_discovery --

TEST(discovery_eval, judge_wants_the_source_first_and_its_tables_in_the_top_k) {
  std::vector<ranked_source> ranking{
    {"academic", {"publication", "writes", "author", "cite", "journal", "domain"}},
    {"scholar", {"paper", "author"}},
  };
  auto v = judge_discovery(ranking, "academic", {{"author", "publication", "writes"}});
  EXPECT_TRUE(v.source_top1);
  EXPECT_TRUE(v.table_recall);

  // The sixth table is past the cut-off.
  v = judge_discovery(ranking, "academic", {{"author", "domain"}});
  EXPECT_TRUE(v.source_top1);
  EXPECT_FALSE(v.table_recall);
  EXPECT_TRUE(judge_discovery(ranking, "academic", {{"author", "domain"}}, 6).table_recall);
}

TEST(discovery_eval, judge_counts_recall_of_a_source_ranked_lower) {
  std::vector<ranked_source> ranking{{"academic", {"author"}}, {"scholar", {"Paper", "writes"}}};
  auto v = judge_discovery(ranking, "scholar", {{"paper", "writes"}});
  EXPECT_FALSE(v.source_top1);
  EXPECT_TRUE(v.table_recall) << "table names compare case-insensitively";
}

TEST(discovery_eval, judge_accepts_any_alternative) {
  std::vector<ranked_source> ranking{{"atis", {"flight", "airline"}}};
  auto v = judge_discovery(ranking, "atis", {{"flight", "fare"}, {"airline", "flight"}});
  EXPECT_TRUE(v.table_recall);
}

TEST(discovery_eval, judge_without_source_or_gold_has_no_recall) {
  std::vector<ranked_source> ranking{{"yelp", {"review"}}};
  EXPECT_FALSE(judge_discovery(ranking, "atis", {{"review"}}).table_recall);
  EXPECT_FALSE(judge_discovery(ranking, "atis", {{"review"}}).source_top1);
  EXPECT_FALSE(judge_discovery(ranking, "yelp", {}).table_recall);
  EXPECT_FALSE(judge_discovery({}, "yelp", {{"review"}}).source_top1);
}

} // namespace
} // namespace medha::client
