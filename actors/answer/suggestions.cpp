#include "actors/answer/suggestions.hpp"

#include <algorithm>
#include <cctype>

namespace medha::answer {

namespace {

constexpr size_t max_suggestions = 3;

bool contains(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool contains_pair(const std::vector<std::string>& words, const char* a, const char* b) {
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == a && words[i + 1] == b)
      return true;
  return false;
}

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The tables the SQL reads, as the model names them.
std::vector<const table_info*> used_tables(const semantic_model& model,
                                           const std::vector<std::string>& words) {
  std::vector<const table_info*> used;
  for (const auto& t : model.tables)
    if (contains(words, lower(t.name)))
      used.push_back(&t);
  return used;
}

// Used tables first, then their direct neighbours: a dimension one join away
// ("by region" for customers) is one the engine can reach.
std::vector<const table_info*> reachable_tables(const semantic_model& model,
                                                const std::vector<const table_info*>& used) {
  auto out = used;
  auto add = [&](const std::string& name) {
    auto t = model.find_table(name);
    if (t && std::find(out.begin(), out.end(), t) == out.end())
      out.push_back(t);
  };
  for (const auto* t : used)
    for (const auto& r : model.relationships) {
      if (r.from_table == t->name)
        add(r.to_table);
      if (r.to_table == t->name)
        add(r.from_table);
    }
  return out;
}

// How a person names a grouping column: regions.name is "region",
// customers.segment is "segment".
std::string dimension_words(const table_info& t, const column_info& c) {
  if (c.name == "name" || c.name == "title" || c.name == "label")
    return singular(lower(t.name));
  return lower(title_of(c.name));
}

// The words of the SQL's WHERE clause.
std::vector<std::string> where_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  bool in_where = false;
  for (const auto& w : words) {
    if (w == "where")
      in_where = true;
    else if (w == "group" || w == "order" || w == "limit" || w == "having")
      in_where = false;
    else if (in_where)
      out.push_back(w);
  }
  return out;
}

// The latest year in the result's time columns ("2024-12-01" -> "2024").
std::string latest_year(const result_set& rows, const result_shape& shape) {
  std::string best;
  for (auto c : shape.times)
    for (const auto& row : rows.rows) {
      if (c >= row.size() || !row[c] || row[c]->size() < 4)
        continue;
      auto year = row[c]->substr(0, 4);
      if (std::all_of(year.begin(), year.end(), [](char ch) { return ch >= '0' && ch <= '9'; })
          && year > best)
        best = year;
    }
  return best;
}

} // namespace

std::vector<std::string> suggest_follow_ups(const sql_plan& plan, const result_set& rows,
                                            const result_shape& shape,
                                            const semantic_model* model) {
  std::vector<std::string> out;
  auto add = [&](std::string s) {
    if (out.size() < max_suggestions && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(std::move(s));
  };
  if (plan.outcome != plan_outcome::answer)
    return out;
  const auto words = sql_words(plan.sql);
  const bool grouped = contains_pair(words, "group", "by");
  const bool aggregated = contains(words, "sum") || contains(words, "count")
                          || contains(words, "avg") || contains(words, "min")
                          || contains(words, "max");

  const auto where = where_words(words);

  // Dimensions and dates the query could add, from the model.
  std::vector<std::string> dimensions;
  bool has_time_column = !shape.times.empty();
  bool time_filtered = false;
  if (model) {
    const auto used = used_tables(*model, words);
    for (const auto* t : used)
      for (const auto& c : t->columns)
        if (c.role == column_role::time) {
          has_time_column = true;
          time_filtered = time_filtered || contains(where, lower(c.name));
        }
    for (const auto* t : reachable_tables(*model, used))
      for (const auto& c : t->columns) {
        if (c.role != column_role::categorical || contains(words, lower(c.name)))
          continue; // already grouped or filtered by it
        auto d = dimension_words(*t, c);
        if (std::find(dimensions.begin(), dimensions.end(), d) == dimensions.end())
          dimensions.push_back(std::move(d));
      }
  }
  // Relative periods filter by time without naming the column.
  time_filtered = time_filtered || contains(where, "interval") || contains(where, "current_date")
                  || contains(where, "now") || contains(where, "extract");

  if (!grouped && !dimensions.empty())
    add("by " + dimensions.front());
  if (has_time_column && !time_filtered) {
    auto year = latest_year(rows, shape);
    if (!year.empty())
      add("only " + year);
  }
  if (has_time_column && shape.times.empty() && (aggregated || !grouped))
    add("monthly trend");
  if (grouped) {
    if (!contains(words, "limit") && rows.row_count > 5)
      add("top 5");
    if (aggregated && !contains(words, "avg") && !shape.numerics.empty())
      add("average instead");
  }
  // Still short: another way to cut the same numbers.
  for (const auto& d : dimensions) {
    if (out.size() >= 2)
      break;
    add("by " + d);
  }
  return out;
}

} // namespace medha::answer
