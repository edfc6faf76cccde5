// The catalog answers of schema_answers.hpp: plain SELECTs over VALUES
// lists made from the model, or guarded queries of one table.
#include "actors/sqlgen/schema_answers.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen::schema_answers {

namespace {

bool profiled(const column_info& c) {
  return is_numeric_type(c.type) || is_time_type(c.type) || is_text_type(c.type);
}

std::string values_table(const std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::string>& names, const std::string& order) {
  std::string sql = "SELECT ";
  for (size_t i = 1; i < names.size(); ++i)
    sql += (i > 1 ? ", " : "") + quote_identifier(names[i]);
  sql += " FROM (VALUES ";
  for (size_t r = 0; r < rows.size(); ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < rows[r].size(); ++c)
      sql += (c ? ", " : "") + rows[r][c];
    sql += ")";
  }
  sql += ") AS catalog(";
  for (size_t i = 0; i < names.size(); ++i)
    sql += (i ? ", " : "") + quote_identifier(names[i]);
  return sql + ") ORDER BY " + order;
}

sql_plan answer(std::string sql, std::vector<output_column> columns, std::string explanation,
                std::string query_json = "") {
  sql_plan p;
  p.outcome = plan_outcome::answer;
  p.sql = std::move(sql);
  p.columns = std::move(columns);
  p.explanation = std::move(explanation);
  p.query_json = std::move(query_json);
  p.chart_hint = "table";
  // A phrase of the catalog grammar matched whole and named one element:
  // nothing here was guessed.
  p.confidence = 0.95;
  return p;
}

// Tables proper: a view's rows are another table's, and PostgreSQL (like its
// users) does not call views tables. A source made only of views lists them.
std::vector<const table_info*> sorted_tables(const indexed_model& model) {
  std::vector<const table_info*> out;
  for (auto& t : model.tables)
    if (!t.derived)
      out.push_back(&t);
  if (out.empty())
    for (auto& t : model.tables)
      out.push_back(&t);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
  return out;
}


std::string profile_select(const column_info& c, bool named) {
  auto col = quote_identifier(c.name);
  bool ordered = profiled(c);
  return std::string("SELECT ") + (named ? string_literal(c.name) + " AS \"column_name\", " : "")
         + "COUNT(*) AS \"rows\", COUNT(*) - COUNT(" + col + ") AS \"missing\", "
         + (ordered ? "COUNT(DISTINCT " + col + ")" : "NULL::bigint") + " AS \"distinct_values\", "
         + (ordered ? "MIN(" + col + ")::text" : "NULL::text") + " AS \"smallest\", "
         + (ordered ? "MAX(" + col + ")::text" : "NULL::text") + " AS \"largest\"";
}

std::vector<output_column> profile_columns(bool named) {
  std::vector<output_column> out;
  if (named)
    out.push_back({"column_name", column_role::categorical});
  for (auto* n : {"rows", "missing", "distinct_values"})
    out.push_back({n, column_role::numeric});
  out.push_back({"smallest", column_role::text});
  out.push_back({"largest", column_role::text});
  return out;
}

} // namespace

sql_plan list_tables(const indexed_model& model) {
  std::vector<std::vector<std::string>> rows;
  int i = 0;
  for (auto* t : sorted_tables(model))
    rows.push_back({std::to_string(++i), string_literal(t->name), string_literal(t->comment),
                    std::to_string(t->columns.size())});
  auto plan = answer(values_table(rows, {"position", "table_name", "description", "columns"}, "\"position\""),
                {{"table_name", column_role::categorical}, {"description", column_role::text},
                 {"columns", column_role::numeric}},
                "Lists the tables of the data source, with their descriptions and number of columns.");
  plan.subject = "tables";
  query q;
  q.tables_listed = true;
  plan.query_json = to_json(q);
  return plan;
}

sql_plan table_holding(const table_info& t) {
  auto plan = answer(values_table({{"1", string_literal(t.name), string_literal(t.comment)}},
                                  {"position", "table_name", "description"}, "\"position\""),
                     {{"table_name", column_role::categorical}, {"description", column_role::text}},
                     "Names the table " + t.name + ".");
  plan.subject = "table " + t.name;
  // The table is what the conversation is about now, as after its columns.
  query q;
  q.kind = query_kind::listing;
  q.entity = t.name;
  q.all_columns = true;
  plan.query_json = to_json(q);
  return plan;
}

sql_plan count_tables(const indexed_model& model) {
  // The tables are what the conversation is about now: "which one keeps
  // …?" next asks which of them.
  query q;
  q.tables_listed = true;
  return answer("SELECT " + std::to_string(sorted_tables(model).size()) + " AS \"tables\"",
                {{"tables", column_role::numeric}}, "Counts the tables of the data source.", to_json(q));
}

