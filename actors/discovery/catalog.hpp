#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/discovery/source_index.hpp"
#include "actors/discovery/term_dictionary.hpp"
#include "messages/discovery_result.hpp"
#include "messages/semantic_model.hpp"

namespace medha::discovery {

/// Every registered data source's tables, columns, comments, business terms
/// and sampled values, indexed so a question finds its data source and tables.
///
/// Ranking is BM25F over one document per table (a table's name far above
/// its columns, foreign key columns and values below), with fuzzy matching of
/// misspelled words, time words and light verbs weighing little, table-name
/// hits scaled by how much of the name the question covers, and a boost for
/// tables that join two matched tables. A source scores by its best table and
/// what tables joined to it add, scaled by the share of the question it
/// covers and by focus (how many of its tables are about the question's
/// words). Tables are listed one per thing the question names first, then the
/// tables linking them, then by score (see catalog_rank.cpp).
///
/// rank() is const and keeps its scratch space per thread, so any number of
/// threads may rank at once; add() and remove() need exclusive access.
class catalog {
public:
  catalog() = default;
  catalog(catalog&&) noexcept = default;
  catalog& operator=(catalog&&) noexcept = default;
  catalog(const catalog&) = delete;
  catalog& operator=(const catalog&) = delete;

  // -- modifiers --

  /// Adds a data source, or replaces the one with the same name.
  void add(std::shared_ptr<const semantic_model> model);

  /// Forgets a data source; unknown names are ignored.
  void remove(const std::string& data_source);

  // -- properties --

  /// Registered data source names, in the order they were added.
  std::vector<std::string> data_sources() const;

  /// The model of a data source, or null.
  std::shared_ptr<const semantic_model> model(const std::string& data_source) const;

  size_t table_count() const { return table_count_; }

  // -- queries --

  /// Ranks data sources and, within each, at most `max_tables` tables for a
  /// question: the best 10 sources, none without a match. A table kept only
  /// because it joins two matched tables has a reason with an empty word.
  discovery_result rank(std::string_view question, size_t max_tables = 5) const;

  // -- persistence --

  /// The catalog as a string (JSON of the models; the index is rebuilt on
  /// load, which is deterministic, so rankings come out identical).
  std::string save() const;

  /// A catalog from save()'s output; nullopt when the text is not one.
  static std::optional<catalog> load(std::string_view saved);

private:
  void count_terms(const source_index& index, int sign);

  term_dictionary dictionary_;
  std::vector<std::unique_ptr<source_index>> sources_;
  // Per term id: tables (across all sources) and data source descriptions
  // holding it. BM25's idf treats both as documents of one collection.
  std::vector<uint32_t> document_frequency_;
  // Per term id: data sources holding it anywhere. A word every source has
  // says little about which source a question is for.
  std::vector<uint32_t> source_frequency_;
  size_t table_count_ = 0;
};

} // namespace medha::discovery
