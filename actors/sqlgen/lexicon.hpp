#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha::sqlgen {

/// What a phrase of the question can refer to in the semantic model.
enum class element_kind { table, column, metric, value };

struct element {
  element_kind kind = element_kind::table;
  std::string table;
  std::string column; // column, value
  std::string metric; // metric
  std::string value;  // value: exactly as stored

  friend bool operator==(const element& a, const element& b) {
    return a.kind == b.kind && a.table == b.table && a.column == b.column
           && a.metric == b.metric && a.value == b.value;
  }
  friend bool operator<(const element& a, const element& b);
};

/// The value of a state a column keeps by being empty ("NULL while the
/// subscription is active"): a condition that the column IS NULL.
inline const char* const empty_state = "\x01empty";

/// The opposite state: the day it ends is set ("staff who have left": the
/// leaving date is kept), a condition that the column IS NOT NULL.
inline const char* const set_state = "\x01set";

/// Words of some of a column's values, said alone ("sourdough" for
/// 'Sourdough loaf, large'): the value of the element is this mark followed
/// by the words, and it reads as the rows whose value contains them.
inline const char value_word_mark = '\x02';
inline bool is_value_word(const std::string& value) { return !value.empty() && value[0] == value_word_mark; }

/// One way to say an element, and how sure a match on it is: a name beats
/// a synonym, which beats a word of a comment.
struct lexicon_entry {
  element target;
  double weight = 1.0;
  bool verb = false; // a verb that names the table ("bought": purchases), kept as a verb form
};

/// Every phrase (as a space-joined sequence of stems) the model answers to.
class lexicon {
public:
  explicit lexicon(const semantic_model& model);

  /// Entries for a phrase of stems; empty when none.
  const std::vector<lexicon_entry>& lookup(const std::string& stems) const;
  /// The longest phrase length, in words.
  size_t longest() const { return longest_; }
  /// The single stems misspelt words are corrected towards.
  const std::set<std::string>& vocabulary() const { return vocabulary_; }
  /// Every single stem the model knows, looked-up names included: a word
  /// spelt like one is not corrected.
  bool knows(const std::string& stem) const { return known_.count(stem) > 0; }
  /// A stem the schema's comments use ("donation" of "every donation
  /// received"): a word spelt right, never corrected towards another.
  bool described(const std::string& stem) const { return described_.count(stem) > 0; }

private:
  void add(const std::vector<std::string>& words, const element& target, double weight,
           bool verb = false, bool spelled = true);
  void add_words_for_people(const semantic_model& model); // lexicon_people.cpp
  void add_everyday_words(const semantic_model& model);   // lexicon_everyday.cpp
  void add_values_of(const table_info& t, const column_info& c,
                     const std::vector<std::string>& words); // lexicon_values.cpp
  void add_value_words(const semantic_model& model);        // lexicon_values.cpp

  std::map<std::string, std::vector<lexicon_entry>> phrases_;
  std::set<std::string> vocabulary_;
  std::set<std::string> known_;
  std::set<std::string> described_;
  size_t longest_ = 1;
  double derived_scale_ = 1.0; // weights of the table being added (a view's are lower)
};

std::string describe(const element& e);

} // namespace medha::sqlgen
