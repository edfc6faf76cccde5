#include "actors/sqlgen/verified_examples.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

const verified_example* asked_alike(const indexed_model& model, std::string_view question,
                                    const std::vector<verified_example>& own) {
  auto sig = example_signature(question);
  if (sig.empty())
    return nullptr;
  for (auto& e : own)
    if (!e.sql.empty() && example_signature(e.question) == sig)
      return &e;
  for (size_t i = 0; i < model.examples.size(); ++i)
    if (!model.examples[i].sql.empty() && model.index.example(i) == sig)
      return &model.examples[i];
  return nullptr;
}

const verified_example* read_alike(const sql_plan& plan, const std::vector<verified_example>& own,
                                   const std::function<sql_plan(std::string_view)>& read) {
  if (plan.outcome != plan_outcome::answer || plan.query_json.empty())
    return nullptr;
  constexpr size_t most_read = 32; // each is one reading: bound the cost per turn
  for (size_t i = 0; i < own.size() && i < most_read; ++i) {
    if (own[i].sql.empty())
      continue;
    auto reading = read(own[i].question);
    if (reading.outcome == plan_outcome::answer && reading.query_json == plan.query_json)
      return &own[i];
  }
  return nullptr;
}

} // namespace medha::sqlgen
