// Two links between the same tables, one plain and one named for a role:
// said without the role, the plain link is meant; with the role's word, the
// role's link (or a question back), never the plain one.
#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::q;

using testing::column;

semantic_model books_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "books";
  m.tables = {
    testing::table("tongue", {column("tongue_id", r::identifier, true), column("name", r::text)}),
    testing::table("book", {column("book_id", r::identifier, true), column("title", r::text),
                            column("tongue_id", r::identifier), column("original_tongue_id", r::identifier)}),
  };
  m.relationships = {{"book", {"tongue_id"}, "tongue", {"tongue_id"}, false},
                     {"book", {"original_tongue_id"}, "tongue", {"tongue_id"}, false}};
  return m;
}

TEST(plain_links, the_plain_link_is_meant_without_a_role) {
  auto plan = generate(books_model(), "How many books are there in each tongue?", "");
  EXPECT_EQ(testing::check(plan, {"", {"ON " + q("tongue.tongue_id") + " = " + q("book.tongue_id"), "GROUP BY"},
                                  {"original_tongue_id"}}),
            "");
}

TEST(plain_links, the_role_word_names_the_other_link) {
  auto plan = generate(books_model(), "How many books are there per original tongue?", "");
  if (plan.outcome == plan_outcome::answer)
    EXPECT_NE(plan.sql.find("original_tongue_id"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
