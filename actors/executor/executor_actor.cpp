#include "actors/executor/executor_actor.hpp"

#include <map>

#include <caf/actor_system.hpp>
#include <caf/blocking_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

namespace medha {

namespace {

// One runner, one detached actor: runs one query at a time.
executor_actor::behavior_type runner_behavior(executor_actor::pointer self, runner_parts parts) {
  // A detached actor's behavior is made on its own thread: the blocking
  // connect happens there, not on the front's.
  if (parts.warm)
    parts.warm();
  return {
    [self, parts](execute_atom, const std::string&, const std::string& sql,
                  const relation_set& relations,
                  const std::string& query_id) -> caf::result<execute_reply> {
      // The reply goes out before the work it need not wait for (the commit).
      auto rp = self->make_response_promise<execute_reply>();
      rp.deliver(parts.run(sql, relations, query_id));
      if (parts.after)
        parts.after();
      return rp;
    },
    [](cancel_atom, const std::string&) {
      // Never reached while a query runs (the actor is blocked in it): the
      // front cancels through the runner's canceller instead.
    },
  };
}

struct runner_slot {
  executor_actor handle;
  std::shared_ptr<query_canceller> canceller;
  size_t busy = 0; // queries sent and not answered
};

struct flight {
  std::string source;
  size_t slot = 0;
  std::string query_id;
  caf::typed_response_promise<execute_reply> promise;
};

struct front_state {
  std::map<std::string, data_source> sources;
  std::map<std::string, std::vector<runner_slot>> pools;
  std::map<uint64_t, flight> flights;
  uint64_t next_flight = 0;
  executor_settings settings;
  runner_maker make_runner;
  static inline const char* name = "executor";
};

using front_ptr = executor_actor::stateful_pointer<front_state>;

runner_slot spawn_runner(front_ptr self, const data_source& source) {
  auto parts = self->state.make_runner(source, self->state.settings);
  runner_slot slot;
  slot.canceller = parts.canceller;
  // Monitored, not linked: a runner's death must not take the front (and
  // with it every data source) down.
  slot.handle = self->spawn<caf::detached + caf::monitored>(runner_behavior, std::move(parts));
  return slot;
}

// The least busy runner; ties go to the first of them, so that under a
// light load one runner takes the queries one after another: its thread, its
// connection and the server process behind it stay warm (round-robin made
// each query wake a runner idle since four queries before).
size_t pick(std::vector<runner_slot>& pool) {
  size_t best = 0;
  for (size_t i = 1; i < pool.size(); ++i)
    if (pool[i].busy < pool[best].busy)
      best = i;
  return best;
}

// The query's own failure when its runner died under it (a crash in the
// driver, say); the runner is replaced and the next query runs normally.
execute_reply runner_lost(const std::string& source, const std::string& why) {
  return execute_reply{std::nullopt,
                       medha_error{error_code::internal,
                                   "the query runner of data source \"" + source
                                     + "\" stopped while running this query (" + why
                                     + "); try again"}};
}

void land(front_ptr self, uint64_t id, execute_reply reply) {
  auto i = self->state.flights.find(id);
  if (i == self->state.flights.end())
    return; // already failed when its runner died
  auto& pool = self->state.pools[i->second.source];
  if (i->second.slot < pool.size() && pool[i->second.slot].busy > 0)
    pool[i->second.slot].busy -= 1;
  i->second.promise.deliver(std::move(reply));
  self->state.flights.erase(i);
}

void on_runner_down(front_ptr self, const caf::down_msg& down) {
  auto& st = self->state;
  for (auto& [source, pool] : st.pools)
    for (size_t s = 0; s < pool.size(); ++s) {
      if (pool[s].handle.address() != down.source)
        continue;
      for (auto i = st.flights.begin(); i != st.flights.end();) {
        if (i->second.source == source && i->second.slot == s) {
          i->second.promise.deliver(runner_lost(source, caf::to_string(down.reason)));
          i = st.flights.erase(i);
        } else {
          ++i;
        }
      }
      pool[s] = spawn_runner(self, st.sources[source]);
      return;
    }
}

executor_actor::behavior_type front_behavior(front_ptr self, std::vector<data_source> sources,
                                             executor_settings settings, runner_maker make) {
  for (auto& s : sources)
    self->state.sources[s.name] = s;
  self->state.settings = settings;
  self->state.make_runner = std::move(make);
  self->set_down_handler([self](const caf::down_msg& down) { on_runner_down(self, down); });
  return {
    [self](execute_atom, const std::string& source, const std::string& sql,
           const relation_set& relations, const std::string& query_id) -> caf::result<execute_reply> {
      auto& st = self->state;
      auto src = st.sources.find(source);
      if (src == st.sources.end())
        return execute_reply{std::nullopt, medha_error{error_code::not_found,
                                                       "there is no data source named \"" + source + "\""}};
      auto& pool = st.pools[source];
      if (pool.empty()) {
        // The pool starts with the source's first query; its runners all
        // connect at once, each on its own thread, so later queries do not
        // wait for a connection.
        for (int i = 0; i < std::max(1, st.settings.pool_size); ++i)
          pool.push_back(spawn_runner(self, src->second));
      }
      auto slot = pick(pool);
      pool[slot].busy += 1;
      auto id = ++st.next_flight;
      auto promise = self->make_response_promise<execute_reply>();
      st.flights[id] = flight{source, slot, query_id, promise};
      auto runner = pool[slot].handle;
      self->request(runner, caf::infinite, execute_atom_v, source, sql, relations, query_id)
        .then([self, id](execute_reply& reply) { land(self, id, std::move(reply)); },
              [self, id, source, slot, runner](const caf::error& err) {
                // A runner that died answers its requests before its down
                // message arrives: replace it now, so the next query of this
                // source does not go to it in between.
                auto& slots = self->state.pools[source];
                if (err == caf::sec::request_receiver_down && slot < slots.size()
                    && slots[slot].handle == runner)
                  slots[slot] = spawn_runner(self, self->state.sources[source]);
                land(self, id, runner_lost(source, caf::to_string(err)));
              });
      return promise;
    },
    [self](cancel_atom, const std::string& query_id) {
      if (query_id.empty())
        return;
      auto& st = self->state;
      for (auto& [id, f] : st.flights) {
        if (f.query_id != query_id)
          continue;
        auto canceller = st.pools[f.source][f.slot].canceller;
        if (!canceller)
          continue;
        // Sending the cancel opens a connection: blocking, so its own thread.
        self->spawn<caf::detached>([canceller, query_id](caf::blocking_actor*) {
          canceller->cancel(query_id);
        });
      }
    },
  };
}

} // namespace

runner_parts make_pg_runner(const data_source& source, const executor_settings& settings) {
  auto runner = std::make_shared<query_runner>(source.conninfo);
  run_limits limits{settings.statement_timeout_ms, settings.row_cap, settings.result_byte_cap};
  runner_parts parts;
  parts.canceller = runner->canceller();
  parts.after = [runner] { runner->finish(); };
  parts.warm = [runner] { runner->connect(); };
  parts.run = [runner, limits](const std::string& sql, const relation_set& relations,
                               const std::string& query_id) {
    auto out = runner->run(sql, limits, &relations, query_id);
    return execute_reply{std::move(out.result), std::move(out.error)};
  };
  return parts;
}

executor_actor spawn_executor_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                    executor_settings settings, runner_maker make_runner) {
  return sys.spawn(front_behavior, std::move(sources), settings, std::move(make_runner));
}

} // namespace medha
