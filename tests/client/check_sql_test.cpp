// `medha check-sql`: one verdict line per statement, offline.

#include <gtest/gtest.h>

#include <sstream>

#include "runtime/client/check_sql.hpp"

namespace medha::client {
namespace {

TEST(check_sql_command, prints_one_verdict_per_statement_and_skips_comments) {
  std::istringstream in("-- a comment\n"
                        "SELECT 1\n"
                        "\n"
                        "   \n"
                        "DELETE FROM t\n"
                        "SELECT * FROM pg_stat_activity\n"
                        "SELECT version()\n"
                        "SELECT lower(name) FROM t WHERE x ILIKE '%a%'\n"
                        "SELEC 1\n");
  std::ostringstream out;
  EXPECT_EQ(run_check_sql({}, in, out), 1);
  EXPECT_EQ(out.str(), "accept\n"
                       "reject not_select\n"
                       "reject relation_not_allowed:pg_stat_activity\n"
                       "reject function_not_allowed:version\n"
                       "accept\n"
                       "reject syntax_error\n");
}

TEST(check_sql_command, all_accepted_exits_zero) {
  std::istringstream in("SELECT 1\nWITH a AS (SELECT 2) SELECT * FROM a\n");
  std::ostringstream out;
  EXPECT_EQ(run_check_sql({}, in, out), 0);
  EXPECT_EQ(out.str(), "accept\naccept\n");
}

TEST(check_sql_command, tables_limit_the_relations) {
  std::istringstream in("SELECT * FROM orders\nSELECT * FROM payroll\nSELECT * FROM sales.x\n");
  std::ostringstream out;
  EXPECT_EQ(run_check_sql({"--tables", "orders,sales.x"}, in, out), 1);
  EXPECT_EQ(out.str(), "accept\nreject relation_not_allowed:payroll\naccept\n");
  std::istringstream none("");
  EXPECT_EQ(run_check_sql({"--bogus"}, none, out), 2);
}

} // namespace
} // namespace medha::client
