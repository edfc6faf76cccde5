#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medha::answer {

/// A number as PostgreSQL prints it, parsed; nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

/// "12345678.9" -> "12,345,678.90", "4200" -> "4,200", "4200.00" ->
/// "4,200.00": thousands separators, two decimals unless PostgreSQL printed a
/// whole number. Text that is not a number comes back unchanged.
std::string format_number(std::string_view text);

/// A computed value: two decimals when `decimals` or when it is not whole.
std::string format_value(double value, bool decimals = false);

/// True when PostgreSQL printed the number with a fraction ("12.00"): its
/// column is a decimal type, so all of its values should show cents.
bool has_fraction(std::string_view text);

/// A signed change in percent with one decimal: "+12.5%", "-3.0%".
std::string format_percent(double percent);

} // namespace medha::answer
