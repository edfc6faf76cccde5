#pragma once

#include <string>

namespace medha {

/// A registered PostgreSQL database people can ask questions of.
struct data_source {
  std::string name;        // subject-safe token, e.g. "sales"
  std::string conninfo;    // libpq connection string
  std::string description; // shown in discovery and data source listings
  std::string model_file;  // optional semantic model file (JSON) enriching it
};

} // namespace medha
