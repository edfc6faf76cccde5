#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha {

/// (table, column) pairs whose column alone is a primary key or unique.
using unique_columns = std::set<std::pair<std::string, std::string>>;

/// Join edges for databases that never declared their foreign keys, from key
/// names, all marked `inferred`. For each column of table T not already in a
/// declared foreign key, candidates are:
///  - same name: another table U where a column of that name is unique on its
///    own (orders.customer_id -> customers.customer_id); not for plain "id";
///  - prefix: a column "<p>_id" and a table named p, p+"s", p+"es" or
///    p-"y"+"ies" with a single-column key (orders.customer_id -> customers.id).
/// A candidate whose table matches the prefix outranks a same-name one; the
/// best candidate wins only if unique (ambiguity yields nothing rather than a
/// wrong join). Types must be compatible (integer family, text family or equal
/// modulo typmod). A column that is its own table's key is only linked to a
/// prefix-matching table, so tables sharing a key name are not all chained.
std::vector<relationship> infer_relationships(const std::vector<table_info>& tables,
                                              const std::vector<relationship>& declared,
                                              const unique_columns& unique);

} // namespace medha
