#pragma once

#include "runtime/client/bench.hpp"

namespace medha::client {

/// `medha bench --touch N`: creates N conversations and asks one question in
/// each (`in_flight` at once), so that N conversation actors are live in the
/// worker at the end; then asks the worker's health for how many are. The
/// worker's memory is read by scripts/bench from /proc. Prints (and writes)
/// `{"touched","answers","errors","lost","live_conversations","create_seconds","seconds"}`;
/// exit status 1 when a turn was lost or ended in an error.
int run_touch(session& s, nats_client& nats, const bench_options& o);

} // namespace medha::client
