#pragma once

#include <boost/json/fwd.hpp>

#include "messages/result_set.hpp"

namespace medha {

/// Puts a result's `columns` (name, type), `rows` (numbers and booleans as
/// JSON numbers and booleans, NULL as null), `row_count` and `truncated` into
/// `out`: the one shape of rows on the wire (answers and `sql.run`).
void put_result(boost::json::object& out, const result_set& rows);

} // namespace medha
