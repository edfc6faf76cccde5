// parse_refinement and parse_column_name: what a valid body turns into.

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "actors/refine/refine_sql.hpp"

namespace medha {
namespace {

refinement parsed_ok(const char* body) {
  auto r = parse_refinement(body);
  if (auto* e = std::get_if<medha_error>(&r)) {
    ADD_FAILURE() << body << ": " << e->message;
    return {};
  }
  return std::get<refinement>(r);
}

std::vector<std::string> parts(const char* text) {
  auto n = parse_column_name(text);
  return n ? n->parts : std::vector<std::string>{"<invalid>"};
}

TEST(parse_column_name, unquoted_parts_fold_to_lower_case) {
  EXPECT_EQ(parts("name"), (std::vector<std::string>{"name"}));
  EXPECT_EQ(parts("Regions.Name"), (std::vector<std::string>{"regions", "name"}));
  EXPECT_EQ(parts("public.t.c"), (std::vector<std::string>{"public", "t", "c"}));
  EXPECT_EQ(parts("_x$1"), (std::vector<std::string>{"_x$1"}));
  EXPECT_EQ(parts("städte.größe"), (std::vector<std::string>{"städte", "größe"}));
}

TEST(parse_column_name, quoted_parts_are_verbatim) {
  EXPECT_EQ(parts("\"Order Items\".\"Unit Price\""),
            (std::vector<std::string>{"Order Items", "Unit Price"}));
  EXPECT_EQ(parts("t.\"a\"\"b\""), (std::vector<std::string>{"t", "a\"b"}));
  EXPECT_EQ(parts("\"a.b\""), (std::vector<std::string>{"a.b"}));
  EXPECT_EQ(parts("\"select\""), (std::vector<std::string>{"select"}));
}

TEST(parse_column_name, rejects_what_is_not_an_identifier) {
  for (const char* bad :
       {"",    ".", "a.",  ".a",   "a..b", "a.b.c.d", "1abc",   "a b", " a",  "a ",
        "a-b", "*", "t.*", "\"\"", "\"a",  "a\"b\"",  "\"a\"b", "a;b", "a'b", "a(b)"})
    EXPECT_FALSE(parse_column_name(bad).has_value()) << bad;
  EXPECT_TRUE(parse_column_name(std::string(63, 'a')).has_value());
  EXPECT_FALSE(parse_column_name(std::string(64, 'a')).has_value());
  EXPECT_FALSE(parse_column_name(std::string_view{"a\0b", 3}).has_value());
}

TEST(parse_refinement, add_filter_fields) {
  auto r =
      parsed_ok(R"({"op":"add_filter","column":"regions.name","operator":"=","value":"West"})");
  EXPECT_EQ(r.op, refine_op::add_filter);
  EXPECT_EQ(r.column.parts, (std::vector<std::string>{"regions", "name"}));
  EXPECT_EQ(r.oper, filter_operator::eq);
  ASSERT_EQ(r.values.size(), 1u);
  EXPECT_EQ(std::get<std::string>(r.values[0]), "West");

  r = parsed_ok(R"({"op":"add_filter","column":"n","operator":"in","value":[1,-2,2.5,true,"x"]})");
  EXPECT_EQ(r.oper, filter_operator::in);
  ASSERT_EQ(r.values.size(), 5u);
  EXPECT_EQ(std::get<numeric_literal>(r.values[0]).text, "1");
  EXPECT_EQ(std::get<numeric_literal>(r.values[1]).text, "-2");
  EXPECT_EQ(std::get<numeric_literal>(r.values[2]).text, "2.5");
  EXPECT_EQ(std::get<bool>(r.values[3]), true);
  EXPECT_EQ(std::get<std::string>(r.values[4]), "x");

  r = parsed_ok(R"({"op":"add_filter","column":"n","operator":"is_not_null"})");
  EXPECT_EQ(r.oper, filter_operator::is_not_null);
  EXPECT_TRUE(r.values.empty());

  r = parsed_ok(R"({"op":"add_filter","column":"n","operator":"=","value":18446744073709551615})");
  EXPECT_EQ(std::get<numeric_literal>(r.values[0]).text, "18446744073709551615");
}

TEST(parse_refinement, every_operator_name) {
  const std::pair<const char*, filter_operator> ops[] = {
      {"=", filter_operator::eq},      {"<>", filter_operator::ne},
      {"<", filter_operator::lt},      {"<=", filter_operator::le},
      {">", filter_operator::gt},      {">=", filter_operator::ge},
      {"like", filter_operator::like}, {"ilike", filter_operator::ilike},
  };
  for (auto& [name, op] : ops) {
    std::string body =
        std::string{R"({"op":"add_filter","column":"a","operator":")"} + name + R"(","value":"v"})";
    EXPECT_EQ(parsed_ok(body.c_str()).oper, op) << name;
    EXPECT_STREQ(to_string(op), name);
  }
}

TEST(parse_refinement, other_ops) {
  auto r = parsed_ok(R"({"op":"change_limit","limit":10})");
  EXPECT_EQ(r.op, refine_op::change_limit);
  EXPECT_EQ(r.limit, 10);
  r = parsed_ok(R"({"op":"change_limit","limit":null})");
  EXPECT_FALSE(r.limit.has_value());

  r = parsed_ok(R"({"op":"add_columns","columns":["customers.city","\"Zip Code\""]})");
  EXPECT_EQ(r.op, refine_op::add_columns);
  ASSERT_EQ(r.columns.size(), 2u);
  EXPECT_EQ(r.columns[1].parts, (std::vector<std::string>{"Zip Code"}));

