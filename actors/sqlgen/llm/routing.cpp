#include "actors/sqlgen/llm/routing.hpp"

namespace medha::llm {

route decide_route(const sql_plan& embedded, bool model_configured) {
  if (embedded.outcome == plan_outcome::answer)
    return {route::path::embedded, "the engine found one complete interpretation"};
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

} // namespace medha::llm
