// The small readings of names and values every stage shares: the words of a
// name, whether a rule names a column, a yes/no flag's own spellings.
#include <gtest/gtest.h>

#include "messages/semantic_model.hpp"

namespace medha {
namespace {

TEST(semantic_model, the_words_of_a_name) {
  EXPECT_EQ(name_words("voided_dt"), (std::vector<std::string>{"voided", "dt"}));
  EXPECT_EQ(name_words("Is_Late__Flag"), (std::vector<std::string>{"is", "late", "flag"}));
  EXPECT_TRUE(name_words("__").empty());
}

TEST(semantic_model, a_rule_names_a_column_as_a_whole_word) {
  rule r{"invoice", "void_flg IS DISTINCT FROM 'Y'", "leaves out voided invoices"};
  EXPECT_TRUE(r.names_column("void_flg"));
  EXPECT_TRUE(r.names_column("VOID_FLG"));
  EXPECT_FALSE(r.names_column("void"));
  EXPECT_FALSE(r.names_column(""));
}

TEST(semantic_model, a_flags_own_yes_and_no) {
  column_info c;
  c.values = {"N", "Y"};
  EXPECT_EQ(flag_value(c, true), "Y");
  EXPECT_EQ(flag_value(c, false), "N");
  c.values = {"open", "shut"};
  EXPECT_EQ(flag_value(c, true), "");
}

} // namespace
} // namespace medha
