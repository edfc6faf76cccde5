#pragma once

#include <string>
#include <utility>
#include <vector>

#include "messages/chart.hpp"
#include "messages/discovery_result.hpp"
#include "messages/error.hpp"
#include "messages/result_set.hpp"
#include "messages/sql_plan.hpp"

namespace medha {

/// The JSON `data` of each step event; kept out of the actor so the actor
/// reads as the turn's flow.

std::string discovery_payload(const discovery_result& r, const std::string& selected,
                              const std::string& how);
/// `cache`: how the worker got the model from the shared metadata cache
/// ("hit", "miss"; "" leaves it out).
std::string context_payload(const std::string& source, size_t tables, uint64_t schema_version,
                            size_t metrics, const std::string& cache = "");
/// The plan: SQL, explanation, the strategy that answered and why; for a
/// model's SQL also the attempt, the prompt's size against its budget and
/// whether data went to the model.
std::string sql_payload(const sql_plan& plan);
/// A model's SQL failed and goes back to it: the attempt that starts and why.
std::string correction_payload(size_t attempt, const medha_error& err);
std::string execute_payload(const result_set& rows);
std::string visualize_payload(const chart& c);
std::string validate_payload(bool safe);
std::string context_started_payload(const std::string& source);
/// `{"delivery":n}`, kept with a question from the stream (the delivery that first ran it).
std::string delivery_payload(uint64_t delivery);
/// `{"<stage>_ms":…, "total_ms":…}` for the answer's timings.
std::string timings_payload(const std::vector<std::pair<std::string, double>>& stages,
                            double total_ms);

/// The final answer: text, SQL, columns, rows, chart, suggestions, timings.
std::string answer_payload(const std::string& text, const std::string& source,
                           const sql_plan& plan, const result_set& rows, const chart& c,
                           const std::vector<std::string>& suggestions,
                           const std::string& timings_json);

/// A clarify from the SQL stage: what was understood and the choices.
std::string clarify_payload(const std::string& text, const sql_plan& plan,
                            const std::string& source);

/// A clarify from discovery: the candidate data sources with their tables.
std::string source_clarify_payload(const std::string& text, const discovery_result& r);

} // namespace medha
