#pragma once

#include <string>

namespace medha {

/// A registered PostgreSQL database people can ask questions of.
struct data_source {
  std::string name;        // subject-safe token, e.g. "sales"
  std::string conninfo;    // libpq connection string
  std::string description; // shown in discovery and data source listings
  std::string model_file;  // optional semantic model file (JSON) enriching it
  /// Lets a language model see column values and result rows of this source;
  /// off: a model sees the schema, business context, questions and SQL only.
  bool allow_llm_to_see_data = false;
};

} // namespace medha
