// Schemas named in short forms ("appt", "dntst", "chrg_amt") whose comments
// say what the rows are: questions asked in the comments' words reach them.
#include <gtest/gtest.h>

#include "actors/sqlgen/abbreviations.hpp"
#include "actors/sqlgen/embedded_engine.hpp"
#include "actors/sqlgen/words.hpp"
#include "tests/sqlgen/conversation_rows.hpp"
#include "tests/sqlgen/model_builders.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen {
namespace {

using testing::col;
using testing::column;
using testing::q;

TEST(short_names, a_short_form_is_the_comment_word_it_abbreviates) {
  auto read = [](std::vector<std::string> words, std::vector<std::string> table, std::vector<std::string> all = {}) {
    schema_comment_words schema;
    for (auto& w : all) {
      schema.words.push_back(w);
      schema.stems.insert(stem(w));
    }
    return read_in_full(std::move(words), {}, table, schema);
  };
  EXPECT_EQ(read({"appt"}, {"patient", "appointments"}), std::vector<std::string>{"appointments"});
  EXPECT_EQ(read({"purch", "dt"}, {}, {"when", "it", "was", "purchased"}),
            (std::vector<std::string>{"purchased", "dt"}));
  // A real word is no short form of a longer one.
  EXPECT_EQ(read({"make"}, {"marketing", "vans"}), std::vector<std::string>{"make"});
  // Two readings: neither.
  EXPECT_EQ(read({"prt"}, {"parts", "ports"}), std::vector<std::string>{"prt"});
  // Said as it is in the comments: itself.
  EXPECT_EQ(read({"van"}, {"vans", "vanguard"}), std::vector<std::string>{"van"});
}

// A dental practice whose tables and columns are short forms.
semantic_model dental_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "dental";
  auto dntst = testing::table("dntst", {col("dntst_id", r::identifier, true), col("first_nm", r::text),
                                        col("last_nm", r::text)});
  dntst.comment = "Dentists working at the practice";
  auto appt = testing::table("appt", {col("appt_id", r::identifier, true), col("dntst_id", r::identifier),
                                      testing::column("appt_dt", r::time), col("chrg_amt", r::numeric)});
  appt.comment = "Patient appointments, one row per booked visit";
  appt.columns[3].comment = "What the patient was charged";
  m.tables = {dntst, appt};
  m.relationships = {{"appt", {"dntst_id"}, "dntst", {"dntst_id"}, false}};
  return m;
}

TEST(short_names, questions_in_the_comments_words_reach_short_named_tables) {
  testing::converse(dental_model(), {{"how many appointments were there in 2024?",
                                      {"COUNT(*)", q("appt.appt_dt") + " >= '2024-01-01'"}}});
  testing::converse(dental_model(), {{"how many dentists do we have?", {"COUNT(*)", "FROM " + q("dntst")}}});
  // Named again by the comment's word, the rows are all of them, not the ones just listed.
  testing::converse(dental_model(), {{"dentists with a first name like 'A'", {"ILIKE"}},
                                     {"how many dentists are there?", {"COUNT(*)"}, {"ILIKE"}}});
  // A person named in short forms is named by first and last name.
  testing::converse(dental_model(), {{"which dentist had the most appointments?",
                                      {q("dntst.first_nm"), q("dntst.last_nm"), "LIMIT 1"}}});
  testing::converse(dental_model(), {{"average charged amount per dentist",
                                      {"AVG(" + q("appt.chrg_amt") + ")", "GROUP BY"}}});
}

TEST(short_names, a_persons_name_is_no_spelling_to_correct_towards) {
  using r = column_role;
  semantic_model m;
  m.data_source = "club";
  m.tables = {testing::table("hosts", {col("host_id", r::identifier, true),
                                       col("last_name", r::categorical, false, {"Pearson", "Hale"})}),
              testing::table("talks", {col("talk_id", r::identifier, true), col("host_id", r::identifier),
                                       testing::column("held_on", r::time)})};
  m.relationships = {{"talks", {"host_id"}, "hosts", {"host_id"}, false}};
  auto plan = generate(m, "how many people came to talks in 2024?", "");
  EXPECT_EQ(plan.sql.find("Pearson"), std::string::npos) << plan.sql;
}

