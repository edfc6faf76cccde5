#include "actors/executor/executor_actor.hpp"

#include <map>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/executor/query_runner.hpp"

namespace medha {

namespace {

// One connection, one detached actor: runs one query at a time.
executor_actor::behavior_type runner_behavior(executor_actor::pointer, std::string conninfo,
                                              run_limits limits) {
  auto runner = std::make_shared<query_runner>(std::move(conninfo));
  return {
    [runner, limits](execute_atom, const std::string&, const std::string& sql,
                     const relation_set& relations) {
      auto out = runner->run(sql, limits, &relations);
      return execute_reply{std::move(out.result), std::move(out.error)};
    },
  };
}

struct pool {
  std::vector<executor_actor> runners;
  size_t next = 0;
};

struct front_state {
  std::map<std::string, data_source> sources;
  std::map<std::string, pool> pools;
  executor_settings settings;
  static inline const char* name = "executor";
};

executor_actor::behavior_type
front_behavior(executor_actor::stateful_pointer<front_state> self,
               std::vector<data_source> sources, executor_settings settings) {
  for (auto& s : sources)
    self->state.sources[s.name] = s;
  self->state.settings = settings;
  return {
    [self](execute_atom, const std::string& source, const std::string& sql,
           const relation_set& relations) -> caf::result<execute_reply> {
      auto& st = self->state;
      auto src = st.sources.find(source);
      if (src == st.sources.end())
        return execute_reply{std::nullopt, medha_error{error_code::not_found,
                                                       "there is no data source named \"" + source + "\""}};
      auto& p = st.pools[source];
      if (p.runners.empty()) {
        // Connections open lazily inside each runner on its first query.
        run_limits limits{st.settings.statement_timeout_ms, st.settings.row_cap,
                          st.settings.result_byte_cap};
        for (int i = 0; i < std::max(1, st.settings.pool_size); ++i)
          p.runners.push_back(self->spawn<caf::detached + caf::linked>(runner_behavior,
                                                                       src->second.conninfo, limits));
      }
      auto& runner = p.runners[p.next++ % p.runners.size()];
      return self->delegate(runner, execute_atom_v, source, sql, relations);
    },
  };
}

} // namespace

executor_actor spawn_executor_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                    executor_settings settings) {
  return sys.spawn(front_behavior, std::move(sources), settings);
}

} // namespace medha
