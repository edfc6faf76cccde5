// Introspection against a real PostgreSQL (tests/support/servers.hpp): a
// small shop schema with comments, declared and undeclared keys, an enum, a
// second schema and columns of every role.

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <string>

#include "actors/context/introspect.hpp"
#include "tests/support/servers.hpp"

namespace medha {
namespace {

using medha::testing::postgres_server;

constexpr const char* shop_db = "medha_introspect_shop";

class introspect_test : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto& pg = postgres_server::shared();
    pg.create_database(shop_db);
    pqxx::connection conn(pg.conninfo(shop_db));
    pqxx::work txn(conn);
    txn.exec(R"sql(
      CREATE TYPE order_status AS ENUM ('new', 'shipped', 'cancelled');
      CREATE TABLE customers (
        customer_id integer PRIMARY KEY,
        name text NOT NULL,
        country text,
        segment varchar(20),
        email text,
        signed_up date,
        vip boolean
      );
      COMMENT ON TABLE customers IS 'People who buy';
      COMMENT ON COLUMN customers.country IS 'Country name in English';
      INSERT INTO customers
        SELECT g, 'customer ' || g, (ARRAY['India', 'France', 'Peru'])[1 + g % 3],
               CASE WHEN g % 2 = 0 THEN 'retail' ELSE 'business' END,
               'c' || g || '@example.com', date '2024-01-01' + g, g % 5 = 0
        FROM generate_series(1, 60) g;

      CREATE TABLE products (id serial PRIMARY KEY, title text, category text, price numeric(10,2));
      INSERT INTO products (title, category, price)
        SELECT 'product ' || g, CASE WHEN g % 2 = 0 THEN 'fruit' ELSE 'tools' END, g * 1.5
        FROM generate_series(1, 5) g;

      -- No foreign key to customers: the join is inferred from the key name.
      CREATE TABLE orders (
        order_id bigint PRIMARY KEY,
        customer_id integer NOT NULL,
        ordered_at timestamptz,
        status order_status,
        total numeric(12,2),
        note text
      );
      INSERT INTO orders
        SELECT g, 1 + g % 60, now(), 'new', g * 10, repeat('long note ', 10) || (g % 2)
        FROM generate_series(1, 20) g;

      CREATE TABLE order_items (
        order_id bigint REFERENCES orders (order_id),
        product_id integer, -- inferred: products.id, by prefix
        quantity integer,
        PRIMARY KEY (order_id, product_id)
      );
      CREATE TABLE returns (
        id integer PRIMARY KEY,
        order_id bigint,
        product_id integer,
        reason text,
        FOREIGN KEY (order_id, product_id) REFERENCES order_items (order_id, product_id)
      );

      CREATE SCHEMA geo;
      CREATE TABLE geo.regions (region_code text PRIMARY KEY, label text);
      CREATE VIEW big_orders AS SELECT order_id, total FROM orders WHERE total > 100;
    )sql");
    txn.commit();
  }

  static data_source shop() { return {"shop", postgres_server::shared().conninfo(shop_db), "a shop", ""}; }

  static semantic_model introspect_ok(const data_source& src) {
    auto result = introspect(src);
    if (auto* err = std::get_if<medha_error>(&result)) {
      ADD_FAILURE() << "introspect failed: " << err->message;
      return {};
    }
    return std::get<semantic_model>(std::move(result));
  }

  static const column_info& column(const semantic_model& m, const std::string& table, const std::string& col) {
    auto* t = m.find_table(table);
    if (!t)
      throw std::runtime_error("no table " + table);
    auto* c = t->find_column(col);
    if (!c)
      throw std::runtime_error("no column " + table + "." + col);
    return *c;
  }

  static const relationship* find_relationship(const semantic_model& m, const std::string& from,
                                               const std::string& to) {
    for (auto& r : m.relationships)
      if (r.from_table == from && r.to_table == to)
        return &r;
    return nullptr;
  }
};

TEST_F(introspect_test, reads_tables_views_schemas_and_comments) {
  auto m = introspect_ok(shop());
  EXPECT_EQ(m.data_source, "shop");
  EXPECT_EQ(m.description, "a shop");
  for (auto name : {"customers", "products", "orders", "order_items", "returns", "regions", "big_orders"})
    EXPECT_NE(m.find_table(name), nullptr) << name;
  ASSERT_NE(m.find_table("regions"), nullptr);
  EXPECT_EQ(m.find_table("regions")->schema, "geo");
  EXPECT_EQ(m.find_table("customers")->schema, "public");
  EXPECT_EQ(m.find_table("customers")->comment, "People who buy");
  EXPECT_EQ(column(m, "customers", "country").comment, "Country name in English");
  EXPECT_EQ(m.find_table("customers")->row_estimate, 60);
  EXPECT_EQ(m.find_table("orders")->row_estimate, 20);
}