sql_plan row_counts(const indexed_model& model) {
  std::vector<std::string> parts;
  for (auto* t : sorted_tables(model))
    parts.push_back("SELECT " + string_literal(t->name) + " AS \"table_name\", COUNT(*) AS \"row_count\" FROM "
                    + table_reference(model, t->name));
  return answer("SELECT \"table_name\", \"row_count\" FROM (" + join(parts, " UNION ALL ")
                  + ") AS counts ORDER BY \"row_count\" DESC, \"table_name\"",
                {{"table_name", column_role::categorical}, {"row_count", column_role::numeric}},
                "Counts the rows of every table.");
}

sql_plan row_count(const indexed_model& model, const table_info& t) {
  auto plan = answer("SELECT COUNT(*) AS \"row_count\" FROM " + table_reference(model, t.name),
                     {{"row_count", column_role::numeric}}, "Counts the rows of " + t.name + ".");
  plan.subject = "rows of " + column_words(t.name);
  return plan;
}

sql_plan describe(const table_info& t) {
  std::vector<std::vector<std::string>> rows;
  int i = 0;
  for (auto& c : t.columns)
    rows.push_back({std::to_string(++i), string_literal(c.name), string_literal(c.type),
                    string_literal(c.comment)});
  auto plan = answer(values_table(rows, {"position", "column_name", "data_type", "description"}, "\"position\""),
                     {{"column_name", column_role::categorical}, {"data_type", column_role::categorical},
                      {"description", column_role::text}},
                     "Lists the columns of " + t.name + " with their types and descriptions.");
  plan.subject = "columns of " + column_words(t.name);
  // The table is what the conversation is about now: "and its size?",
  // "show me some of them" next are about its rows.
  query q;
  q.kind = query_kind::listing;
  q.entity = t.name;
  q.all_columns = true;
  q.columns_described = true;
  plan.query_json = to_json(q);
  return plan;
}

sql_plan code_meanings(const indexed_model& model, const table_info& t, const column_info& c,
                       const table_info* codes) {
  if (c.comment.empty() && codes) {
    auto plan = answer("SELECT * FROM " + table_reference(model, codes->name), {},
                       "Lists the codes of " + column_words(c.name) + " with what they stand for, from "
                         + column_words(codes->name) + ".");
    plan.subject = "codes of " + column_words(c.name);
    return plan;
  }
  auto plan = answer(values_table({{"1", string_literal(c.name), string_literal(c.comment)}},
                                  {"position", "column_name", "meaning"}, "\"position\""),
                     {{"column_name", column_role::categorical}, {"meaning", column_role::text}},
                     "Gives the description of " + t.name + "." + c.name + ", which says what its codes stand for.");
  plan.subject = "codes of " + column_words(c.name);
  return plan;
}

sql_plan sample(const indexed_model& model, const table_info& t, int rows) {
  // A listing of every column: a follow-up ("only those in Bergen") edits it.
  query q;
  q.kind = query_kind::listing;
  q.entity = t.name;
  q.all_columns = true;
  q.limit = rows;
  auto compiled = compile(model, q);
  auto plan = answer(compiled.sql, compiled.columns,
                     "Shows " + std::to_string(rows) + " rows of " + t.name + ", every column.", to_json(q));
  plan.subject = "rows of " + column_words(t.name);
  if (compiled.status != compile_status::ok) {
    plan.sql = "SELECT * FROM " + table_reference(model, t.name) + " LIMIT " + std::to_string(rows);
    plan.query_json.clear();
  }
  return plan;
}

sql_plan common_values(const indexed_model& model, const table_info& t, const column_info& c) {
  auto col = quote_identifier(c.name);
  return answer("SELECT " + col + ", COUNT(*) AS \"rows\" FROM " + table_reference(model, t.name)
                  + " GROUP BY " + col + " ORDER BY \"rows\" DESC, " + col + " LIMIT 10",
                {{c.name, column_role::categorical}, {"rows", column_role::numeric}},
                "The 10 most common values of " + t.name + "." + c.name + ", with how many rows hold each.");
}



sql_plan profile(const indexed_model& model, const table_info& t, const column_info* c) {
  auto from = " FROM " + table_reference(model, t.name);
  if (c)
    return answer(profile_select(*c, false) + from, profile_columns(false),
                  "Profiles " + t.name + "." + c->name + ": rows, missing values, distinct values, smallest and largest.");
  std::vector<std::string> parts;
  for (auto& col : t.columns)
    parts.push_back(profile_select(col, true) + from);
  return answer(join(parts, " UNION ALL "), profile_columns(true),
                "Profiles every column of " + t.name + ": rows, missing values, distinct values, smallest and largest.");
}

sql_plan name_a_table(const indexed_model& model, const std::string& what) {
  sql_plan p;
  p.outcome = plan_outcome::clarify;
  p.understood = "You asked about " + what + ", but I could not tell which table you mean.";
  for (auto* t : sorted_tables(model)) {
    if (p.choices.size() >= 6)
      break;
    p.choices.push_back({t->name, "describe the " + entity_words(t->name) + " table"});
  }
  p.confidence = 0.2;
  return p;
}

} // namespace medha::sqlgen::schema_answers