TEST(short_names, a_relation_with_no_key_to_read_it_by_is_asked) {
  using r = column_role;
  semantic_model m;
  m.data_source = "clinic";
  m.tables = {testing::table("vets", {col("vet_id", r::identifier, true),
                                      col("first_name", r::categorical, false, {"Marta", "Jonas"}),
                                      col("last_name", r::categorical, false, {"Quinn", "Berg"})})};
  testing::converse(m, {{"who does Marta Quinn report to?", {}}});
}

TEST(short_names, a_year_kept_as_a_short_named_number_takes_the_period) {
  using r = column_role;
  semantic_model m;
  m.data_source = "venues";
  m.tables = {testing::table("venues", {col("venue_id", r::identifier, true), col("venue_name", r::text),
                                        col("opened_yr", r::numeric)}),
              testing::table("gigs", {col("gig_id", r::identifier, true), col("venue_id", r::identifier),
                                      col("played_on", r::time)})};
  m.relationships = {{"gigs", {"venue_id"}, "venues", {"venue_id"}, false}};
  // The venues' year, not the date of their gigs.
  testing::converse(m, {{"which venues opened in 2012?", {q("venues.opened_yr") + " = 2012"}, {"played_on"}}});
  testing::converse(m, {{"which venues opened after 2010?", {q("venues.opened_yr")}, {"played_on"}}});
  // Years are never added up.
  for (auto* question : {"total opened yr of the venues", "sum of the opened year of all venues"}) {
    auto plan = generate(m, question, "");
    if (plan.outcome == plan_outcome::answer)
      EXPECT_EQ(plan.sql.find("SUM(" + q("venues.opened_yr")), std::string::npos) << question << "\n" << plan.sql;
  }
}

TEST(short_names, rows_are_named_by_a_short_named_name) {
  using r = column_role;
  semantic_model m;
  m.data_source = "stock";
  m.tables = {testing::table("item", {col("item_id", r::identifier, true), column("sku_cd", r::text),
                                      column("item_nm", r::text), col("dropped_dt", r::time)})};
  testing::converse(m, {{"list the items", {q("item.item_nm")}, {"sku_cd"}}});
  // A catalogue with no name: its short description, not its code.
  auto description = column("description", r::categorical);
  description.values = {"A5 flyers", "Business cards"};
  description.nullable = false;
  semantic_model c;
  c.data_source = "catalogue";
  c.tables = {testing::table("products", {col("product_id", r::identifier, true), column("sku", r::identifier), description}),
              testing::table("order_lines", {col("line_id", r::identifier, true), col("product_id", r::identifier),
                                             col("qty", r::numeric)})};
  c.relationships = {{"order_lines", {"product_id"}, "products", {"product_id"}, false}};
  c.tables.front().row_estimate = 2;
  testing::converse(c, {{"list the products", {q("products.description")}}});
  testing::converse(c, {{"which 2 products have the most order lines?", {"GROUP BY " + q("products.description")}}});
  // Descriptions that repeat over many rows name a kind, not a row.
  c.tables.front().row_estimate = 500;
  auto ranked = generate(c, "which 2 products have the most order lines?", "");
  if (ranked.outcome == plan_outcome::answer)
    EXPECT_EQ(ranked.sql.find("GROUP BY " + q("products.description")), std::string::npos) << ranked.sql;
}

TEST(short_names, a_rate_is_not_named_by_either_side_of_its_per) {
  using r = column_role;
  semantic_model m;
  m.data_source = "cellar";
  auto wines = testing::table("wines", {col("wine_id", r::identifier, true), col("wine_name", r::text)});
  wines.comment = "Wines we sell by the bottle";
  m.tables = {wines, testing::table("buys", {col("buy_id", r::identifier, true), col("wine_id", r::identifier),
                                             col("cost_per_btl", r::numeric)})};
  m.relationships = {{"buys", {"wine_id"}, "wines", {"wine_id"}, false}};
  auto plan = generate(m, "how many bottles in total?", "");
  EXPECT_EQ(plan.sql.find("cost_per_btl"), std::string::npos) << plan.sql;
}

} // namespace
} // namespace medha::sqlgen
