#pragma once

#include <optional>
#include <string_view>

#include <boost/json/value.hpp>

namespace medha {

/// Reading literal arguments out of libpg_query's JSON parse tree, so the
/// guard can refuse calls whose size is plain from the text
/// (generate_series(1, 1e9), repeat('x', 1e9)) before they cost anything.
/// `sql` is the parsed text: libpg_query's JSON drops the value of negative
/// integer constants, which are read back from the text at their location.

/// The number a constant argument stands for (through casts and parentheses),
/// or nothing when it is not a numeric literal.
std::optional<double> literal_number(const boost::json::value& arg, std::string_view sql);

/// The rows generate_series(args...) returns when every argument is a literal
/// (numbers, or timestamps with an interval step), or nothing when it cannot
/// tell. Timestamps are read as YYYY-MM-DD[ HH:MM[:SS]], intervals as
/// "N unit ..." or HH:MM:SS; months count 30 days, years 365.
std::optional<double> literal_series_rows(const boost::json::array& args, std::string_view sql);

} // namespace medha
