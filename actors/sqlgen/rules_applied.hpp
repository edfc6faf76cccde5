#pragma once

// Which of the model's rules (default filters) a compiled query applies.

#include <string>
#include <vector>

#include "actors/sqlgen/query.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {
class indexed_model;
}

namespace medha::sqlgen {

/// The rules on the tables the query uses (`tables`), less those on a column
/// the query itself filters, groups, lists or measures: "how many payments
/// were voided?" asks about the very rows a rule leaving voided payments out
/// would drop, so the question's own condition stands in for the rule; so
/// does a value it keeps that names a column of the rule (the status 'VOID'
/// beside a rule on `voided_dt`).
std::vector<const rule*> rules_applied(const indexed_model& model, const query& q,
                                       const std::vector<std::string>& tables);

} // namespace medha::sqlgen
