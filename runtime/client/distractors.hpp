#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace medha::client {

/// One generated distractor data source: a database schema with no rows.
struct distractor_source {
  std::string name;        // database and data source name: distractor_NN
  std::string description; // a line naming its business areas
  std::string sql;         // CREATE TABLE / COMMENT ON statements, one transaction
  size_t tables = 0;
  size_t columns = 0;
};

/// Generates the `index`-th distractor source with `tables` tables.
/// Deterministic: the same (seed, index, tables) always gives the same text,
/// whatever the other sources are.
distractor_source generate_distractor_source(uint64_t seed, size_t index, size_t tables);

/// `medha distractors --tables N --out DIR [--per-source 1000] [--seed 42]`:
/// writes DIR/distractor_NN.sql and prints one line per file:
/// name<TAB>path<TAB>description. Needs no NATS.
int run_distractors(const std::vector<std::string>& args);

} // namespace medha::client
