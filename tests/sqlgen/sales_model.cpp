#include "tests/sqlgen/sales_model.hpp"

namespace medha::sqlgen::testing {

namespace {

column_info col(std::string name, std::string type, column_role role, bool pk = false,
                std::vector<std::string> values = {}, std::string comment = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.primary_key = pk;
  c.nullable = !pk;
  c.values = std::move(values);
  c.comment = std::move(comment);
  return c;
}

table_info table(std::string name, std::vector<column_info> columns, int64_t rows) {
  table_info t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.row_estimate = rows;
  return t;
}

relationship fk(std::string from, std::string column, std::string to, std::string key) {
  return {std::move(from), {std::move(column)}, std::move(to), {std::move(key)}, false};
}

} // namespace

semantic_model sales_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "sales";
  m.description = "Orders of an online and in-store retailer";
  m.tables = {
    table("regions",
          {col("region_id", "integer", r::identifier, true),
           col("name", "text", r::categorical, false, {"North", "South", "East", "West", "Central"})},
          5),
    table("categories",
          {col("category_id", "integer", r::identifier, true),
           col("name", "text", r::categorical, false,
               {"Electronics", "Clothing", "Home & Garden", "Sports", "Books"})},
          5),
    table("products",
          {col("product_id", "integer", r::identifier, true), col("name", "text", r::text),
           col("category_id", "integer", r::identifier),
           col("unit_price", "numeric", r::numeric, false, {}, "List price of one unit"),
           col("cost", "numeric", r::numeric, false, {}, "What one unit costs us")},
          200),
    table("customers",
          {col("customer_id", "integer", r::identifier, true), col("name", "text", r::text),
           col("email", "text", r::text),
           col("segment", "text", r::categorical, false, {"Consumer", "Corporate", "Small Business"}),
           col("region_id", "integer", r::identifier), col("city", "text", r::categorical, false,
               {"Boston", "Chicago", "Denver", "Houston", "Seattle"}),
           col("signup_date", "date", r::time, false, {}, "Date the customer signed up")},
          1000),
    table("orders",
          {col("order_id", "integer", r::identifier, true),
           col("customer_id", "integer", r::identifier), col("order_date", "date", r::time),
           col("status", "text", r::categorical, false,
               {"completed", "shipped", "cancelled", "returned"}),
           col("channel", "text", r::categorical, false, {"online", "store", "partner"})},
          10000),
    table("order_items",
          {col("order_item_id", "integer", r::identifier, true),
           col("order_id", "integer", r::identifier), col("product_id", "integer", r::identifier),
           col("quantity", "integer", r::numeric), col("unit_price", "numeric", r::numeric),
           col("discount", "numeric", r::numeric)},
          30000),
  };
  m.relationships = {
    fk("products", "category_id", "categories", "category_id"),
    fk("customers", "region_id", "regions", "region_id"),
    fk("orders", "customer_id", "customers", "customer_id"),
    fk("order_items", "order_id", "orders", "order_id"),
    fk("order_items", "product_id", "products", "product_id"),
  };
  metric revenue;
  revenue.name = "revenue";
  revenue.expression = "SUM(order_items.quantity * order_items.unit_price)";
  revenue.table = "order_items";
  revenue.description = "Quantity times unit price";
  revenue.synonyms = {"sales", "turnover"};
  metric units;
  units.name = "units_sold";
  units.expression = "SUM(order_items.quantity)";
  units.table = "order_items";
  units.synonyms = {"units sold", "units"};
  m.metrics = {revenue, units};
  m.glossary = {
    {"client", "customers", {"clients", "buyer"}},
    {"item", "products", {}},
  };
  return m;
}

} // namespace medha::sqlgen::testing
