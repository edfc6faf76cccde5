#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "actors/discovery/term_dictionary.hpp"
#include "messages/semantic_model.hpp"

namespace medha::discovery {

/// Where in a table a word was found, strongest first: the order is also the
/// BM25F field weight order (see field_weight in source_index.cpp).
enum class field : uint8_t {
  table_name,
  column_name,
  key_column, // a column holding another table's key: it names that table, not this one
  business, // metric names and synonyms, glossary terms and synonyms
  comment,  // table and column comments, metric and rule descriptions
  value,    // sampled values of low-cardinality columns
};

/// One table containing one term. `impact` is the term's BM25F weight in the
/// table, computed once at build time so a query only multiplies it by idf.
struct posting {
  uint32_t doc; // the table's position in the model
  float impact;
  uint32_t origin; // field (top 3 bits) and element: see source_index::describe
};

/// The inverted index of one data source: one document per table. A catalog
/// holds one per source so adding or replacing a source rebuilds only its part.
class source_index {
public:
  /// A run of postings, sorted by doc.
  struct posting_range {
    const posting* begin = nullptr;
    const posting* end = nullptr;
    bool empty() const { return begin == end; }
  };

  /// A term of the data source's own name or description, and its impact.
  struct description_term {
    uint32_t term;
    float impact;
    bool in_name;
  };

  /// Indexes `model`, adding its words to `dictionary`.
  source_index(std::shared_ptr<const semantic_model> model, term_dictionary& dictionary);

  // -- properties --

  const semantic_model& model() const { return *model_; }
  const std::shared_ptr<const semantic_model>& shared_model() const { return model_; }
  uint32_t table_count() const { return static_cast<uint32_t>(model_->tables.size()); }

  /// Distinct terms of the tables and how many tables hold each, for the
  /// catalog-wide document frequencies.
  template <class F>
  void for_each_term(F&& f) const {
    for (auto& e : terms_)
      f(e.term, e.count);
  }

  const std::vector<description_term>& description_terms() const { return description_; }

  // -- lookups --

  posting_range postings(uint32_t term) const;

  /// The posting of `term` in table `doc`, or null.
  const posting* find(uint32_t term, uint32_t doc) const;

  /// How many distinct words the table's name is made of (glued names split,
  /// abbreviations spelled out): "payments_made" 2, "sbcustomer" 1.
  uint32_t name_length(uint32_t doc) const { return name_length_[doc]; }

  /// True when the posting's strongest field is the table's name.
  static bool in_table_name(const posting& p) { return (p.origin >> 29) == 0; }

  /// Tables joined to `doc` by a relationship (either direction, no repeats).
  std::pair<const uint32_t*, const uint32_t*> neighbors(uint32_t doc) const {
    return {neighbors_.data() + neighbor_offsets_[doc],
            neighbors_.data() + neighbor_offsets_[doc + 1]};
  }

  /// What a posting's origin names, in words: "table customers",
  /// "column orders.status", "metric revenue", "value of regions.name".
  std::string describe(uint32_t doc, uint32_t origin) const;

private:
  struct term_entry {
    uint32_t term;
    uint32_t offset; // into postings_
    uint32_t count;
  };

  void build(term_dictionary& dictionary);
  void build_graph();
  void build_description(term_dictionary& dictionary);

  std::shared_ptr<const semantic_model> model_;
  std::vector<posting> postings_;  // grouped by term, each group sorted by doc
  std::vector<term_entry> terms_;  // sorted by term
  std::vector<uint8_t> name_length_; // per table: words of its name
  std::vector<uint32_t> neighbor_offsets_; // CSR adjacency: table_count + 1
  std::vector<uint32_t> neighbors_;
  std::vector<description_term> description_;
  // Labels of metrics, glossary terms and rules, which an origin's element
  // points at: "metric revenue", "glossary client -> customers".
  std::vector<std::string> business_labels_;
};

} // namespace medha::discovery
