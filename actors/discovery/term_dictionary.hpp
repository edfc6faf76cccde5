#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medha::discovery {

/// Interns index terms as dense integer ids and finds the terms one edit away
/// from a misspelled word. Append-only: ids stay valid for the catalog's life.
class term_dictionary {
public:
  static constexpr uint32_t npos = UINT32_MAX;
  /// Shortest term that takes part in fuzzy matching: one edit on shorter
  /// words ("cost" -> "post") changes the meaning more often than it fixes a typo.
  static constexpr size_t min_fuzzy_length = 4;

  // -- lookups --

  /// The id of `term`, or npos when the catalog never saw it.
  uint32_t find(std::string_view term) const;

  const std::string& text(uint32_t id) const { return terms_[id]; }
  size_t size() const { return terms_.size(); }

  /// Appends to `out` the ids of terms within one edit of `term` (insert,
  /// delete, substitute, swap of neighbours), `term` itself excluded.
  void fuzzy(std::string_view term, std::vector<uint32_t>& out) const;

  // -- modifiers --

  /// The id of `term`, added when new.
  uint32_t intern(std::string_view term);

private:
  void index_deletions(uint32_t id);
  void probe(uint64_t key, std::string_view term, std::vector<uint32_t>& out) const;

  // A deque keeps each string where it is, so the map's keys can view them.
  std::deque<std::string> terms_;
  std::unordered_map<std::string_view, uint32_t> ids_;
  // Symmetric-delete index: the hash of every term and of every variant with
  // one letter deleted leads to the terms that produced it. A lookup then
  // hashes the query's own L+1 variants instead of scanning the dictionary.
  struct link {
    uint32_t term;
    uint32_t next;
  };
  std::unordered_map<uint64_t, uint32_t> heads_;
  std::vector<link> links_;
};

/// True when a and b differ by at most one insert, delete, substitution or
/// swap of adjacent letters.
bool within_one_edit(std::string_view a, std::string_view b);

} // namespace medha::discovery
