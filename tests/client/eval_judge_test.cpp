#include <gtest/gtest.h>

#include "runtime/client/eval_judge.hpp"

namespace medha::client {
namespace {

result_table table(std::vector<std::string> cols, std::vector<std::vector<std::optional<std::string>>> rows) {
  return {std::move(cols), std::move(rows)};
}

TEST(eval_judge, expands_braces_and_alternatives) {
  auto q = expand_gold("SELECT {a.name, a.id}, COUNT(*) FROM a GROUP BY {};SELECT 1;");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0], "SELECT a.name, COUNT(*) FROM a GROUP BY a.name");
  EXPECT_EQ(q[1], "SELECT a.id, COUNT(*) FROM a GROUP BY a.id");
  EXPECT_EQ(q[2], "SELECT a.name, a.id, COUNT(*) FROM a GROUP BY a.name, a.id");
  EXPECT_EQ(q[3], "SELECT 1");
}

TEST(eval_judge, two_brace_groups_give_every_pair_of_subsets) {
  auto q = expand_gold("SELECT {r.code, r.name}, {d.given, d.family} FROM r JOIN d ON d.id = r.driver");
  ASSERT_EQ(q.size(), 9u);
  EXPECT_EQ(q[0], "SELECT r.code, d.given FROM r JOIN d ON d.id = r.driver");
  EXPECT_EQ(q[8], "SELECT r.code, r.name, d.given, d.family FROM r JOIN d ON d.id = r.driver");
  for (auto& s : q)
    EXPECT_EQ(s.find('{'), std::string::npos) << s;
}

TEST(eval_judge, commas_inside_a_call_belong_to_one_item) {
  auto q = expand_gold("SELECT {to_char(d, 'YYYY-MM'), sum(x)} FROM t GROUP BY 1");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0], "SELECT to_char(d, 'YYYY-MM') FROM t GROUP BY 1");
  EXPECT_EQ(q[1], "SELECT sum(x) FROM t GROUP BY 1");
  EXPECT_EQ(q[2], "SELECT to_char(d, 'YYYY-MM'), sum(x) FROM t GROUP BY 1");
}

TEST(eval_judge, semicolons_inside_quotes_do_not_split) {
  auto q = expand_gold("SELECT 'a;b' FROM t");
  ASSERT_EQ(q.size(), 1u);
}

TEST(eval_judge, extra_candidate_columns_and_row_order) {
  auto gold = table({"name", "n"}, {{"x", "1"}, {"y", "2"}});
  auto cand = table({"id", "n", "name"}, {{"9", "2", "y"}, {"8", "1", "x"}});
  EXPECT_TRUE(results_match(gold, cand, false));
  EXPECT_FALSE(results_match(gold, cand, true)) << "order counts when asked";
}

TEST(eval_judge, rows_must_align_not_just_columns) {
  auto gold = table({"name", "n"}, {{"x", "1"}, {"y", "2"}});
  auto cand = table({"name", "n"}, {{"x", "2"}, {"y", "1"}});
  EXPECT_FALSE(results_match(gold, cand, false));
}

TEST(eval_judge, numbers_to_tolerance_and_nulls) {
  auto gold = table({"v"}, {{"3.3333333333"}, {std::nullopt}});
  auto cand = table({"v"}, {{"3.33333334"}, {std::nullopt}});
  EXPECT_TRUE(results_match(gold, cand, false));
  auto off = table({"v"}, {{"3.34"}, {std::nullopt}});
  EXPECT_FALSE(results_match(gold, off, false));
}

TEST(eval_judge, a_month_as_first_day_or_label) {
  auto label = table({"m", "n"}, {{"2024-01", "5"}, {"2024-02", "7"}});
  auto stamp = table({"m", "n"}, {{"2024-01-01 00:00:00", "5"}, {"2024-02-01 00:00:00", "7"}});
  auto zoned = table({"m", "n"}, {{"2024-01-01 00:00:00+00", "5"}, {"2024-02-01 00:00:00+00", "7"}});
  auto day = table({"m", "n"}, {{"2024-01-01", "5"}, {"2024-02-01", "7"}});
  EXPECT_TRUE(results_match(stamp, label, false));
  EXPECT_TRUE(results_match(zoned, label, false));
  EXPECT_TRUE(results_match(day, label, false));
  EXPECT_TRUE(results_match(label, stamp, false));
  // A day that is not the first, or a time after midnight, is not a month.
  auto mid = table({"m", "n"}, {{"2024-01-15", "5"}, {"2024-02-01 09:30:00", "7"}});
  EXPECT_FALSE(results_match(mid, label, false));
  EXPECT_FALSE(results_match(stamp, table({"m", "n"}, {{"2024-01", "5"}, {"2024-03", "7"}}), false));
}

TEST(eval_judge, missing_column_or_rows_fail) {
  auto gold = table({"a", "b"}, {{"1", "2"}});
  EXPECT_FALSE(results_match(gold, table({"a"}, {{"1"}}), false));
  EXPECT_FALSE(results_match(gold, table({"a", "b"}, {{"1", "2"}, {"1", "2"}}), false));
}

TEST(eval_judge, order_detection) {
  EXPECT_TRUE(order_matters("Which are the top 3 authors?", "SELECT a FROM t ORDER BY b DESC LIMIT 3"));
  EXPECT_FALSE(order_matters("Which are the top 3 authors?", "SELECT a FROM t"));
  EXPECT_FALSE(order_matters("How many authors per year?", "SELECT y, count(*) FROM t GROUP BY y ORDER BY y"));
}

} // namespace
} // namespace medha::client
