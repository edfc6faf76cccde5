#include "actors/conversation/turn_payloads.hpp"

#include <boost/json.hpp>

#include "messages/discovery_json.hpp"
#include "messages/result_json.hpp"

namespace medha {

namespace json = boost::json;

namespace {

json::value parse_or_empty(const std::string& text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  return ec ? json::value(json::object{}) : v;
}

} // namespace

std::string discovery_payload(const discovery_result& r, const std::string& selected,
                              const std::string& how) {
  json::object o;
  o["sources"] = sources_to_json(r.sources);
  o["selected"] = selected;
  o["how"] = how;
  o["clear_winner"] = r.clear_winner;
  o["lookup_ms"] = r.elapsed_ms;
  if (!r.cache.empty())
    o["cache"] = r.cache;
  return json::serialize(o);
}

std::string context_payload(const std::string& source, size_t tables, uint64_t schema_version,
                            size_t metrics, const std::string& cache) {
  json::object o{{"data_source", source},
                 {"tables", tables},
                 {"metrics", metrics},
                 {"schema_version", std::to_string(schema_version)}};
  if (!cache.empty())
    o["cache"] = cache;
  return json::serialize(o);
}

// Which path wrote the SQL and why; a model's call adds its measures.
static void add_strategy(json::object& o, const sql_plan& plan) {
  o["strategy"] = plan.strategy;
  if (!plan.strategy_reason.empty())
    o["strategy_reason"] = plan.strategy_reason;
  if (plan.strategy == "llm") {
    o["model"] = plan.model_name;
    o["attempt"] = plan.attempt;
    o["prompt_tokens"] = plan.prompt_tokens;
    o["prompt_budget"] = plan.prompt_budget;
    o["data_shared"] = plan.data_shared;
  }
  if (!plan.cache.empty())
    o["cache"] = plan.cache;
  if (!plan.result_cache.empty())
    o["result_cache"] = plan.result_cache;
  if (!plan.failure.empty())
    o["llm_failure"] = plan.failure;
  if (plan.usage.calls > 0) {
    json::object usage{{"calls", plan.usage.calls},
                       {"input_tokens", plan.usage.input_tokens},
                       {"output_tokens", plan.usage.output_tokens}};
    if (plan.usage.priced)
      usage["cost"] = plan.usage.cost;
    o["usage"] = std::move(usage);
  }
}

std::string sql_payload(const sql_plan& plan) {
  json::object o{{"sql", plan.sql},
                 {"explanation", plan.explanation},
                 {"confidence", plan.confidence}};
  add_strategy(o, plan);
  return json::serialize(o);
}

std::string correction_payload(size_t attempt, const medha_error& err) {
  return json::serialize(json::object{
    {"strategy", "llm"},
    {"attempt", attempt},
    {"correcting", json::object{{"code", to_string(err.code)}, {"message", err.message}}}});
}

std::string execute_payload(const result_set& rows) {
  return json::serialize(json::object{{"row_count", rows.row_count},
                                      {"truncated", rows.truncated},
                                      {"query_ms", rows.elapsed_ms},
                                      {"pg_ms", rows.server_ms}});
}

std::string visualize_payload(const chart& c) {
  return json::serialize(json::object{{"kind", c.kind}});
}

std::string validate_payload(bool safe) {
  return json::serialize(json::object{{"safe", safe}});
}

std::string context_started_payload(const std::string& source) {
  return json::serialize(json::object{{"data_source", source}});
}

std::string delivery_payload(uint64_t delivery) {
  return json::serialize(json::object{{"delivery", delivery}});
}

std::string timings_payload(const std::vector<std::pair<std::string, double>>& stages,
                            double total_ms) {
  json::object o;
  for (auto& [name, ms] : stages)
    o[name + "_ms"] = ms;
  o["total_ms"] = total_ms;
  return json::serialize(o);
}

std::string answer_payload(const std::string& text, const std::string& source,
                           const sql_plan& plan, const result_set& rows, const chart& c,
                           const std::vector<std::string>& suggestions,
                           const std::string& timings_json) {
  json::object o;
  o["text"] = text;
  o["data_source"] = source;
  o["sql"] = plan.sql;
  o["explanation"] = plan.explanation;
  o["confidence"] = plan.confidence;
  add_strategy(o, plan);
  o["answer_by"] = plan.answer_by;
  if (!plan.answer_failure.empty())
    o["answer_failure"] = plan.answer_failure;
  put_result(o, rows);
  o["chart"] = json::object{{"kind", c.kind}, {"spec", parse_or_empty(c.spec_json)}};
  json::array sugg;
  for (auto& s : suggestions)
    sugg.emplace_back(s);
  o["suggestions"] = std::move(sugg);
  o["timings"] = parse_or_empty(timings_json);
  return json::serialize(o);
}

std::string clarify_payload(const std::string& text, const sql_plan& plan,
                            const std::string& source) {
  json::object o;
  o["text"] = text;
  o["data_source"] = source;
  o["understood"] = plan.understood;
  o["confidence"] = plan.confidence;
  add_strategy(o, plan);
  json::array choices;
  for (auto& c : plan.choices)
    choices.push_back(json::object{{"label", c.label}, {"reply", c.reply}});
  o["choices"] = std::move(choices);
  return json::serialize(o);
}

std::string source_clarify_payload(const std::string& text, const discovery_result& r) {
  json::object o;
  o["text"] = text;
  o["understood"] = "which data source the question is about";
  json::array choices;
  int n = 0;
  for (auto& s : r.sources) {
    std::string tables;
    for (auto& t : s.tables)
      tables += (tables.empty() ? "" : ", ") + t.table;
    choices.push_back(json::object{
      {"label", std::to_string(++n) + ". " + s.data_source
                  + (s.description.empty() ? "" : " — " + s.description)
                  + (tables.empty() ? "" : " (tables: " + tables + ")")},
      {"reply", s.data_source}});
  }
  o["choices"] = std::move(choices);
  o["sources"] = sources_to_json(r.sources);
  return json::serialize(o);
}

} // namespace medha
