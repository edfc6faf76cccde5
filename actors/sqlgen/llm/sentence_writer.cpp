#include "actors/sqlgen/llm/sentence_writer.hpp"

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/llm/answer_prompt.hpp"
#include "actors/sqlgen/llm/llm_strategy.hpp"
#include "actors/sqlgen/llm/llm_worker.hpp"
#include "messages/type_ids.hpp"

namespace medha::llm {

namespace {

using sentence_call_actor =
  caf::typed_actor<caf::replies_to<answer_atom, sql_request, std::string, result_set>::with<answer_sentence>>;

// One call, on its own thread; replies and quits.
sentence_call_actor::behavior_type sentence_call(sentence_call_actor::pointer self,
                                                 std::shared_ptr<const llm_setup> setup) {
  return {
    [self, setup](answer_atom, const sql_request& req, const std::string& sql, const result_set& rows) {
      self->quit();
      auto& client = setup->pick(req.llm_provider, req.llm_model);
      answer_sentence out;
      auto reply = client.complete(answer_prompt(req.question, sql, rows));
      if (auto* err = std::get_if<medha_error>(&reply)) {
        out.usage = usage_of(client.settings(), nullptr);
        out.failure = err->message;
        return out;
      }
      auto& done = std::get<completion>(reply);
      out.usage = usage_of(client.settings(), &done);
      if (auto text = answer_text(done.text)) {
        out.text = std::move(*text);
        out.by = "model";
      } else {
        out.failure = "the model's reply was not a sentence";
      }
      return out;
    },
  };
}

} // namespace

caf::actor spawn_sentence_writer(caf::actor_system& sys, std::shared_ptr<const llm_setup> setup) {
  return sys.spawn([setup](caf::event_based_actor* self) -> caf::behavior {
    return {
      [self, setup](answer_atom a, sql_request& req, std::string& sql,
                    result_set& rows) -> caf::result<answer_sentence> {
        if (!setup || !setup->sources_sharing_data.count(req.data_source))
          return answer_sentence{};
        auto call = self->system().spawn<caf::detached>(sentence_call, setup);
        return self->delegate(call, a, std::move(req), std::move(sql), std::move(rows));
      },
    };
  });
}

} // namespace medha::llm
