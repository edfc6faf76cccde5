#include "actors/discovery/term_dictionary.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace medha::discovery {
namespace {

TEST(within_one_edit, counts_single_edits) {
  EXPECT_TRUE(within_one_edit("customer", "customer"));
  EXPECT_TRUE(within_one_edit("custmer", "customer"));   // deletion
  EXPECT_TRUE(within_one_edit("customers", "customer")); // insertion
  EXPECT_TRUE(within_one_edit("cuztomer", "customer"));  // substitution
  EXPECT_TRUE(within_one_edit("cusotmer", "customer"));  // adjacent swap
  EXPECT_FALSE(within_one_edit("cstmer", "customer"));
  EXPECT_FALSE(within_one_edit("cutsomre", "customer"));
}

TEST(term_dictionary, interns_stable_ids) {
  term_dictionary d;
  auto a = d.intern("order");
  auto b = d.intern("customer");
  EXPECT_NE(a, b);
  EXPECT_EQ(d.intern("order"), a);
  EXPECT_EQ(d.find("customer"), b);
  EXPECT_EQ(d.find("missing"), term_dictionary::npos);
  EXPECT_EQ(d.text(b), "customer");
}

TEST(term_dictionary, finds_terms_one_edit_away) {
  term_dictionary d;
  auto customer = d.intern("customer");
  auto custom = d.intern("custom");
  d.intern("region");
  for (int i = 0; i < 1000; ++i) // unrelated filler must not show up
    d.intern("filler" + std::to_string(i));
  std::vector<uint32_t> out;
  d.fuzzy("custmer", out);
  EXPECT_EQ(out, std::vector<uint32_t>{customer});
  out.clear();
  d.fuzzy("customr", out);
  EXPECT_NE(std::find(out.begin(), out.end(), customer), out.end());
  out.clear();
  d.fuzzy("customer", out); // the term itself is not its own fuzzy match
  EXPECT_EQ(std::find(out.begin(), out.end(), customer), out.end());
  EXPECT_EQ(std::find(out.begin(), out.end(), custom), out.end()); // two edits
}

TEST(term_dictionary, survives_a_move) {
  term_dictionary d;
  auto id = d.intern("revenue");
  term_dictionary moved = std::move(d);
  EXPECT_EQ(moved.find("revenue"), id);
  std::vector<uint32_t> out;
  moved.fuzzy("revenu", out);
  EXPECT_EQ(out, std::vector<uint32_t>{id});
}

} // namespace
} // namespace medha::discovery
