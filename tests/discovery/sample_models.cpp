#include "tests/discovery/sample_models.hpp"

namespace medha::discovery::testing {

namespace {

column_info col(std::string name, std::string type, column_role role,
                std::vector<std::string> values = {}, std::string comment = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.values = std::move(values);
  c.comment = std::move(comment);
  return c;
}

column_info id(std::string name) {
  return col(std::move(name), "integer", column_role::identifier);
}

table_info table(std::string name, std::vector<column_info> columns, std::string comment = {}) {
  table_info t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.comment = std::move(comment);
  t.columns.front().primary_key = true; // every sample table starts with its key
  return t;
}

relationship fk(std::string from, std::string column, std::string to, std::string key) {
  return relationship{std::move(from), {std::move(column)}, std::move(to), {std::move(key)}, false};
}

constexpr auto cat = column_role::categorical;
constexpr auto num = column_role::numeric;
constexpr auto txt = column_role::text;
constexpr auto tim = column_role::time;

} // namespace

std::shared_ptr<const semantic_model> sales_model() {
  semantic_model m;
  m.data_source = "sales";
  m.description = "Orders, customers and products of the online shop";
  m.tables = {
    table("regions", {id("region_id"), col("name", "text", cat, {"West", "East", "North", "South"})}),
    table("categories", {id("category_id"), col("name", "text", cat, {"Books", "Garden", "Toys"})}),
    table("products", {id("product_id"), col("name", "text", txt), id("category_id"),
                       col("unit_price", "numeric", num), col("cost", "numeric", num)}),
    table("customers", {id("customer_id"), col("name", "text", txt), col("email", "text", txt),
                        col("segment", "text", cat, {"Consumer", "Corporate", "Small Business"}),
                        id("region_id"), col("city", "text", cat),
                        col("signup_date", "date", tim)}),
    table("orders", {id("order_id"), id("customer_id"), col("order_date", "date", tim),
                     col("status", "text", cat, {"shipped", "cancelled", "pending"}),
                     col("channel", "text", cat, {"web", "store", "phone"})}),
    table("order_items", {id("order_item_id"), id("order_id"), id("product_id"),
                          col("quantity", "integer", num), col("unit_price", "numeric", num),
                          col("discount", "numeric", num)}),
  };
  m.relationships = {
    fk("products", "category_id", "categories", "category_id"),
    fk("customers", "region_id", "regions", "region_id"),
    fk("orders", "customer_id", "customers", "customer_id"),
    fk("order_items", "order_id", "orders", "order_id"),
    fk("order_items", "product_id", "products", "product_id"),
  };
  m.metrics = {metric{"revenue", "SUM(quantity * unit_price * (1 - discount))", "order_items",
                      "Money taken from sold items after discounts", {"turnover"}}};
  m.glossary = {glossary_term{"client", "customers", {"buyer"}}};
  m.rules = {rule{"orders", "status <> 'cancelled'", "Cancelled orders never count"}};
  return std::make_shared<const semantic_model>(std::move(m));
}

std::shared_ptr<const semantic_model> support_model() {
  semantic_model m;
  m.data_source = "support";
  m.description = "Help desk tickets and the agents who work them";
  m.tables = {
    table("teams", {id("team_id"), col("name", "text", cat, {"Billing", "Technical", "Onboarding"})}),
    table("agents", {id("agent_id"), col("full_name", "text", txt), id("team_id"),
                     col("hired_on", "date", tim)}),
    table("accounts", {id("account_id"), col("company_name", "text", txt),
                       col("plan", "text", cat, {"Free", "Pro", "Enterprise"})},
          "Client companies with a support contract"),
    table("tickets", {id("ticket_id"), id("account_id"), id("agent_id"),
                      col("subject", "text", txt),
                      col("priority", "text", cat, {"low", "normal", "high", "urgent"}),
                      col("status", "text", cat, {"open", "pending", "solved"}),
                      col("opened_at", "timestamp", tim), col("resolved_at", "timestamp", tim),
                      col("resolution_hours", "numeric", num, {}, "Hours from opening to resolution")}),
  };
  m.relationships = {
    fk("agents", "team_id", "teams", "team_id"),
    fk("tickets", "account_id", "accounts", "account_id"),
    fk("tickets", "agent_id", "agents", "agent_id"),
  };
  return std::make_shared<const semantic_model>(std::move(m));
}

std::shared_ptr<const semantic_model> hr_model() {
  semantic_model m;
  m.data_source = "hr";
  m.description = "People, pay and performance";
  m.tables = {
    table("departments", {id("department_id"), col("name", "text", cat, {"Engineering", "Finance", "Marketing"})}),
    table("employees", {id("employee_id"), col("first_name", "text", txt),
                        col("last_name", "text", txt), id("department_id"),
                        col("hire_date", "date", tim), col("job_title", "text", cat)}),
    table("salaries", {id("salary_id"), id("employee_id"), col("amount", "numeric", num),
                       col("valid_from", "date", tim)}),
    table("reviews", {id("review_id"), id("employee_id"), col("rating", "integer", num),
                      col("review_date", "date", tim)}),
  };
  m.relationships = {
    fk("employees", "department_id", "departments", "department_id"),
    fk("salaries", "employee_id", "employees", "employee_id"),
    fk("reviews", "employee_id", "employees", "employee_id"),
  };
  m.glossary = {glossary_term{"pay", "salaries.amount", {"compensation", "wage"}}};
  return std::make_shared<const semantic_model>(std::move(m));
}

} // namespace medha::discovery::testing
