// The pure rules behind introspection: roles, inferred joins, schema version.

#include <gtest/gtest.h>

#include "actors/context/column_roles.hpp"
#include "actors/context/infer_relationships.hpp"
#include "actors/context/schema_version.hpp"

namespace medha {
namespace {

TEST(column_roles, follow_the_documented_order) {
  EXPECT_EQ(assign_role({"created_at", "timestamp without time zone", 'D'}), column_role::time);
  EXPECT_EQ(assign_role({"day", "date", 'D', true}), column_role::time); // time beats key
  EXPECT_EQ(assign_role({"active", "boolean", 'B'}), column_role::boolean);
  EXPECT_EQ(assign_role({"sku", "text", 'S', true}), column_role::identifier);          // primary key
  EXPECT_EQ(assign_role({"owner", "integer", 'N', false, true}), column_role::identifier); // foreign key
  EXPECT_EQ(assign_role({"id", "bigint", 'N'}), column_role::identifier);
  EXPECT_EQ(assign_role({"customer_id", "integer", 'N'}), column_role::identifier);
  EXPECT_EQ(assign_role({"zip_code", "integer", 'N'}), column_role::identifier);
  EXPECT_EQ(assign_role({"session_key", "uuid", 'U'}), column_role::identifier);
  EXPECT_EQ(assign_role({"amount_id", "numeric(10,2)", 'N'}), column_role::numeric); // not an integer key
  EXPECT_EQ(assign_role({"price", "numeric(10,2)", 'N'}), column_role::numeric);
  EXPECT_EQ(assign_role({"ratio", "double precision", 'N'}), column_role::numeric);
  EXPECT_EQ(assign_role({"country_code", "text", 'S', false, false, true}), column_role::categorical);
  EXPECT_EQ(assign_role({"status", "order_status", 'E'}), column_role::categorical);
  EXPECT_EQ(assign_role({"name", "text", 'S'}), column_role::text);
  EXPECT_EQ(assign_role({"payload", "jsonb", 'U'}), column_role::text);
}

TEST(column_roles, key_names) {
  EXPECT_TRUE(has_key_name("id"));
  EXPECT_TRUE(has_key_name("Customer_ID"));
  EXPECT_TRUE(has_key_name("api_key"));
  EXPECT_TRUE(has_key_name("zip_code"));
  EXPECT_FALSE(has_key_name("_id"));
  EXPECT_FALSE(has_key_name("idea"));
  EXPECT_FALSE(has_key_name("paid"));
}

table_info table(const std::string& name, std::vector<column_info> columns) {
  table_info t;
  t.name = name;
  t.columns = std::move(columns);
  return t;
}

column_info col(const std::string& name, const std::string& type, bool pk = false) {
  column_info c;
  c.name = name;
  c.type = type;
  c.primary_key = pk;
  return c;
}

TEST(infer_relationships, same_name_prefix_and_ambiguity) {
  std::vector<table_info> tables = {
    table("customers", {col("customer_id", "integer", true), col("name", "text")}),
    table("categories", {col("id", "integer", true)}),
    table("products", {col("id", "bigint", true), col("category_id", "integer")}),
    table("orders", {col("id", "integer", true), col("customer_id", "bigint"), col("product_id", "integer"),
                     col("note_id", "integer")}),
    table("customer_details", {col("customer_id", "integer", true)}),
    table("shipments", {col("id", "integer", true), col("order_id", "text")}), // type mismatch
  };
  unique_columns unique = {{"customers", "customer_id"}, {"categories", "id"}, {"products", "id"},
                           {"orders", "id"}, {"customer_details", "customer_id"}, {"shipments", "id"}};
  auto edges = infer_relationships(tables, {}, unique);
  auto has = [&](const std::string& from, const std::string& column, const std::string& to,
                 const std::string& to_column) {
    for (auto& r : edges)
      if (r.from_table == from && r.from_columns == std::vector<std::string>{column} && r.to_table == to
          && r.to_columns == std::vector<std::string>{to_column} && r.inferred)
        return true;
    return false;
  };
  EXPECT_TRUE(has("orders", "customer_id", "customers", "customer_id")); // same name beats customer_details
  EXPECT_TRUE(has("orders", "product_id", "products", "id"));           // prefix, integer family
  EXPECT_TRUE(has("products", "category_id", "categories", "id"));      // y -> ies
  EXPECT_TRUE(has("customer_details", "customer_id", "customers", "customer_id")); // 1:1 by prefix
  EXPECT_FALSE(has("customers", "customer_id", "customer_details", "customer_id"));
  EXPECT_FALSE(has("shipments", "order_id", "orders", "id"));
  EXPECT_EQ(edges.size(), 4u);
}

TEST(infer_relationships, declared_keys_are_not_duplicated) {
  std::vector<table_info> tables = {
    table("customers", {col("id", "integer", true)}),
    table("orders", {col("id", "integer", true), col("customer_id", "integer")}),
  };
  unique_columns unique = {{"customers", "id"}, {"orders", "id"}};
  std::vector<relationship> declared = {{"orders", {"customer_id"}, "customers", {"id"}, false}};
  EXPECT_TRUE(infer_relationships(tables, declared, unique).empty());
  EXPECT_EQ(infer_relationships(tables, {}, unique).size(), 1u);
}

TEST(schema_version, ignores_order_comments_and_values_but_not_structure) {
  std::vector<table_info> a = {table("a", {col("id", "integer", true)}), table("b", {col("x", "text")})};
  std::vector<table_info> b = {a[1], a[0]};
  b[0].comment = "changed";
  b[0].columns[0].values = {"v"};
  b[0].row_estimate = 99;
  EXPECT_EQ(compute_schema_version(a, {}), compute_schema_version(b, {}));
  std::vector<relationship> inferred = {{"b", {"x"}, "a", {"id"}, true}};
  EXPECT_EQ(compute_schema_version(a, {}), compute_schema_version(a, inferred));
  std::vector<relationship> declared = {{"b", {"x"}, "a", {"id"}, false}};
  EXPECT_NE(compute_schema_version(a, {}), compute_schema_version(a, declared));
  auto c = a;
  c[1].columns[0].type = "character varying";
  EXPECT_NE(compute_schema_version(a, {}), compute_schema_version(c, {}));
  auto d = a;
  d[1].columns.push_back(col("y", "text"));
  EXPECT_NE(compute_schema_version(a, {}), compute_schema_version(d, {}));
  // An empty schema hashes to the FNV-1a offset basis: no per-process seed.
  EXPECT_EQ(compute_schema_version({}, {}), 14695981039346656037ull);
}

} // namespace
} // namespace medha
