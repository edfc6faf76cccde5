#pragma once

// The answers to questions about the data itself, built from the catalog
// and guarded queries: the tables, their row counts, a table's columns, a
// sample of its rows, a column's common values, a profile. Each is one
// SELECT with the same answer event as any other (schema_questions.cpp
// decides which is asked).

#include <string>

#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::sqlgen {

class indexed_model;

namespace schema_answers {

sql_plan list_tables(const indexed_model& model);
sql_plan count_tables(const indexed_model& model);
sql_plan row_counts(const indexed_model& model);
sql_plan row_count(const indexed_model& model, const table_info& t);
sql_plan describe(const table_info& t);
/// "Which table holds the payments?": that table's name and description.
sql_plan table_holding(const table_info& t);
sql_plan sample(const indexed_model& model, const table_info& t, int rows);
sql_plan common_values(const indexed_model& model, const table_info& t, const column_info& c);
/// A profile of one column, or of every profiled column of `t` when `c` is null.
sql_plan profile(const indexed_model& model, const table_info& t, const column_info* c);
/// The meaning of a column's codes: its description, which says
/// what its codes stand for; else the rows of the table of codes its key
/// points to (`codes`).
sql_plan code_meanings(const indexed_model& model, const table_info& t, const column_info& c,
                       const table_info* codes);
/// "Which table do you mean?": a clarify that offers the tables.
sql_plan name_a_table(const indexed_model& model, const std::string& what);

} // namespace schema_answers

} // namespace medha::sqlgen
