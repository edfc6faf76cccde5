// Rows marked as voided or deleted are left out by a rule the context adds:
// read from the column's name and its values, never from a table's name.
#include <gtest/gtest.h>

#include "actors/context/void_rows.hpp"

namespace medha {
namespace {

column_info column(std::string name, std::string type, column_role role, std::vector<std::string> values = {},
                   bool nullable = true) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.values = std::move(values);
  c.nullable = nullable;
  return c;
}

semantic_model with(std::vector<column_info> columns) {
  semantic_model m;
  table_info t;
  t.name = "pay_txn";
  t.columns = {column("txn_id", "integer", column_role::identifier, {}, false),
               column("amt", "numeric(9,2)", column_role::numeric)};
  for (auto& c : columns)
    t.columns.push_back(c);
  m.tables.push_back(t);
  return m;
}

TEST(void_rows, a_yes_no_flag_named_void_leaves_its_yes_rows_out) {
  auto m = with({column("void_flg", "character(1)", column_role::categorical, {"N", "Y"}, false)});
  ASSERT_EQ(add_void_row_rules(m), 1);
  EXPECT_EQ(m.rules[0].table, "pay_txn");
  EXPECT_EQ(m.rules[0].filter, "void_flg IS DISTINCT FROM 'Y'");
  EXPECT_NE(m.rules[0].description.find("pay txns"), std::string::npos) << m.rules[0].description;
}

TEST(void_rows, a_boolean_or_a_day_of_deleting_counts_too) {
  auto m = with({column("is_deleted", "boolean", column_role::boolean),
                 column("voided_at", "timestamp without time zone", column_role::time)});
  ASSERT_EQ(add_void_row_rules(m), 2);
  EXPECT_EQ(m.rules[0].filter, "is_deleted IS NOT TRUE");
  EXPECT_EQ(m.rules[1].filter, "voided_at IS NULL");
}

TEST(void_rows, del_is_deleted_only_on_a_yes_no_flag) {
  auto m = with({column("del_flag", "character(1)", column_role::categorical, {"N", "Y"}),
                 column("del_dt", "date", column_role::time)});
  ASSERT_EQ(add_void_row_rules(m), 1);
  EXPECT_EQ(m.rules[0].filter, "del_flag IS DISTINCT FROM 'Y'");
}

TEST(void_rows, other_columns_and_other_values_make_no_rule) {
  // Removed is an event (a trap taken away), not a record struck out; a flag
  // holding more than yes and no is not one to read; a day that every row
  // has cannot mark some of them.
  auto m = with({column("removed_dt", "date", column_role::time),
                 column("void_reason", "text", column_role::categorical, {"typo", "duplicate"}),
                 column("void_ind", "character(1)", column_role::categorical, {"Y", "N", "P"}),
                 column("deleted_on", "date", column_role::time, {}, false),
                 column("avoid_flag", "character(1)", column_role::categorical, {"Y", "N"})});
  EXPECT_EQ(add_void_row_rules(m), 0);
}

TEST(void_rows, a_rule_the_model_has_on_the_column_stands) {
  auto m = with({column("void_flg", "character(1)", column_role::categorical, {"N", "Y"})});
  m.rules.push_back({"pay_txn", "void_flg = 'N'", "only live transactions"});
  EXPECT_EQ(add_void_row_rules(m), 0);
  EXPECT_EQ(m.rules.size(), 1u);
}

} // namespace
} // namespace medha
