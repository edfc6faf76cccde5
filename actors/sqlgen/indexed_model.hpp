#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

/// The schema as every stage of generation reads it: the model, its index
/// (tables by name, join edges), and the join paths already found for the
/// question being read. One is made per question and handed down explicitly,
/// so lookups never depend on what else runs on the thread.
class indexed_model {
public:
  indexed_model(const semantic_model& model, const model_index& index);
  /// For callers outside the engine (tests, other stages): the index comes
  /// from index_for's cache.
  explicit indexed_model(const semantic_model& model);
  indexed_model(const indexed_model&) = delete;
  indexed_model& operator=(const indexed_model&) = delete;

private:
  std::shared_ptr<const model_index> owned_; // set only by the one-argument form

public:
  const semantic_model& model;
  const model_index& index;
  // The model's parts under their own names, so the stages read
  // `model.tables` whichever form they were given.
  const std::string& data_source;
  const std::vector<table_info>& tables;
  const std::vector<relationship>& relationships;
  const std::vector<metric>& metrics;
  const std::vector<glossary_term>& glossary;
  const std::vector<rule>& rules;
  const std::vector<verified_example>& examples;

  /// The table called `name`, through the index.
  const table_info* find_table(const std::string& name) const { return index.table(model, name); }

  /// Join paths found while reading this question, by "from>to": one
  /// question asks for the same few paths many times. A memo of a pure
  /// function of the model, so it never changes an answer.
  mutable std::unordered_map<std::string, join_path> paths;
};

} // namespace medha::sqlgen
