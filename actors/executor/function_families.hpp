#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace medha {

/// A named group of functions the guard lets queries call: nothing in a
/// family reads the server's state, touches files, sleeps, takes locks or
/// runs SQL given as text.
struct function_family {
  std::string_view name;                  // "string", "date_time", ...
  std::vector<std::string_view> functions; // unqualified, lower case
};

/// Every safe family, one table each (function_families.cpp).
const std::vector<function_family>& safe_function_families();

/// The family of `function` (exact, case-sensitive: the parser has already
/// folded unquoted names to lower case, so a quoted "Lower" is another
/// function), or nothing when no family holds it.
std::optional<std::string_view> family_of(std::string_view function);

/// Set-returning functions a query may use in its FROM clause.
bool is_allowed_from_function(std::string_view function);

/// Operator symbols a query may use (arithmetic, comparison, pattern, json,
/// array containment).
bool is_allowed_operator(std::string_view op);

/// Types a query may cast to: numbers, text, booleans, dates and times,
/// json, uuid. Casts to reg* or other system types would read the catalog.
bool is_allowed_cast_type(std::string_view type);

} // namespace medha
