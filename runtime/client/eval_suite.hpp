#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace medha::client {

/// Question suites for `medha eval`: the defog CSV (question, query, db_name,
/// query_category) or JSONL conversations
/// `{"id","db","category"?,"turns":[{"q","gold"}]}`.

struct suite_turn {
  std::string question;
  std::string gold;
};

/// One conversation of the suite (a CSV row is a one-turn conversation).
struct suite_case {
  std::string id;
  std::string db;
  std::string category;
  std::vector<suite_turn> turns;
};

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

/// The command line of `medha eval`, shared by its two modes.
struct eval_options {
  std::string suite;
  std::string report;
  std::string pg = "host=127.0.0.1"; // conninfo without dbname (accuracy mode)
  std::string only_db;
  size_t limit = static_cast<size_t>(-1);
  bool verbose = false;
  bool discovery_only = false;
};

/// Parses `--suite FILE [--report OUT] [--pg CONNINFO] [--db NAME] [--limit N]
/// [--verbose] [--discovery-only]`; `--databases DIR` and `--distractors N` are
/// accepted and ignored (scripts/eval loads them). nullopt with `error` set on
/// an unknown flag, a missing value or a missing --suite.
std::optional<eval_options> parse_eval_options(const std::vector<std::string>& args,
                                               std::string& error);

/// Reads a suite; false with `error` set when the file is unreadable or malformed.
bool load_suite(const std::string& path, std::vector<suite_case>& out, std::string& error);

} // namespace medha::client
