#pragma once

#include <string>
#include <vector>

#include "messages/sql_plan.hpp"

namespace medha::sqlgen::testing {

/// One row of a question table: the question and what its SQL must (and must
/// not) contain. Fragments keep rows short and readable while pinning the
/// parts that matter.
struct sql_row {
  std::string question;
  std::vector<std::string> contains;
  std::vector<std::string> excludes = {};
};

/// Quotes identifiers the way the compiler does: q("orders.status") is
/// "orders"."status".
std::string q(const std::string& dotted);

/// A period as a half-open range of dates: `column` from `from` (included)
/// to `to` (excluded), ISO dates.
std::string period(const std::string& column, const std::string& from, const std::string& to);

/// Empty when `plan` answers with SQL containing every fragment and none of
/// the excluded ones; otherwise what is wrong.
std::string check(const sql_plan& plan, const sql_row& row);

} // namespace medha::sqlgen::testing
