// Model files: Medha's own format, defog's, and strict type errors. Pure
// except the defog test, which introspects defog's academic database.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <pqxx/pqxx>
#include <unistd.h>

#include "actors/context/introspect.hpp"
#include "actors/context/model_file.hpp"
#include "tests/support/servers.hpp"

namespace medha {
namespace {

namespace fs = std::filesystem;

column_info col(const std::string& name, const std::string& type, column_role role) {
  column_info c;
  c.name = name;
  c.type = type;
  c.role = role;
  return c;
}

// A model as introspection would hand it over.
semantic_model sample_model() {
  semantic_model m;
  m.data_source = "shop";
  table_info customers;
  customers.name = "customers";
  customers.comment = "from COMMENT ON";
  customers.columns = {col("id", "integer", column_role::identifier),
                       col("country", "text", column_role::categorical),
                       col("name", "text", column_role::text)};
  customers.columns[1].comment = "db comment";
  table_info orders;
  orders.name = "orders";
  orders.columns = {col("id", "integer", column_role::identifier), col("total", "numeric", column_role::numeric)};
  m.tables = {customers, orders};
  m.metrics = {{"revenue", "SUM(old)", "orders", "", {}}};
  return m;
}

class model_file_test : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("medha_model_file_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  // Applies `text` to a sample model and returns the error message ("" = none),
  // checking that a failure leaves the model as it was.
  std::string error_of(const std::string& text) {
    auto model = sample_model();
    auto err = apply_model_file(model, write("m.json", text));
    if (!err)
      return "";
    EXPECT_EQ(err->code, error_code::bad_request);
    EXPECT_EQ(model.metrics.size(), 1u);
    EXPECT_EQ(model.metrics[0].expression, "SUM(old)");
    EXPECT_TRUE(model.glossary.empty());
    EXPECT_EQ(model.find_table("orders")->comment, "");
    return err->message;
  }

  fs::path dir_;
};

TEST_F(model_file_test, applies_every_section_of_the_medha_format) {
  auto model = sample_model();
  auto err = apply_model_file(model, write("shop.json", R"json({
    // comments and trailing commas are fine in a hand-written file
    "description": "Our online shop",
    "metrics": [
      {"name": "revenue", "expression": "SUM(total)", "table": "orders",
       "description": "Money in", "synonyms": ["sales", "turnover"]},
      {"name": "order count", "expression": "COUNT(*)", "table": "orders"},
    ],
    "glossary": [{"term": "client", "target": "customers", "synonyms": ["buyer"]}],
    "rules": [{"table": "orders", "filter": "total > 0", "description": "no empty orders"}],
    "examples": [{"question": "How many orders?", "sql": "SELECT count(*) FROM orders"}],
    "tables": {
      "orders": {"description": "One row per order", "columns": {"total": "Order total in EUR"}},
      "customers": {"description": "ignored: the database has a comment",
                    "columns": {"country": "ignored too", "name": "Full name", "nope": "skipped"}},
      "dropped_table": {"description": "skipped"}
    },
    "x-notes": "unknown keys are ignored"
  })json"));
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(model.description, "Our online shop");
  ASSERT_EQ(model.metrics.size(), 2u);
  EXPECT_EQ(model.metrics[0].expression, "SUM(total)"); // replaced by name
  EXPECT_EQ(model.metrics[0].synonyms, (std::vector<std::string>{"sales", "turnover"}));
  EXPECT_EQ(model.metrics[1].name, "order count");
  ASSERT_EQ(model.glossary.size(), 1u);
  EXPECT_EQ(model.glossary[0].target, "customers");
  EXPECT_EQ(model.glossary[0].synonyms, std::vector<std::string>{"buyer"});
  ASSERT_EQ(model.rules.size(), 1u);
  EXPECT_EQ(model.rules[0].filter, "total > 0");
  ASSERT_EQ(model.examples.size(), 1u);
  EXPECT_EQ(model.examples[0].sql, "SELECT count(*) FROM orders");
  EXPECT_EQ(model.find_table("orders")->comment, "One row per order");
  EXPECT_EQ(model.find_table("orders")->find_column("total")->comment, "Order total in EUR");
  EXPECT_EQ(model.find_table("customers")->comment, "from COMMENT ON");
  EXPECT_EQ(model.find_table("customers")->find_column("country")->comment, "db comment");
  EXPECT_EQ(model.find_table("customers")->find_column("name")->comment, "Full name");
}

TEST_F(model_file_test, empty_object_changes_nothing) {
  auto model = sample_model();
  EXPECT_FALSE(apply_model_file(model, write("empty.json", "{}")));
  EXPECT_EQ(model.metrics.size(), 1u);
}

TEST_F(model_file_test, wrong_types_name_the_path) {
  EXPECT_NE(error_of(R"j({"metrics": [{"name": "a", "expression": "1"}, {"name": "b", "expression": "2"},
                                      {"name": "c", "expression": 3}]})j")
              .find("metrics[2].expression must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"metrics": {"name": "a"}})j").find("metrics must be an array"), std::string::npos);
  EXPECT_NE(error_of(R"j({"metrics": ["revenue"]})j").find("metrics[0] must be an object"), std::string::npos);
  EXPECT_NE(error_of(R"j({"metrics": [{"expression": "SUM(x)"}]})j").find("metrics[0].name is required"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"glossary": [{"term": "a", "target": "b", "synonyms": ["x", 2]}]})j")
              .find("glossary[0].synonyms[1] must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"rules": [{"table": "orders"}]})j").find("rules[0].filter is required"), std::string::npos);
  EXPECT_NE(error_of(R"j({"examples": [{"question": "q", "sql": null}]})j").find("examples[0].sql must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"tables": {"orders": {"columns": {"total": 1}}}})j")
              .find("tables.orders.columns.total must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"tables": []})j").find("tables must be an object"), std::string::npos);
  EXPECT_NE(error_of(R"j({"description": 5})j").find("description must be a string"), std::string::npos);
  // A valid section before a bad one is not half-applied (error_of checks the model).
  EXPECT_NE(error_of(R"j({"glossary": [{"term": "a", "target": "b"}], "metrics": [{"name": 1}]})j")
              .find("metrics[0].name must be a string"),
            std::string::npos);
}

