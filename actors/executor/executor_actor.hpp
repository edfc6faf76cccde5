#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "actors/executor/query_runner.hpp"
#include "messages/data_source.hpp"

namespace medha {

struct executor_settings {
  int pool_size = 4;            // detached runners (connections) per data source
  int statement_timeout_ms = 15000;
  size_t row_cap = 1000;
  size_t result_byte_cap = 8u << 20;
};

/// One runner of a pool: the blocking call its detached actor makes for each
/// query, and the handle that stops its statement from elsewhere.
struct runner_parts {
  std::function<execute_reply(const std::string& sql, const relation_set& relations,
                              const std::string& query_id)>
    run;
  /// Called after the reply went out: work the result need not wait for.
  std::function<void()> after;
  /// Called once as the runner starts, on its own thread: opens its
  /// connection before the first query comes (none: opened by that query).
  std::function<void()> warm;
  std::shared_ptr<query_canceller> canceller;
};

/// Makes a runner for a data source (a libpqxx connection in production; a
/// fake in unit tests of the front).
using runner_maker = std::function<runner_parts(const data_source&, const executor_settings&)>;

/// Runners on a libpqxx connection each (query_runner.hpp).
runner_parts make_pg_runner(const data_source& source, const executor_settings& settings);

/// The executor: routes each query to a pool of detached runners of its data
/// source, each owning one connection (blocking calls stay off the scheduler's
/// threads). The front monitors its runners: a runner that dies fails only its
/// own query (`internal`) and is replaced; the other data sources never notice.
executor_actor spawn_executor_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                    executor_settings settings,
                                    runner_maker make_runner = make_pg_runner);

} // namespace medha
