#pragma once

#include <string>
#include <variant>
#include <vector>

#include "runtime/client/session.hpp"

namespace medha::client {

/// `medha bench`: a closed-loop load of `conversations` conversations, each
/// asking `turns` questions one after another, all conversations at once.
struct bench_options {
  int conversations = 8;
  int turns = 10;
  std::string data_source = "sales";
  std::vector<std::string> questions; // asked in turn; cheap ones by default
  std::string report;                 // OUT.json ("" = none)
  std::string pg;                     // conninfo for the floor's SELECT 1
  std::string echo_user;              // NATS user for the floor's echo (service user)
  std::string echo_password;
  int floor_samples = 200;
  int timeout_s = 600; // the whole load
  /// --touch N: instead of the load, N conversations asked one question
  /// each, in_flight at once (runtime/client/bench_touch.hpp).
  int touch = 0;
  int in_flight = 64;
};

/// Parses the arguments after `bench`; a string says what is wrong.
std::variant<bench_options, std::string> parse_bench_args(const std::vector<std::string>& args);

/// Prints a report and writes it to `path` ("" = only print); false when it cannot be written.
bool write_report(const std::string& text, const std::string& path);

/// Runs the load and the floor and prints (and writes) the report. Exit
/// status 1 when a turn was lost or ended in an error.
int run_bench(session& s, nats_client& nats, const std::vector<std::string>& args);

} // namespace medha::client
