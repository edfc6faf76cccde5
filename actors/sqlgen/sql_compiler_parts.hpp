// Internal to the SQL compiler (sql_compiler.cpp and the compile_*.cpp files):
// the state of one compilation and the helpers its parts share. Not for other
// stages: they call compile() in sql_compiler.hpp.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/sql_compiler.hpp"

namespace medha::sqlgen::compiling {

/// "SUM", "AVG", ... for an aggregate; "" for none.
const char* sql_function(aggregate a);

/// Whether a join step brings in the rows that reference its table (a
/// client's deliveries), repeating each row before it once per match.
bool multiplies_rows(const indexed_model& model, const join_step& s);

/// The step whose repeated rows would make a total or an average wrong:
/// one nothing is grouped by, or one whose every row is a group of its own
/// reached through a shared parent (compile_fan_out.cpp).
/// `summed`: the tables whose rows are added up or averaged.
std::optional<size_t> repeating_step(const indexed_model& model, const query& q,
                                     const join_tree& tree, const std::vector<std::string>& summed);

/// The query with its conditions on the rows beyond step `at` asked as
/// existence ("bills of clients that have a billing complaint"); nullopt
/// when those rows are used for more than plain conditions.
std::optional<query> conditions_as_existence(const query& q, const join_tree& tree, size_t at);

/// A table the question never named from which two of its tables hang (a
/// shop's manager, who also signs off its suppliers' invoices), or that leads on
/// through a key named for a role (a member's club, on to the club's
/// manager): the way through it is a guess at how the question's tables
/// relate. nullopt when there is none or the user named the keys (`hints`).
std::optional<std::string> unnamed_common_parent(const indexed_model& model, const join_tree& tree,
                                                 const std::vector<std::string>& named,
                                                 const join_hints& hints);

/// The aggregate a SQL function name stands for; false when it is none.
bool aggregate_of(std::string fn, aggregate& out);

/// A filter's value as SQL: a number stays bare when the filter compares numbers.
std::string literal(const filter& f, const std::string& v);

/// One query structure being written as a SELECT. Each part of the statement
/// is written by its own file; they meet in these members.
struct compiler {
  compiler(const indexed_model& model, const query& q) : model(model), q(q) {}

  /// The day periods count back from: today, or the day a copy of the data
  /// ends (semantic_model::data_ends), as an SQL date (compile_time.cpp).
  std::string today() const;

  const indexed_model& model;
  const query& q;
  compiled_query out;
  bool fans_out = false;   // a join from a table to rows that reference it
  std::optional<size_t> repeated_at; // the step that would repeat the rows of a total
  bool row_groups = false; // every group is one row of the root table
  std::string root_name;
  join_tree tree;

  // The statement's parts, in the order they are written.
  bool listing = false;
  std::vector<std::string> select;
  std::set<std::string> used; // result column names taken
  std::vector<std::string> group_by;
  std::vector<std::pair<std::string, bool>> order_by; // expression, descending
  std::vector<std::string> measure_aliases;
  std::vector<std::string> where, having;

  bool fail(compile_status s, std::string detail);
  bool check(const column_ref& c);
  bool run();                              // sql_compiler.cpp
  bool repeats_with_rows(const measure& m); // sql_compiler.cpp
  std::vector<std::string> needed_tables(); // sql_compiler.cpp

  // Select list and order: compile_select.cpp
  bool select_rows();
  bool select_groups();
  bool order_groups();
  std::optional<column_ref> identity_key(const column_ref& c);
  std::vector<const column_info*> descriptors(const table_info& t, const column_info* label);
  const column_info* family_of(const table_info& t, const std::string& column);
  std::string dimension_alias(const dimension& d);

  // WHERE and HAVING: compile_where.cpp
  void where_and_having();
  std::string conditions(const std::vector<filter>& fs);

  // One filter as a condition: compile_filters.cpp
  std::string filter_sql(const filter& f);
  std::string select_where(const filter& f, const column_ref& column);
  std::string month_pair_sql(const filter& f);

  // Conditions on related rows: compile_related.cpp
  std::string related_count_sql(const filter& f);
  std::string exists_sql(const filter& f);
  std::string related_rows(const filter& f, const std::string& what);

  // Times and periods: compile_time.cpp
  std::string time_value(const column_ref& c);
  std::string span(const measure& m);
  std::string time_expression(const column_ref& c, time_bucket b);
  std::string month_number_sql(const column_ref& month);
  bool one_year(const column_ref& c);
  std::string time_order(const column_ref& c, time_bucket b);

  // Measures: compile_measures.cpp
  std::string base_measure(const measure& m);
  std::string ratio_side(const measure& x);
  bool separate_denominator(const measure& m);
  std::string ratio_sql(const measure& m);
  std::string measure_sql(const measure& m);
};

// Query shapes written as a whole statement of their own, or rewritten
// before the compiler sees them: compile_rewrites.cpp, compile_ratio_groups.cpp.
query without_needless_joins(const indexed_model& model, const query& q);
std::optional<compiled_query> count_of_qualifying(const indexed_model& model, const query& q);
std::optional<compiled_query> ratio_of_two_tables_per_group(const indexed_model& model,
                                                            const query& q);

} // namespace medha::sqlgen::compiling