TEST_F(introspect_test, reads_column_types_nullability_and_keys) {
  auto m = introspect_ok(shop());
  auto& id = column(m, "customers", "customer_id");
  EXPECT_EQ(id.type, "integer");
  EXPECT_TRUE(id.primary_key);
  EXPECT_FALSE(id.nullable);
  EXPECT_FALSE(column(m, "customers", "name").nullable);
  EXPECT_TRUE(column(m, "customers", "email").nullable);
  EXPECT_EQ(column(m, "customers", "segment").type, "character varying(20)");
  EXPECT_EQ(column(m, "products", "price").type, "numeric(10,2)");
  EXPECT_EQ(column(m, "orders", "ordered_at").type, "timestamp with time zone");
  EXPECT_TRUE(column(m, "order_items", "order_id").primary_key);
  EXPECT_TRUE(column(m, "order_items", "product_id").primary_key);
  // Columns keep their table order.
  auto& cols = m.find_table("customers")->columns;
  ASSERT_EQ(cols.size(), 7u);
  EXPECT_EQ(cols.front().name, "customer_id");
  EXPECT_EQ(cols.back().name, "vip");
}

TEST_F(introspect_test, assigns_roles) {
  auto m = introspect_ok(shop());
  EXPECT_EQ(column(m, "customers", "customer_id").role, column_role::identifier);
  EXPECT_EQ(column(m, "customers", "name").role, column_role::text); // 60 distinct
  EXPECT_EQ(column(m, "customers", "email").role, column_role::text);
  EXPECT_EQ(column(m, "customers", "country").role, column_role::categorical);
  EXPECT_EQ(column(m, "customers", "segment").role, column_role::categorical);
  EXPECT_EQ(column(m, "customers", "signed_up").role, column_role::time);
  EXPECT_EQ(column(m, "customers", "vip").role, column_role::boolean);
  EXPECT_EQ(column(m, "orders", "customer_id").role, column_role::identifier); // by name
  EXPECT_EQ(column(m, "orders", "ordered_at").role, column_role::time);
  EXPECT_EQ(column(m, "orders", "status").role, column_role::categorical); // enum
  EXPECT_EQ(column(m, "orders", "total").role, column_role::numeric);
  EXPECT_EQ(column(m, "orders", "note").role, column_role::text); // 2 values, but over 80 chars
  EXPECT_EQ(column(m, "products", "price").role, column_role::numeric);
  EXPECT_EQ(column(m, "order_items", "quantity").role, column_role::numeric);
  EXPECT_EQ(column(m, "returns", "order_id").role, column_role::identifier); // FK
  EXPECT_EQ(column(m, "regions", "region_code").role, column_role::identifier); // text PK
  EXPECT_EQ(column(m, "returns", "reason").role, column_role::text); // empty table: nothing to sample
}

TEST_F(introspect_test, stores_low_cardinality_values) {
  auto m = introspect_ok(shop());
  EXPECT_EQ(column(m, "customers", "country").values, (std::vector<std::string>{"France", "India", "Peru"}));
  EXPECT_EQ(column(m, "customers", "segment").values, (std::vector<std::string>{"business", "retail"}));
  EXPECT_EQ(column(m, "products", "category").values, (std::vector<std::string>{"fruit", "tools"}));
  // Enum labels, in the enum's order, whether or not they occur.
  EXPECT_EQ(column(m, "orders", "status").values, (std::vector<std::string>{"new", "shipped", "cancelled"}));
  EXPECT_TRUE(column(m, "customers", "name").values.empty());
  EXPECT_TRUE(column(m, "orders", "note").values.empty());
  EXPECT_TRUE(column(m, "customers", "customer_id").values.empty());
}

TEST_F(introspect_test, finds_declared_relationships_including_multi_column) {
  auto m = introspect_ok(shop());
  auto* items = find_relationship(m, "order_items", "orders");
  ASSERT_NE(items, nullptr);
  EXPECT_FALSE(items->inferred);
  EXPECT_EQ(items->from_columns, std::vector<std::string>{"order_id"});
  EXPECT_EQ(items->to_columns, std::vector<std::string>{"order_id"});
  auto* returns = find_relationship(m, "returns", "order_items");
  ASSERT_NE(returns, nullptr);
  EXPECT_FALSE(returns->inferred);
  EXPECT_EQ(returns->from_columns, (std::vector<std::string>{"order_id", "product_id"}));
  EXPECT_EQ(returns->to_columns, (std::vector<std::string>{"order_id", "product_id"}));
}

