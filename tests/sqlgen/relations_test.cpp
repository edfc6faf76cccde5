// Mechanisms for schemas described only by column comments and keys, as on
// unseen databases: verbs that relate tables, keys shared by name, counts of
// qualifying entities, kept counters and orders. Each over a small library
// schema written for these tests.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/linker.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;
using testing::sql_row;

column_info col(std::string name, column_role role, std::string comment = "",
                std::vector<std::string> values = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "integer" : "text";
  c.role = role;
  c.comment = std::move(comment);
  c.values = std::move(values);
  return c;
}

using medha::sqlgen::testing::link_of;
using medha::sqlgen::testing::table;

// No declared primary keys, as in many dumped databases: keys are known only
// from the columns other tables reference.
semantic_model library_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "library";
  m.tables = {
    table("nations", {col("nation_name", r::categorical, "", {"Peru", "Chile"}),
                      col("nation_code", r::categorical, "Two-letter code of the nation")}),
    table("writers", {col("writer_id", r::identifier), col("full_name", r::text),
                      col("nation_name", r::categorical, "Nation the writer lives in"),
                      col("nation_code", r::categorical, "Code of the nation the writer lives in")}),
    table("imprints", {col("imprint_id", r::identifier), col("name", r::text),
                       col("book_count", r::numeric, "How many books the imprint has")}),
    table("books", {col("book_id", r::identifier), col("title", r::text),
                    col("writer_id", r::identifier, "Writer who published the book"),
                    col("imprint_id", r::identifier, "Imprint that published the book"),
                    col("release_year", r::numeric, "Year the book was published"),
                    col("release_city", r::categorical, "City where the book was published"),
                    col("hardcover_price", r::numeric),
                    col("paperback_price", r::numeric)}),
    table("book_printing", {col("printing_id", r::identifier), col("book_id", r::identifier),
                            col("copies", r::numeric)}),
  };
  m.relationships = {link_of("writers", "nation_name", "nations", "nation_name"),
                     link_of("writers", "nation_code", "nations", "nation_code"),
                     link_of("books", "writer_id", "writers", "writer_id"),
                     link_of("books", "imprint_id", "imprints", "imprint_id"),
                     link_of("book_printing", "book_id", "books", "book_id")};
  return m;
}

void run(const std::vector<sql_row>& rows) {
  auto model = library_model();
  for (auto& row : rows) {
    auto plan = generate(model, row.question, "");
    EXPECT_EQ(testing::check(plan, row), "") << "question: " << row.question << " / " << plan.understood;
  }
}

TEST(relations, a_verb_only_comments_use_relates_rather_than_names) {
  // "published" is in the comments of two columns: it names neither.
  run({
    {"How many books were published by each writer?",
     {"COUNT(*)", "GROUP BY " + q("writers.full_name")}},
    {"List the titles of books published in release year 2001",
     {q("books.title"), q("books.release_year") + " = 2001"}},
  });
}

TEST(relations, other_words_of_the_question_pick_among_columns) {
  // "price" is the head of two columns; "paperback" elsewhere says which.
  run({
    {"What is the average price of paperback books?", {"AVG(" + q("books.paperback_price") + ")"}},
  });
}

TEST(relations, a_key_named_whole_is_the_column_itself) {
  // writers.nation_code holds nations.nation_code: no join to nations.
  run({
    {"Which nation code does each writer have?", {q("writers.nation_code")}, {"JOIN \"nations\""}},
  });
}

TEST(relations, grouping_by_a_key_the_counted_rows_hold_needs_no_join) {
  run({
    {"How many writers are there in each nation?",
     {"GROUP BY " + q("writers.nation_name")}, {"JOIN \"nations\""}},
  });
}

TEST(relations, counting_entities_whose_own_count_passes_a_condition) {
  run({
    {"How many writers have more than 3 books?",
     {"SELECT COUNT(*) AS \"writer_count\" FROM (SELECT", "GROUP BY " + q("books.writer_id"),
      "HAVING COUNT(*) > 3"}},
  });
}

// (The key is read from books itself: grouping by writers.writer_id would
// join for nothing.)
TEST(relations, an_order_by_a_grouped_tables_key_groups_by_it) {
  run({
    {"Number of books per writer, ordered by writer id",
     {"GROUP BY " + q("books.writer_id"), "ORDER BY " + q("books.writer_id")}},
  });
}

TEST(relations, a_ranking_asked_to_be_sorted_is_shown_whole) {
  run({
    {"Which writers have the most books, sorted by the number of books in descending order?",
     {"ORDER BY \"book_count\" DESC"}, {"LIMIT"}},
  });
}

TEST(relations, the_total_number_of_rows_a_parent_keeps_count_of_sums_the_counter) {
  run({
    {"What is the total number of books for each imprint?",
     {"SUM(" + q("imprints.book_count") + ")", "GROUP BY " + q("imprints.name")}},
    // Without "total", the rows themselves are counted.
    {"How many books per imprint?", {"COUNT(*)"}, {"book_count\")"}},
    // A condition on the counted rows: the kept count cannot apply it.
    {"What is the total number of books with release year 2001 for each imprint?",
     {"COUNT(*)", q("books.release_year") + " = 2001"}, {"SUM("}},
  });
}

TEST(relations, a_key_is_never_summed_or_averaged) {
  auto model = library_model();
  auto plan = generate(model, "What is the total imprint id of books?", "");
  EXPECT_NE(plan.outcome, plan_outcome::answer) << plan.sql;
}

TEST(relations, a_verb_form_names_no_table) {
  // "printed" shares a stem with book_printing's "printing", but a verb
  // names no table.
  auto model = library_model();
  lexicon lex(model);
  auto tokens = tokenize("books printed");
  auto mentions = link(lex, tokens, std::vector<bool>(tokens.size(), false));
  for (auto& m : mentions)
    for (auto& c : m.candidates)
      EXPECT_FALSE(c.kind == element_kind::table && c.table == "book_printing")
        << "phrase at " << m.begin;
}

} // namespace
} // namespace medha::sqlgen
