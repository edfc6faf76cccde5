#pragma once

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

/// Reads a suite; false with `error` set when the file is unreadable or malformed.
bool load_suite(const std::string& path, std::vector<suite_case>& out, std::string& error);

} // namespace medha::client