TEST_F(introspect_test, infers_relationships_from_key_names) {
  auto m = introspect_ok(shop());
  auto* customer = find_relationship(m, "orders", "customers");
  ASSERT_NE(customer, nullptr);
  EXPECT_TRUE(customer->inferred);
  EXPECT_EQ(customer->from_columns, std::vector<std::string>{"customer_id"});
  EXPECT_EQ(customer->to_columns, std::vector<std::string>{"customer_id"});
  auto* product = find_relationship(m, "order_items", "products");
  ASSERT_NE(product, nullptr);
  EXPECT_TRUE(product->inferred);
  EXPECT_EQ(product->to_columns, std::vector<std::string>{"id"});
  // Nothing inferred where a foreign key is declared, nor backwards.
  EXPECT_EQ(find_relationship(m, "returns", "orders"), nullptr);
  EXPECT_EQ(find_relationship(m, "returns", "products"), nullptr);
  EXPECT_EQ(find_relationship(m, "customers", "orders"), nullptr);
  for (auto& r : m.relationships)
    EXPECT_NE(r.from_table, r.to_table);
}

TEST_F(introspect_test, schema_version_is_stable_and_tracks_structure) {
  auto& pg = postgres_server::shared();
  pg.create_database("medha_introspect_version");
  data_source src{"v", pg.conninfo("medha_introspect_version"), "", ""};
  {
    pqxx::connection conn(src.conninfo);
    pqxx::work txn(conn);
    txn.exec("CREATE TABLE t (id integer PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'a')");
    txn.commit();
  }
  auto first = introspect_ok(src).schema_version;
  EXPECT_NE(first, 0u);
  EXPECT_EQ(introspect_ok(src).schema_version, first);
  auto exec = [&](const std::string& sql) {
    pqxx::connection conn(src.conninfo);
    pqxx::work txn(conn);
    txn.exec(sql);
    txn.commit();
  };
  // Data and comments are not structure.
  exec("INSERT INTO t VALUES (2, 'b'); COMMENT ON TABLE t IS 'now documented'");
  EXPECT_EQ(introspect_ok(src).schema_version, first);
  exec("ALTER TABLE t ADD COLUMN price numeric");
  auto second = introspect_ok(src).schema_version;
  EXPECT_NE(second, first);
  exec("ALTER TABLE t ALTER COLUMN price TYPE bigint");
  EXPECT_NE(introspect_ok(src).schema_version, second);
}

// A copy whose rows end long ago counts periods from its last day; a live
// database (the shop's orders are dated today) from today.
TEST_F(introspect_test, a_copy_of_old_data_ends_on_its_last_day) {
  EXPECT_EQ(introspect_ok(shop()).data_ends, "");
  auto& pg = postgres_server::shared();
  pg.create_database("medha_introspect_copy");
  data_source src{"copy", pg.conninfo("medha_introspect_copy"), "", ""};
  {
    pqxx::connection conn(src.conninfo);
    pqxx::work txn(conn);
    // Bookings made up to 2019-06-28, one of them for a stay after that;
    // a membership that expires in 2090, long after today.
    txn.exec(R"sql(
      CREATE TABLE bookings (id integer PRIMARY KEY, made_on date, stay_on date, paid_at timestamp);
      INSERT INTO bookings SELECT g, date '2019-01-01' + g, date '2019-01-20' + g, timestamp '2019-01-02 10:00' + g * interval '1 day'
        FROM generate_series(0, 178) g;
      CREATE TABLE members (id integer PRIMARY KEY, joined date, expires date);
      INSERT INTO members VALUES (1, '2018-05-01', '2090-01-01'), (2, '2019-06-25', NULL);
    )sql");
    txn.commit();
  }
  // Latest days: made 2019-06-28, stay 2019-07-17, paid 2019-06-29, joined
  // 2019-06-25 (expires is after today): the median and a week after it.
  EXPECT_EQ(introspect_ok(src).data_ends, "2019-06-29");
}

TEST_F(introspect_test, unreachable_server_is_datasource_unavailable) {
  data_source src{"down", "host=127.0.0.1 port=1 dbname=x user=u password=sekret", "", ""};
  auto result = introspect(src);
  auto* err = std::get_if<medha_error>(&result);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->code, error_code::datasource_unavailable);
  EXPECT_NE(err->message.find("127.0.0.1:1"), std::string::npos) << err->message;
  EXPECT_EQ(err->message.find("sekret"), std::string::npos) << err->message;
}

TEST_F(introspect_test, missing_database_is_datasource_unavailable) {
  data_source src{"nodb", postgres_server::shared().conninfo("medha_no_such_database"), "", ""};
  auto result = introspect(src);
  auto* err = std::get_if<medha_error>(&result);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->code, error_code::datasource_unavailable);
  EXPECT_NE(err->message.find("medha_no_such_database"), std::string::npos) << err->message;
}

} // namespace
} // namespace medha
