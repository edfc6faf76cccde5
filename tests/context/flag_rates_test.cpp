// A yes/no outcome's rate: a metric per outcome flag, none for flags that
// keep rows in or out, none where the words already name a column.
#include <gtest/gtest.h>

#include <algorithm>

#include "actors/context/flag_rates.hpp"

namespace medha {
namespace {

column_info flag(const std::string& name, const std::string& type = "boolean") {
  column_info c;
  c.name = name;
  c.type = type;
  c.role = column_role::boolean;
  return c;
}

const metric* named(const semantic_model& m, const std::string& name) {
  auto it = std::find_if(m.metrics.begin(), m.metrics.end(), [&](const metric& x) { return x.name == name; });
  return it == m.metrics.end() ? nullptr : &*it;
}

TEST(flag_rates, an_outcome_flag_gets_the_percentage_of_rows_it_is_set_on) {
  semantic_model m;
  table_info t;
  t.name = "delivery";
  t.columns = {flag("was_late"), flag("is_deleted"), flag("active"), flag("signed_yn", "character(1)"),
               flag("discounted")};
  t.columns[3].values = {"Y", "N"};
  column_info rate;
  rate.name = "discount_rate";
  rate.type = "numeric";
  rate.role = column_role::numeric;
  t.columns.push_back(rate);
  m.tables = {t};
  EXPECT_EQ(add_flag_rates(m), 2);
  auto* late = named(m, "late rate");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->table, "delivery");
  EXPECT_EQ(late->expression, "100.0 * AVG(CASE WHEN delivery.was_late THEN 1 ELSE 0 END)");
  // A flag kept as text is set where it says yes.
  auto* signed_rate = named(m, "signed rate");
  ASSERT_NE(signed_rate, nullptr);
  EXPECT_EQ(signed_rate->expression, "100.0 * AVG(CASE WHEN delivery.signed_yn = 'Y' THEN 1 ELSE 0 END)");
  // Soft deletes and live marks keep rows out; "discounted rate" is the
  // discount_rate column's name.
  EXPECT_EQ(named(m, "deleted rate"), nullptr);
  EXPECT_EQ(named(m, "active rate"), nullptr);
  EXPECT_EQ(named(m, "discounted rate"), nullptr);
}

} // namespace
} // namespace medha
