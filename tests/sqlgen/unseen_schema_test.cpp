// A schema with no model file, the way introspection describes a database
// the engine has never seen: names looked up among many values, views that
// repeat their tables, a link table named for what it links, agent nouns,
// money taken in without a metric, rows named by a label column.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, bool pk = false) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "numeric" : role == column_role::time ? "timestamp" : "text";
  if (role == column_role::identifier)
    c.type = "integer";
  c.role = role;
  c.primary_key = pk;
  c.nullable = !pk;
  return c;
}

column_info named(std::string name, std::vector<std::string> lookups) {
  auto c = col(std::move(name), column_role::text);
  c.nullable = false;
  c.lookup_values = std::move(lookups);
  return c;
}

// A lending library: members borrow books, pay fees; writers write books.
semantic_model library_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "library";
  auto last_update = col("last_update", r::time);
  m.tables = {
    testing::table("book", {col("book_id", r::identifier, true), named("title", {"Dune", "Emma", "Beloved"}),
                            col("pages", r::numeric)}),
    testing::table("genre", {col("genre_id", r::identifier, true), named("name", {"Fantasy", "Poetry"})}),
    testing::table("book_genre", {col("book_id", r::identifier), col("genre_id", r::identifier), last_update}),
    testing::table("writer", {col("writer_id", r::identifier, true), col("first_name", r::text),
                              col("last_name", r::text)}),
    testing::table("book_writer", {col("book_id", r::identifier), col("writer_id", r::identifier), last_update}),
    testing::table("town", {col("town_id", r::identifier, true), named("town", {"Oslo", "Bergen", "Tromso"})}),
    testing::table("member", {col("member_id", r::identifier, true), col("first_name", r::text),
                              col("last_name", r::text), col("town_id", r::identifier)}),
    testing::table("payment", {col("payment_id", r::identifier, true), col("member_id", r::identifier),
                               col("amount", r::numeric), col("payment_date", r::time)}),
    testing::table("loan", {col("loan_id", r::identifier, true), col("book_id", r::identifier),
                            col("member_id", r::identifier), col("loan_date", r::time), col("return_date", r::time)}),
    testing::table("member_list", {col("member_id", r::identifier), col("name", r::text), col("town", r::categorical)}),
  };
  m.tables.back().derived = true;
  m.tables.back().columns.back().values = {"Bergen", "Oslo"};
  m.relationships = {
    {"book_genre", {"book_id"}, "book", {"book_id"}, false},
    {"book_genre", {"genre_id"}, "genre", {"genre_id"}, false},
    {"book_writer", {"book_id"}, "book", {"book_id"}, false},
    {"book_writer", {"writer_id"}, "writer", {"writer_id"}, false},
    {"member", {"town_id"}, "town", {"town_id"}, false},
    {"payment", {"member_id"}, "member", {"member_id"}, false},
    {"loan", {"book_id"}, "book", {"book_id"}, false},
    {"loan", {"member_id"}, "member", {"member_id"}, false},
  };
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = library_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question;
  }
}

TEST(unseen_schema, a_table_its_own_name_column_and_keys_to_it_are_one_thing) {
  // "towns": the town table, its "town" column, member.town_id pointing to
  // it and the view's copy of the town column all name the same rows.
  run({
    {"how many towns are there", {"SELECT COUNT(*)", "FROM \"town\""}, {"member"}},
    {"How many towns are in the database?", {"FROM \"town\""}},
    // "loan items": one of the loan table's rows; "hold" is having.
    {"how many loan items does each member hold", {"COUNT(*)", "FROM \"loan\"", "GROUP BY"}},
  });
}

TEST(unseen_schema, a_number_after_a_table_is_one_row) {
  run({
    {"How many loans does member 5 have?", {q("member.member_id") + " = 5", "FROM \"loan\""}},
    {"show book 12", {q("book.book_id") + " = 12"}},
  });
}

TEST(unseen_schema, names_among_many_values_are_looked_up) {
  run({
    {"How many members live in Oslo?", {"COUNT(*)", q("town.town") + " = 'Oslo'"}, {"member_list"}},
    {"Show the pages of Dune", {q("book.pages"), q("book.title") + " = 'Dune'"}},
  });
}

// The data source's own name names the data, nothing in it.
TEST(unseen_schema, the_data_sources_name_names_the_data) {
  run({
    {"How many books are in the library data?", {"COUNT(*)", "FROM \"book\""}},
    {"What is the average library book pages?", {"AVG(" + q("book.pages") + ")"}},
  });
}

TEST(unseen_schema, agent_nouns_link_tables_and_money) {
  run({
    {"Who writes Dune?", {"FROM \"writer\"", q("writer.first_name"), q("book.title") + " = 'Dune'"}},
    {"What book genres do we have?", {q("genre.name")}, {q("book_genre.book_id")}},
    {"Break down the books by genre", {"COUNT(DISTINCT " + q("book.book_id") + ")", "GROUP BY " + q("genre.name")}},
    {"What is the total revenue?", {"SUM(" + q("payment.amount") + ")"}},
    // Money of other rows adds up per thing ranked.
    {"Show the top 2 towns by revenue", {"SUM(" + q("payment.amount") + ")", "GROUP BY " + q("town.town"), "DESC LIMIT 2"}},
    {"Which town brings in the most revenue?", {"SUM(" + q("payment.amount") + ")", "GROUP BY " + q("town.town"), "DESC LIMIT 1"}},
    {"Which town paid us the most money?", {"SUM(" + q("payment.amount") + ")", "GROUP BY " + q("town.town"), "DESC LIMIT 1"}},
    // An event that has not happened: its date is not set.
    {"How many unreturned loans are there?", {"COUNT(*)", q("loan.return_date") + " IS NULL"}},
    // A payment's size is its one amount.
    {"What was the biggest single payment?", {"ORDER BY " + q("payment.amount") + " DESC LIMIT 1"}},
    // Which thing each row has: the pairs, not a count.
    {"Which town is each member in?", {q("member.first_name"), q("town.town")}, {"COUNT("}},
  });
}

// A table whose rows are named by a label column ("element"), as data loaded
// from a sheet often is.
TEST(unseen_schema, a_label_named_for_the_rows_names_the_table) {
  semantic_model m;
  m.data_source = "chemistry";
  auto symbol = col("symbol", column_role::text);
  m.tables = {testing::table("elements_2024", {col("atomic_number", column_role::identifier, true),
                                               col("element", column_role::text), symbol,
                                               col("density", column_role::numeric)})};
  auto plan = generate(m, "How many elements are there?", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", "FROM \"elements_2024\""}, {"DISTINCT"}}), "");
  // An integer "Year" column is the table's time, whatever the case of its name.
  m.tables.front().columns.push_back(col("Year", column_role::numeric));
  plan = generate(m, "How many elements are from before 1950?", "");
  EXPECT_EQ(testing::check(plan, {"", {"COUNT(*)", q("elements_2024.Year") + " < 1950"}}), "");
  plan = generate(m, "Show me the first 3 elements", "");
  EXPECT_EQ(testing::check(plan, {"", {"ORDER BY " + q("elements_2024.atomic_number"), "LIMIT 3"}}), "");
}

} // namespace
} // namespace medha::sqlgen
