#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/sqlgen/lexicon.hpp"
#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

/// What generation needs from a model that does not depend on the question:
/// the name index (every way the model can be named), each table's position,
/// each table's join edges, and the verified examples' word signatures. Built
/// once per schema and shared: it holds positions, never pointers into one
/// model object, so any model with the same content can use it.
class model_index {
public:
  explicit model_index(const semantic_model& model);

  const lexicon& names() const { return names_; }

  /// The table called `name` in `model` (which must have this index's content).
  const table_info* table(const semantic_model& model, const std::string& name) const;

  /// Positions in model.relationships of the edges that touch `table`.
  const std::vector<size_t>& edges(const std::string& table) const;

  /// Positions of the tables whose name's last word has stem `head`
  /// ("offering" for course_offering).
  const std::vector<size_t>& tables_headed_by(const std::string& head) const;

  /// The content stems, in order, of example i's question (see example_signature).
  const std::vector<std::string>& example(size_t i) const { return examples_[i]; }

private:
  lexicon names_;
  std::unordered_map<std::string, size_t> tables_;
  std::unordered_map<std::string, std::vector<size_t>> edges_;
  std::unordered_map<std::string, std::vector<size_t>> heads_;
  std::vector<std::vector<std::string>> examples_;
};

/// The content words of a question as stems, in order, with the words that
/// give a value its role ("from", "to", "not"): two questions with the same
/// signature ask the same thing, filler words aside.
std::vector<std::string> example_signature(std::string_view question);

/// The index of `model`, from a small thread-safe cache keyed by data source,
/// schema version and a fingerprint of the names (a pruned or enriched model
/// of the same schema gets its own entry).
std::shared_ptr<const model_index> index_for(const semantic_model& model);

} // namespace medha::sqlgen
