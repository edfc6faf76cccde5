#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "messages/result_set.hpp"
#include "messages/semantic_model.hpp"
#include "messages/sql_plan.hpp"

namespace medha {

/// What the answer step says: one or two sentences a person would say about
/// the result, and follow-ups the embedded SQL engine understands.
struct written_answer {
  std::string text;
  std::vector<std::string> suggestions; // 2-3, none repeating what is applied
};

/// Writes the answer for a result:
///   one number      "Total revenue is 12,345,678.90."
///   grouped         "Revenue is highest for West (4,123,456.00), followed by
///                    East (3,100.50); 5 regions in all."
///   trend           "Revenue went from 10 in 2022-01 to 30 in 2024-12 (+200.0%)."
///   listing         "Found 37 customers; showing the first 20."
///   empty           "No rows matched ..."
/// `model` (may be null) lets the suggestions name dimensions and dates.
written_answer write_answer(std::string_view question, const sql_plan& plan,
                            const result_set& rows, const semantic_model* model);

} // namespace medha
