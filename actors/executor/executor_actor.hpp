#pragma once

#include <vector>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"
#include "messages/data_source.hpp"

namespace medha {

struct executor_settings {
  int pool_size = 4;            // detached runners (connections) per data source
  int statement_timeout_ms = 15000;
  size_t row_cap = 1000;
  size_t result_byte_cap = 8u << 20;
};

/// The executor: routes each query to a pool of detached runners of its data
/// source, each owning one libpqxx connection (blocking calls stay off the
/// scheduler's threads).
executor_actor spawn_executor_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                    executor_settings settings);

} // namespace medha
