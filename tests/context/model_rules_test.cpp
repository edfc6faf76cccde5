// The pure rules behind introspection: roles, inferred joins, schema version.

#include <gtest/gtest.h>

#include "actors/context/column_roles.hpp"
#include "actors/context/infer_relationships.hpp"
#include "actors/context/line_revenue.hpp"
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

// A text flag: a yes and a no of one spelling, both there, nothing else.
TEST(column_roles, yes_no_text_flags) {
  auto flag = [](std::vector<std::string> values) {
    column_info c;
    c.name = "key_acct";
    c.type = "character(1)";
    c.values = std::move(values);
    return c;
  };
  EXPECT_TRUE(holds_yes_no(flag({"Y", "N"})));
  EXPECT_TRUE(holds_yes_no(flag({"no", "yes"})));
  EXPECT_TRUE(holds_yes_no(flag({"F", "T"})));
  EXPECT_FALSE(holds_yes_no(flag({"Y"})));           // one side only: nothing to tell apart
  EXPECT_FALSE(holds_yes_no(flag({"Y", "N", "P"}))); // a third state
  EXPECT_FALSE(holds_yes_no(flag({"Y", "F"})));      // two spellings
  EXPECT_FALSE(holds_yes_no(flag({"M", "F"})));
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

// Integer columns described as Unix epoch seconds are times; other units,
// other types and undescribed integers are not.
TEST(column_roles, epoch_seconds_from_the_description) {
  auto described = [](const std::string& type, const std::string& comment) {
    column_info c;
    c.name = "departure_time";
    c.type = type;
    c.comment = comment;
    return c;
  };
  EXPECT_TRUE(holds_epoch_seconds(described("bigint", "Epoch timestamp for departure time")));
  EXPECT_TRUE(holds_epoch_seconds(described("integer", "Departure, in Unix time")));
  EXPECT_TRUE(holds_epoch_seconds(described("numeric", "seconds since the EPOCH")));
  EXPECT_FALSE(holds_epoch_seconds(described("bigint", "Epoch time in milliseconds")));
  EXPECT_FALSE(holds_epoch_seconds(described("bigint", "microseconds since the epoch")));
  EXPECT_FALSE(holds_epoch_seconds(described("text", "Epoch timestamp for departure time")));
  EXPECT_FALSE(holds_epoch_seconds(described("bigint", "Scheduled departure, local time")));
  EXPECT_FALSE(holds_epoch_seconds(described("integer", "")));
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

bool has_edge(const std::vector<join_candidate>& edges, const std::string& from, const std::string& column,
              const std::string& to, const std::string& to_column, join_evidence evidence) {
  for (auto& c : edges)
    if (c.edge.from_table == from && c.edge.from_columns == std::vector<std::string>{column}
        && c.edge.to_table == to && c.edge.to_columns == std::vector<std::string>{to_column} && c.edge.inferred
        && c.evidence == evidence)
      return true;
  return false;
}

// Undeclared schemas (defog's academic, atis, restaurants, broker): own key
// names, roles, column-prefix conventions and the data's uniqueness.
TEST(infer_relationships, undeclared_keys_by_name_role_and_data) {
  std::vector<table_info> tables = {
    table("author", {col("aid", "bigint"), col("name", "text")}),
    table("writes", {col("aid", "bigint"), col("pid", "bigint")}),
    table("publication", {col("pid", "bigint"), col("year", "bigint")}),
    table("paper", {col("paperid", "bigint")}),
    table("cite", {col("citingpaperid", "bigint"), col("citedpid", "bigint")}), // "pid": too short a suffix
    table("airport", {col("airport_code", "text")}),
    table("flight", {col("from_airport", "text"), col("plan_units", "integer"), col("year", "bigint"),
                     col("seats_on_airport", "text")}),
    table("units", {col("unit_id", "integer")}),
    table("restaurant", {col("id", "bigint"), col("city_name", "text")}),
    table("location", {col("restaurant_id", "bigint"), col("city_name", "text")}),
    table("geographic", {col("city_name", "text")}),
    table("sbcustomer", {col("sbcustid", "text", true), col("sbcustname", "text")}),
    table("sbtransaction", {col("sbtxid", "text", true), col("sbtxcustid", "text")}),
  };
  unique_columns unique = {{"sbcustomer", "sbcustid"}, {"sbtransaction", "sbtxid"}};
  auto names = join_candidates(tables, {}, unique, {});
  EXPECT_TRUE(has_edge(names, "writes", "aid", "author", "aid", join_evidence::names)); // a + id names author
  EXPECT_TRUE(has_edge(names, "writes", "pid", "publication", "pid", join_evidence::names));
  EXPECT_TRUE(has_edge(names, "location", "restaurant_id", "restaurant", "id", join_evidence::names));
  EXPECT_TRUE(has_edge(names, "cite", "citingpaperid", "paper", "paperid", join_evidence::role_names));
  EXPECT_TRUE(has_edge(names, "flight", "from_airport", "airport", "airport_code", join_evidence::role_names));
  EXPECT_TRUE(has_edge(names, "sbtransaction", "sbtxcustid", "sbcustomer", "sbcustid", join_evidence::role_names));
  for (auto& c : names) {
    EXPECT_NE(c.edge.from_columns[0], "plan_units"); // a plural counts, it does not name a row
    EXPECT_NE(c.edge.from_columns[0], "seats_on_airport"); // a phrase about the rows, no role
    EXPECT_NE(c.edge.from_columns[0], "city_name");  // unique nowhere without data
    EXPECT_NE(c.edge.from_columns[0], "year");
    EXPECT_NE(c.edge.from_columns[0], "citedpid");
  }
  EXPECT_EQ(infer_relationships(tables, {}, unique).size(), names.size()); // no data-only edges

  // The data: geographic.city_name is unique, the others repeat; "year" is
  // unique in publication but generic. A shared column unique on both sides
  // joins nothing; an own key the data shows duplicated is no key.
  data_uniqueness data = {{{"geographic", "city_name"}, true}, {{"restaurant", "city_name"}, false},
                          {{"location", "city_name"}, false}, {{"publication", "year"}, true},
                          {{"flight", "year"}, false}, {{"author", "aid"}, false}};
  auto with_data = join_candidates(tables, {}, unique, data);
  EXPECT_TRUE(has_edge(with_data, "restaurant", "city_name", "geographic", "city_name", join_evidence::data));
  EXPECT_TRUE(has_edge(with_data, "location", "city_name", "geographic", "city_name", join_evidence::data));
  for (auto& c : with_data) {
    EXPECT_NE(c.edge.from_columns[0], "year");
    EXPECT_NE(c.edge.to_table, "author");
  }
  data[{"restaurant", "city_name"}] = true;
  for (auto& c : join_candidates(tables, {}, unique, data))
    EXPECT_FALSE(c.edge.from_table == "restaurant" && c.edge.from_columns[0] == "city_name");
}

TEST(infer_relationships, described_references) {
  semantic_model m;
  m.tables = {
    table("publication", {col("pid", "bigint"), col("title", "text")}),
    table("cite", {col("cited", "bigint"), col("citing", "bigint"), col("note", "text")}),
    table("course_offering", {col("offering_id", "bigint")}),
    table("course", {col("course_id", "bigint")}),
  };
  m.tables[1].columns[0].comment = "ID of the publication being cited";
  m.tables[1].columns[1].comment = "ID of a publication or a course"; // two tables: ambiguous
  m.tables[1].columns[2].comment = "Free text about the publication";  // no reference cue
  m.tables[2].columns[0].comment = "Unique identifier for the course offering"; // its own key
  EXPECT_EQ(add_described_relationships(m), 1u);
  ASSERT_EQ(m.relationships.size(), 1u);
  EXPECT_EQ(m.relationships[0].from_table, "cite");
  EXPECT_EQ(m.relationships[0].from_columns, std::vector<std::string>{"cited"});
  EXPECT_EQ(m.relationships[0].to_table, "publication");
  EXPECT_EQ(m.relationships[0].to_columns, std::vector<std::string>{"pid"});
  EXPECT_TRUE(m.relationships[0].inferred);
  EXPECT_EQ(add_described_relationships(m), 0u); // idempotent
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

namespace medha {
namespace {

column_info numeric_col(const std::string& name, const std::string& type = "numeric", const std::string& comment = "") {
  column_info c;
  c.name = name;
  c.type = type;
  c.role = column_role::numeric;
  c.comment = comment;
  return c;
}

TEST(line_revenue, quantity_times_price_less_a_fractional_discount) {
  semantic_model m;
  table_info lines;
  lines.name = "invoice_items";
  lines.columns = {numeric_col("quantity", "integer"), numeric_col("unit_price"), numeric_col("discount", "real")};
  m.tables = {lines};
  ASSERT_TRUE(add_line_revenue(m));
  ASSERT_EQ(m.metrics.size(), 1u);
  EXPECT_EQ(m.metrics[0].name, "revenue");
  EXPECT_EQ(m.metrics[0].expression,
            "SUM(invoice_items.quantity * invoice_items.unit_price * (1 - invoice_items.discount))");
  // Defined already, or a discount in percent, or two tables of lines: nothing guessed.
  EXPECT_FALSE(add_line_revenue(m));
  semantic_model percent;
  lines.columns[2] = numeric_col("discount", "numeric", "Percent off the list price");
  percent.tables = {lines};
  EXPECT_FALSE(add_line_revenue(percent));
  semantic_model two;
  lines.columns.pop_back();
  two.tables = {lines, lines};
  two.tables[1].name = "order_items";
  EXPECT_FALSE(add_line_revenue(two));
  semantic_model gross;
  gross.tables = {lines};
  ASSERT_TRUE(add_line_revenue(gross));
  EXPECT_EQ(gross.metrics[0].expression, "SUM(invoice_items.quantity * invoice_items.unit_price)");
}

TEST(line_revenue, lines_of_work_billed_separately_are_not_the_revenue) {
  table_info parts;
  parts.name = "job_parts";
  parts.columns = {numeric_col("qty", "integer"), numeric_col("unit_price")};
  table_info bills;
  bills.name = "invoices";
  bills.columns = {numeric_col("net_amt"), numeric_col("vat_amt")};
  semantic_model separate;
  separate.tables = {parts, bills};
  EXPECT_FALSE(add_line_revenue(separate)) << "what was billed is the revenue, not the parts";
  // The bills' own lines add up to what was billed: revenue by line.
  semantic_model own = separate;
  own.tables[0].name = "invoice_lines";
  own.relationships = {{"invoice_lines", {"invoice_id"}, "invoices", {"invoice_id"}, false}};
  EXPECT_TRUE(add_line_revenue(own));
}

} // namespace
} // namespace medha
