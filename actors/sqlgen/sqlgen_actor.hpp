#pragma once

#include <cstddef>
#include <functional>

#include <caf/fwd.hpp>

#include "actors/actors.hpp"

namespace medha {

/// The SQL stage, embedded strategy: CPU-bound and fast, so it runs on the
/// scheduler like any other actor.
sqlgen_actor spawn_sqlgen_actor(caf::actor_system& sys);

/// What one generator of a pool runs (the embedded engine in production).
using sqlgen_behavior_fn = std::function<sqlgen_actor::behavior_type(sqlgen_actor::pointer)>;

/// A pool of `size` generators behind one handle: each request goes to an idle
/// generator (or waits for the first one free), so turns of different
/// conversations are generated in parallel, up to one per core.
sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size, sqlgen_behavior_fn worker);

/// The pool of embedded generators the worker uses.
sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size);

} // namespace medha