TEST_F(model_file_test, wrong_types_in_the_defog_format_name_the_path) {
  EXPECT_NE(error_of(R"j({"table_metadata": {"orders": [{"column_name": "total", "column_description": 7}]}})j")
              .find("table_metadata.orders[0].column_description must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"table_metadata": {"orders": {}}})j").find("table_metadata.orders must be an array"),
            std::string::npos);
  EXPECT_NE(error_of(R"j({"table_metadata": {}, "glossary": []})j").find("glossary must be a string"),
            std::string::npos);
}

TEST_F(model_file_test, unreadable_or_invalid_files_are_bad_requests) {
  auto model = sample_model();
  auto missing = apply_model_file(model, (dir_ / "absent.json").string());
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, error_code::bad_request);
  EXPECT_NE(missing->message.find("absent.json"), std::string::npos) << missing->message;
  auto invalid = error_of("{\n  \"metrics\": [\n    {\"name\": }\n  ]\n}");
  EXPECT_NE(invalid.find("not valid JSON"), std::string::npos) << invalid;
  EXPECT_NE(invalid.find("line 3"), std::string::npos) << invalid;
  EXPECT_NE(error_of("[1, 2]").find("top level must be an object"), std::string::npos);
}

TEST_F(model_file_test, defog_format_fills_empty_comments) {
  auto model = sample_model();
  auto err = apply_model_file(model, write("defog.json", R"j({
    "table_metadata": {
      "customers": [
        {"data_type": "text", "column_name": "name", "column_description": "Customer name"},
        {"data_type": "text", "column_name": "country", "column_description": "not over the db"}
      ],
      "unknown_table": [{"column_name": "x", "data_type": "int", "column_description": "skipped"}]
    },
    "glossary": "- revenue means SUM(total)"
  })j"));
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(model.find_table("customers")->find_column("name")->comment, "Customer name");
  EXPECT_EQ(model.find_table("customers")->find_column("country")->comment, "db comment");
  EXPECT_NE(model.description.find("revenue means SUM(total)"), std::string::npos);
}

// Where the shared evaluation data lives: MEDHA_SHARED_DIR, else <source>/../shared.
fs::path shared_dir() {
  if (const char* env = std::getenv("MEDHA_SHARED_DIR"))
    return env;
  return fs::path(medha::testing::source_dir()) / ".." / "shared";
}

TEST(model_file_defog, academic_descriptions_reach_the_introspected_model) {
  auto databases = shared_dir() / "eval" / "defog" / "databases";
  if (!fs::exists(databases / "academic.json") || !fs::exists(databases / "academic.sql"))
    GTEST_SKIP() << "defog data not found under " << databases
                 << " (set MEDHA_SHARED_DIR to the shared directory)";
  auto& pg = medha::testing::postgres_server::shared();
  pg.create_database("medha_model_academic");
  pg.load_sql_file("medha_model_academic", (databases / "academic.sql").string());
  {
    // A database comment must survive the file.
    pqxx::connection conn(pg.conninfo("medha_model_academic"));
    pqxx::work txn(conn);
    txn.exec("COMMENT ON COLUMN author.homepage IS 'from the database'");
    txn.commit();
  }
  auto result = introspect({"academic", pg.conninfo("medha_model_academic"), "", ""});
  ASSERT_TRUE(std::holds_alternative<semantic_model>(result)) << std::get<medha_error>(result).message;
  auto model = std::get<semantic_model>(std::move(result));
  auto err = apply_model_file(model, (databases / "academic.json").string());
  ASSERT_FALSE(err) << err->message;
  auto* author = model.find_table("author");
  ASSERT_NE(author, nullptr);
  EXPECT_EQ(author->find_column("name")->comment, "Name of the author");
  EXPECT_EQ(author->find_column("homepage")->comment, "from the database");
  EXPECT_EQ(model.find_table("cite")->find_column("cited")->comment, "ID of the publication being cited");
  // Every column defog describes got its description.
  size_t described = 0, columns = 0;
  for (auto& t : model.tables)
    for (auto& c : t.columns) {
      ++columns;
      described += !c.comment.empty();
    }
  EXPECT_EQ(described, columns);
}

} // namespace
} // namespace medha
