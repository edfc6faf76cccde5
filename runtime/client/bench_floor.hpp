#pragma once

#include <optional>
#include <string>

#include "runtime/nats_credentials.hpp"

namespace medha::client {

/// The least a turn can cost on this machine, measured beside the load: one
/// NATS request-reply round trip between two connections (a client and an
/// echo standing in for a worker) plus one PostgreSQL `SELECT 1` round trip.
struct bench_floor {
  double nats_rtt_ms = 0;   // median of `samples` round trips
  double pg_select1_ms = 0; // median of `samples` round trips
  double total_ms() const {
    return nats_rtt_ms + pg_select1_ms;
  }
};

/// Measures the floor; nullopt and `error` when NATS or PostgreSQL refuses.
/// `creds` must allow publishing and subscribing `medha.bench.>` and the
/// inbox (an end user may not: the service user may).
std::optional<bench_floor> measure_floor(const std::string& nats_url, const nats_credentials& creds,
                                         const std::string& pg_conninfo, int samples,
                                         std::string& error);

} // namespace medha::client
