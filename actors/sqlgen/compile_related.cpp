// Conditions on a row's related rows, as subqueries: how many it has
// ("papers with more than 1 keyphrase"), whether it has any, and conditions
// on those rows or on tables reached from them.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler_parts.hpp"
#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen::compiling {

// "papers with more than 1 keyphrase" as a condition on each paper: the
// number of its related rows, compared. As when such counts are grouped,
// only rows with some related rows count ("fewer than 3" is not "none").
std::string compiler::related_count_sql(const filter& f) {
  auto sub = related_rows(f, "COUNT(*)");
  if (sub.empty())
    return "TRUE";
  auto n = f.values.empty() ? std::string("0") : f.values.front();
  const char* op = f.op == filter_op::gt   ? " > "
                   : f.op == filter_op::ge ? " >= "
                   : f.op == filter_op::lt ? " < "
                   : f.op == filter_op::le ? " <= "
                   : f.op == filter_op::neq ? " <> "
                                            : " = ";
  bool explicit_zero = (f.op == filter_op::eq || f.op == filter_op::le) && n == "0";
  auto count = explicit_zero ? "(" + sub + ")" : "NULLIF((" + sub + "), 0)";
  return count + op + literal(f, n);
}

std::string compiler::exists_sql(const filter& f) {
  auto sub = related_rows(f, "1");
  if (sub.empty())
    return "TRUE";
  return f.op == filter_op::lacks_related ? "NOT EXISTS (" + sub + ")" : "EXISTS (" + sub + ")";
}

// The rows of f.related_table linked to the outer row of f.column.table,
// as "SELECT <what> FROM ... WHERE ..."; empty when they are not linked.
std::string compiler::related_rows(const filter& f, const std::string& what) {
  join_hints hints;
  for (auto& c : q.via)
    hints.emplace_back(c.table, c.column);
  auto path = shortest_path(model, f.column.table, f.related_table, hints);
  if (!path.found || path.steps.empty()) {
    fail(compile_status::not_connected,
         "no relationship between " + f.column.table + " and " + f.related_table);
    return "";
  }
  // "pupils who sat an exam" is not "pupils whose school runs some exam": a way through a parent the question never named is asked.
  {
    join_tree way;
    way.steps = path.steps;
    auto named = needed_tables();
    named.insert(named.end(), q.named.begin(), q.named.end());
    named.push_back(f.related_table);
    for (auto& g : f.within)
      named.push_back(g.column.table);
    if (auto parent = unnamed_common_parent(model, way, named, hints)) {
      fail(compile_status::unsupported, "the tables it needs are linked only through " + entity_words(*parent)
                                          + ", which the question does not name");
      return "";
    }
  }
  // Inner tables get aliases so they never capture the outer query's names.
  std::string from, where;
  for (size_t i = 0; i < path.steps.size(); ++i) {
    auto& s = path.steps[i];
    auto alias = quote_identifier("x" + std::to_string(i + 1));
    auto prev = i == 0 ? quote_identifier(s.from_table) : quote_identifier("x" + std::to_string(i));
    std::string cond;
    for (auto& [a, b] : s.on)
      cond += std::string(cond.empty() ? "" : " AND ") + alias + "." + quote_identifier(b)
              + " = " + prev + "." + quote_identifier(a);
    if (i == 0) {
      from = table_reference(model, s.to_table) + " AS " + alias;
      where = cond;
    } else {
      from += " JOIN " + table_reference(model, s.to_table) + " AS " + alias + " ON " + cond;
    }
  }
  // Conditions on the related rows, or on a table reached from them: joined
  // on inside, each on its own alias.
  std::vector<std::pair<std::string, std::string>> aliases{
    {f.related_table, "x" + std::to_string(path.steps.size())}};
  size_t next = path.steps.size();
  for (auto g : f.within) {
    auto known = std::find_if(aliases.begin(), aliases.end(),
                              [&](const auto& a) { return a.first == g.column.table; });
    if (known == aliases.end()) {
      auto more = shortest_path(model, f.related_table, g.column.table, hints);
      if (!more.found || more.steps.empty()) {
        fail(compile_status::not_connected,
             "no relationship between " + f.related_table + " and " + g.column.table);
        return "";
      }
      auto prev = aliases.front().second;
      for (auto& s : more.steps) {
        auto alias = "x" + std::to_string(++next);
        std::string cond;
        for (auto& [a, b] : s.on)
          cond += std::string(cond.empty() ? "" : " AND ") + quote_identifier(alias) + "."
                  + quote_identifier(b) + " = " + quote_identifier(prev) + "." + quote_identifier(a);
        from += " JOIN " + table_reference(model, s.to_table) + " AS " + quote_identifier(alias)
                + " ON " + cond;
        aliases.emplace_back(s.to_table, alias);
        prev = alias;
      }
      known = aliases.end() - 1;
    }
    g.column.table = known->second;
    where += " AND " + filter_sql(g);
  }
  return "SELECT " + what + " FROM " + from + " WHERE " + where;
}

} // namespace medha::sqlgen::compiling
