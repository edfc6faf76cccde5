#pragma once

#include <string>
#include <vector>

namespace medha::sqlgen {

class indexed_model;
struct query;
struct reading;

/// The words of each phrase the question linked to a column that the query
/// never uses: read, then dropped. Keys are not counted (a key names its
/// table or a link, which the joins show).
std::vector<std::string> columns_left_out(const indexed_model& model, const reading& r, const query& q);

} // namespace medha::sqlgen
