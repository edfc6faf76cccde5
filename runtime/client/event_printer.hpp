#pragma once

#include <cstdio>
#include <string>

#include "messages/protocol.hpp"

namespace medha::client {

/// Prints step events as a person reads them: step, status, elapsed time and
/// what the step produced (ranked sources, SQL, a results table, the chart).
void print_event(std::FILE* out, const step_event& ev);

/// Prints an API reply's JSON in a readable form (or raw with --json).
void print_api_reply(std::FILE* out, const std::string& reply_json);

} // namespace medha::client
