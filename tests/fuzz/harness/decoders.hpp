#pragma once

// Every decoder of outside input, fed one input at a time: by the libFuzzer
// targets (tests/fuzz/target/, CMake option MEDHA_FUZZ) and by the
// regression test in the normal suite, which replays the committed corpus and
// bounded mutations of it (tests/fuzz/replay_test.cpp).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "messages/error.hpp"

namespace medha::fuzz {

/// Runs one input through a decoder and checks what must hold for any input:
/// no exception escapes, and every refusal carries a stable error code (a
/// name `from_string` knows, or a JSON-RPC code for MCP) and a message.
/// Returns "" when all held, else what did not.
using decoder_fn = std::string (*)(std::string_view input);

struct decoder {
  const char* name; // also the corpus folder: tests/fuzz/corpus/<name>
  decoder_fn run;
};

/// turn, api, event, config, credentials, mcp.
const std::vector<decoder>& decoders();

/// The decoder named `name`, or nullptr.
const decoder* find_decoder(std::string_view name);

// -- the decoders (one file each group) --
std::string fuzz_turn(std::string_view input);        // medha.turn subject + payload
std::string fuzz_api(std::string_view input);         // API verb + body, every verb's fields
std::string fuzz_event(std::string_view input);       // step events and API replies a client reads
std::string fuzz_config(std::string_view input);      // the worker's JSON config file
std::string fuzz_credentials(std::string_view input); // a NATS .creds file
std::string fuzz_mcp(std::string_view input);         // JSON-RPC lines into `medha mcp`

/// "" when `err` has a known code and a message; else what is wrong. `allowed`
/// lists the codes this decoder may give (empty: any known code).
std::string check_error(const medha_error& err, const std::vector<error_code>& allowed = {});

/// Splits at the first newline: (first line, rest); no newline: ("", input).
std::pair<std::string_view, std::string_view> first_line(std::string_view input);

} // namespace medha::fuzz
