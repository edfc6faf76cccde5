#include "actors/sqlgen/llm/routing.hpp"

namespace medha::llm {

route decide_route(const sql_plan& embedded, bool model_configured, bool after_model_sql) {
  if (embedded.outcome == plan_outcome::answer)
    return {route::path::embedded, "the engine found one complete interpretation"};
  if (embedded.ambiguous && model_configured && after_model_sql)
    return {route::path::model, "the last answer was the language model's SQL, which the engine "
                                "cannot build on, so the language model wrote the follow-up"};
  if (embedded.ambiguous)
    return {route::path::ask_user, "a genuine ambiguity: the engine found "
                                     + std::to_string(embedded.choices.size())
                                     + " readings, so the user chooses"};
  if (!model_configured)
    return {route::path::embedded, "the engine abstained and no language model is configured"};
  return {route::path::model,
          "the engine abstained"
            + (embedded.understood.empty() ? std::string{}
                                           : " (it understood: " + embedded.understood + ")")
            + ", so the language model wrote the SQL"};
}

bool follows_model_sql(const sql_request& req) {
  return req.previous_query_json.empty() && !req.history.empty() && !req.history.back().sql.empty();
}

} // namespace medha::llm
