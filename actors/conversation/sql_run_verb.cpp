#include "actors/conversation/sql_run_verb.hpp"

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/executor/sql_guard.hpp"
#include "runtime/logging.hpp"

namespace medha {

namespace {

using self_ptr = manager_actor::stateful_pointer<manager_state>;
using reply_fn = std::function<void(const std::string&)>;

medha_error stage_failure(const caf::error& err, const char* stage) {
  if (err == caf::sec::request_timeout)
    return {error_code::internal, std::string{"the "} + stage + " stage did not answer in time"};
  return {error_code::internal, std::string{"the "} + stage + " stage failed: " + caf::to_string(err)};
}

void execute(self_ptr self, const std::string& user, sql_run_request req, relation_set relations,
             reply_fn done) {
  static uint64_t next_query = 0;
  auto query_id = "sql-" + user + "-" + std::to_string(++next_query);
  auto& deps = self->state.deps;
  self->request(deps.executor, deps.settings.timeouts.execute, execute_atom_v, req.data_source,
                req.sql, relations, query_id)
      .then(
          [done, source = req.data_source](execute_reply& reply) {
            if (reply.error)
              done(encode_error_reply(*reply.error));
            else
              done(encode_ok_reply(sql_run_reply(source, *reply.rows)));
          },
          [self, done, query_id](const caf::error& err) {
            // The statement may still run: stop it on the database too.
            anon_send(self->state.deps.executor, cancel_atom_v, query_id);
            done(encode_error_reply(stage_failure(err, "execute")));
          });
}

} // namespace

void run_user_sql(self_ptr self, const std::string& user, sql_run_request req, reply_fn done) {
  auto& deps = self->state.deps;
  auto source = req.data_source;
  self->request(deps.context, deps.settings.timeouts.context, model_atom_v, source)
      .then(
          [self, user, req = std::move(req), done](model_reply& reply) mutable {
            if (reply.error || !reply.model) {
              done(encode_error_reply(reply.error ? *reply.error
                                                  : medha_error{error_code::internal,
                                                                "no model for the data source"}));
              return;
            }
            // Only the tables of the source's model, as for the engine's own SQL.
            auto relations = relations_of(*reply.model);
            if (auto refused = check_sql(req.sql, &relations)) {
              log::info("manager", "sql.run of user " + user + " refused: " + refused->message);
              done(encode_error_reply(*refused));
              return;
            }
            execute(self, user, std::move(req), std::move(relations), done);
          },
          [done](const caf::error& err) { done(encode_error_reply(stage_failure(err, "context"))); });
}

} // namespace medha
