#include "actors/conversation/carried_context.hpp"

#include <cstdlib>

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

std::string encode_carried_context(const carried_context& ctx) {
  json::object o;
  o["last_query"] = ctx.last_query_json;
  o["last_sql"] = ctx.last_sql;
  o["last_question"] = ctx.last_question;
  // As text: JSON numbers lose 64-bit precision in many readers.
  o["schema_version"] = std::to_string(ctx.schema_version);
  json::array choices;
  for (auto& c : ctx.source_choices)
    choices.emplace_back(c);
  o["source_choices"] = std::move(choices);
  o["pending_question"] = ctx.pending_question;
  json::array recent;
  for (auto& [question, sql] : ctx.recent_turns)
    recent.push_back(json::object{{"question", question}, {"sql", sql}});
  o["recent_turns"] = std::move(recent);
  if (!ctx.llm_provider.empty())
    o["llm"] = json::object{{"provider", ctx.llm_provider}, {"model", ctx.llm_model}};
  return json::serialize(o);
}

carried_context decode_carried_context(const std::string& text) {
  carried_context ctx;
  json::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object())
    return ctx;
  auto& o = v.as_object();
  auto str = [&](const char* key) {
    auto* f = o.if_contains(key);
    return f && f->is_string() ? std::string{f->as_string()} : std::string{};
  };
  ctx.last_query_json = str("last_query");
  ctx.last_sql = str("last_sql");
  ctx.last_question = str("last_question");
  ctx.pending_question = str("pending_question");
  auto version = str("schema_version");
  ctx.schema_version = version.empty() ? 0 : std::strtoull(version.c_str(), nullptr, 10);
  if (auto* f = o.if_contains("llm"); f && f->is_object()) {
    auto* p = f->as_object().if_contains("provider");
    auto* m = f->as_object().if_contains("model");
    if (p && p->is_string() && m && m->is_string()) {
      ctx.llm_provider = std::string{p->as_string()};
      ctx.llm_model = std::string{m->as_string()};
    }
  }
  if (auto* f = o.if_contains("source_choices"); f && f->is_array())
    for (auto& c : f->as_array())
      if (c.is_string())
        ctx.source_choices.emplace_back(c.as_string());
  if (auto* f = o.if_contains("recent_turns"); f && f->is_array())
    for (auto& t : f->as_array()) {
      auto* q = t.is_object() ? t.as_object().if_contains("question") : nullptr;
      auto* s = t.is_object() ? t.as_object().if_contains("sql") : nullptr;
      if (q && q->is_string() && s && s->is_string())
        ctx.recent_turns.emplace_back(std::string{q->as_string()}, std::string{s->as_string()});
    }
  return ctx;
}

} // namespace medha