  r = parsed_ok(R"({"op":"change_sort","column":"revenue","direction":"desc"})");
  EXPECT_EQ(r.op, refine_op::change_sort);
  EXPECT_TRUE(r.descending);
  r = parsed_ok(R"({"op":"change_sort","column":"revenue"})");
  EXPECT_FALSE(r.descending);

  r = parsed_ok(R"({"op":"simplify","v":1,"conversation":"c-1"})");
  EXPECT_EQ(r.op, refine_op::simplify);
}

TEST(parse_refinement, refusals_are_bad_request) {
  for (const char* body : {
           "",
           "null",
           "42",
           "{",
           R"({"op":"simplify"} x)",
           R"({"op":"SIMPLIFY"})",
           R"({"op":"change_limit","limit":1,"limit":2,"x":0})",
           R"({"op":"add_columns","columns":"city"})",
           R"({"op":"add_columns","columns":[null]})",
           R"({"op":"change_sort","column":"a","direction":null})",
           R"({"op":"change_sort","column":"a","direction":1})",
           R"({"op":"add_filter","column":"a","operator":"in","value":[null]})",
           R"({"op":"add_filter","column":"a","operator":"in","value":[{}]})",
           R"({"op":"add_filter","column":"a","operator":null,"value":1})",
           R"({"op":"add_filter","operator":"=","value":1})",
       }) {
    auto r = parse_refinement(body);
    ASSERT_TRUE(std::holds_alternative<medha_error>(r)) << body;
    EXPECT_EQ(std::get<medha_error>(r).code, error_code::bad_request) << body;
  }
  std::string many = R"({"op":"add_columns","columns":[)";
  for (int i = 0; i < 33; ++i)
    many += (i ? ",\"c" : "\"c") + std::to_string(i) + "\"";
  many += "]}";
  EXPECT_TRUE(std::holds_alternative<medha_error>(parse_refinement(many)));
  EXPECT_TRUE(std::holds_alternative<medha_error>(
      parse_refinement(R"({"op":"add_filter","column":"a","operator":"=","value":")" +
                       std::string(4001, 'x') + "\"}")));
  EXPECT_TRUE(std::holds_alternative<medha_error>(
      parse_refinement("{\"op\":\"simplify\",\"x\":\"\xff\"}")));
}

} // namespace
} // namespace medha
