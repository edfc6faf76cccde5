#include "actors/sqlgen/llm/llm_strategy.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "actors/sqlgen/llm/prompt.hpp"
#include "actors/sqlgen/llm/reply_parser.hpp"

namespace medha::llm {

namespace json = boost::json;

namespace {

// Deltas go out in pieces of at least this many characters: one event per
// token would be one NATS message per token.
constexpr size_t delta_batch = 24;

sql_plan failed(const sql_plan* fallback, const std::string& failure, const built_prompt& p) {
  sql_plan plan;
  if (fallback) {
    plan = *fallback;
    plan.strategy_reason = "the engine abstained and the language model failed: " + failure;
  } else {
    plan.outcome = plan_outcome::clarify;
    plan.strategy = "llm";
    plan.understood = "";
    plan.question_to_user = "I could not write SQL for this: " + failure;
  }
  plan.failure = failure;
  plan.prompt_tokens = p.tokens;
  plan.prompt_budget = p.budget;
  return plan;
}


} // namespace

// One call's tokens (as the provider reported them) at the configured prices.
llm_usage usage_of(const llm_settings& s, const completion* reply) {
  llm_usage u;
  u.calls = 1;
  if (reply) {
    u.input_tokens = std::max<int64_t>(0, reply->input_tokens);
    u.output_tokens = std::max<int64_t>(0, reply->output_tokens);
  }
  u.priced = s.price_in_per_1k > 0 || s.price_out_per_1k > 0;
  u.cost = (static_cast<double>(u.input_tokens) * s.price_in_per_1k
            + static_cast<double>(u.output_tokens) * s.price_out_per_1k)
           / 1000.0;
  return u;
}

sql_plan write_sql(const llm_client& client, const sql_request& req, bool allow_data,
                   const sql_plan* fallback, const std::string& route_reason,
                   const progress_fn& progress) {
  auto& settings = client.settings();
  prompt_input in;
  in.model = req.model.get();
  in.question = req.question;
  in.history = req.history;
  in.failed = req.failed;
  in.examples = req.examples;
  in.allow_data = allow_data;
  in.last_rows = req.last_rows ? &*req.last_rows : nullptr;
  in.token_budget = settings.prompt_token_budget;
  auto prompt = build_prompt(in);
  int attempt = static_cast<int>(req.failed.size()) + 1;
  if (progress) {
    json::array trimmed;
    for (auto& t : prompt.trimmed)
      trimmed.emplace_back(t);
    progress(json::serialize(json::object{{"strategy", "llm"},
                                          {"phase", "prompt"},
                                          {"attempt", attempt},
                                          {"model", settings.model},
                                          {"prompt_tokens", prompt.tokens},
                                          {"prompt_budget", prompt.budget},
                                          {"trimmed", std::move(trimmed)},
                                          {"data_shared", prompt.data_shared}}));
  }
  if (!prompt.fits)
    return failed(fallback,
                  "the prompt needs about " + std::to_string(prompt.tokens)
                    + " tokens, over the budget of " + std::to_string(prompt.budget),
                  prompt);
  std::string pending;
  auto flush = [&] {
    if (progress && !pending.empty())
      progress(json::serialize(json::object{
        {"strategy", "llm"}, {"phase", "delta"}, {"attempt", attempt}, {"delta", pending}}));
    pending.clear();
  };
  llm_client::delta_fn on_delta;
  if (progress)
    on_delta = [&](const std::string& d) {
      pending += d;
      if (pending.size() >= delta_batch)
        flush();
    };
  auto on_retry = [&](int n, long status, std::chrono::milliseconds wait, const std::string& why) {
    if (progress)
      progress(json::serialize(json::object{{"strategy", "llm"},
                                            {"phase", "retry"},
                                            {"attempt", attempt},
                                            {"call", n},
                                            {"status", status},
                                            {"wait_ms", wait.count()},
                                            {"why", why}}));
  };
  auto result = client.complete(prompt.chat, on_delta, on_retry);
  flush();
  if (auto* err = std::get_if<medha_error>(&result)) {
    auto plan = failed(fallback, err->message, prompt);
    plan.usage = usage_of(settings, nullptr);
    return plan;
  }
  auto& reply = std::get<completion>(result);
  auto parsed = parse_reply(reply.text);
  sql_plan plan;
  plan.strategy = "llm";
  plan.strategy_reason = route_reason;
  plan.model_name = settings.model;
  plan.prompt_tokens = prompt.tokens;
  plan.prompt_budget = prompt.budget;
  plan.attempt = attempt;
  plan.data_shared = prompt.data_shared;
  plan.usage = usage_of(settings, &reply);
  plan.confidence = 0.5; // unproven: the model's SQL is checked only by the guard and PostgreSQL
  switch (parsed.what) {
    case parsed_reply::kind::sql:
      plan.sql = parsed.sql;
      plan.explanation = "SQL written by the language model " + settings.model
                         + (attempt > 1 ? " (correction " + std::to_string(attempt - 1) + ")" : "")
                         + ".";
      return plan;
    case parsed_reply::kind::clarify:
      plan.outcome = plan_outcome::clarify;
      plan.question_to_user = parsed.question;
      if (fallback)
        plan.understood = fallback->understood;
      return plan;
    case parsed_reply::kind::empty:
      break;
  }
  auto none = failed(fallback, "the model's reply held no SQL", prompt);
  none.usage = plan.usage;
  return none;
}

} // namespace medha::llm
