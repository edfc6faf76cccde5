#pragma once

#include <string>
#include <vector>

#include "messages/result_set.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha::answer {

/// The result's columns by role: what the sentence talks about and what the
/// suggestions may add.
struct result_shape {
  std::vector<size_t> times;      // dates, timestamps, time buckets
  std::vector<size_t> numerics;   // measures
  std::vector<size_t> categories; // everything else
};

/// Roles from the plan's columns by name, else from the PostgreSQL types.
result_shape shape_of(const result_set& rows, const sql_plan& plan);

/// The SQL's words, lowercase, split on anything but letters, digits and _:
/// enough to tell which tables and columns a query already uses.
std::vector<std::string> sql_words(const std::string& sql);

/// "total_revenue" -> "Total revenue".
std::string title_of(const std::string& column);

/// "regions" -> "region", "categories" -> "category": the noun for one row.
std::string singular(const std::string& noun);

/// "region" -> "regions", "category" -> "categories".
std::string plural(const std::string& noun);

} // namespace medha::answer
