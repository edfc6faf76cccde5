#pragma once

#include <string>
#include <vector>

namespace medha {

/// Why something matched: a word of the question and what it hit
/// ("revenue" -> "metric revenue", "west" -> "value of regions.name").
struct match_reason {
  std::string word;
  std::string hit;
};

struct table_match {
  std::string table;
  double score = 0;
  std::vector<match_reason> why;
};

struct source_match {
  std::string data_source;
  std::string description;
  double score = 0;
  std::vector<match_reason> why;
  std::vector<table_match> tables; // best first, at most the requested count
};

struct discovery_result {
  std::vector<source_match> sources; // best first; empty when nothing matched
  /// True when the first source wins clearly enough to select it without asking.
  bool clear_winner = false;
  double elapsed_ms = 0;
  /// The shared data source selection cache: "hit" (no ranking ran),
  /// "miss" (ranked, then kept), "" (the cache is off).
  std::string cache;
};

} // namespace medha
