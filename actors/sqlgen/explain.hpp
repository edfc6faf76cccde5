#pragma once

#include <string>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

class indexed_model;

/// The query in plain language: "Sums quantity × unit price over order items,
/// grouped by region name, for orders in 2024."
std::string explain(const indexed_model& model, const query& q);

/// A measure in words: "total weight", "number of members".
std::string describe(const indexed_model& model, const measure& m);

/// A filter in words: "region name is West", "order date in 2024".
std::string describe(const indexed_model& model, const filter& f);

/// What the rows of the answer are, in words, for the answer's text: the
/// rows listed ("products"), the groups ("salespeople"), the values of one
/// column ("cities"); "" for one number.
std::string rows_subject(const indexed_model& model, const query& q);

} // namespace medha::sqlgen
