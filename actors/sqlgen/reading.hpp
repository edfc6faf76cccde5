#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

class indexed_model;

/// A phrase that names two things equally well, with what each could mean.
struct ambiguity {
  size_t begin = 0, end = 0; // tokens
  std::vector<element> options;
};

/// What one question says on its own, before it is merged with the previous
/// turn: query pieces, follow-up commands, and how much of it was understood.
struct reading {
  // -- query pieces --
  std::vector<measure> measures;
  std::string entity; // a table counted, listed or ranked
  std::vector<dimension> dimensions; // a time bucket may have no column yet
  std::vector<filter> filters;       // time filters may have no column yet
  std::vector<column_ref> selected;
  std::vector<ordering> order;
  int limit = 0;
  int kept_order = 0; // "the first 10" (1), "the last 10" (-1): by the rows' key
  bool listing = false;
  bool asked_list = false; // a word that asks for rows ("list", "which", "names of"), not implied
  bool distinct_listing = false;
  bool with_columns = false; // "with their dates": the rows are shown, the columns beside them
  std::vector<column_ref> via; // foreign keys named as roles ("departure airport")

  // -- follow-up commands --
  std::string chart_hint;
  bool ignore_case = false; // "match names case insensitively": text values compared in any case
  std::string ignore_case_of; // the words naming what is compared ("food type"), if any
  bool show_rows = false;
  bool remove_filters = false;
  bool remove_time = false;
  bool same_period = false; // "for the same period": the last question's period holds
  std::string period_before;  // "the year before": that period of the last question, one earlier
  std::vector<std::string> named_tables; // tables some phrase of the question links to
  std::vector<std::string> pointed_tables; // "that customer", "this round": one row of these
  std::vector<std::string> tables_said;  // tables named by their own noun ("vehicles"), not by a value
  std::vector<std::string> tables_said_after_to; // ... right after "to", "on", "for" ("minutes logged against tasks")
  bool share_of_shown = false; // a share of "every invoice" said of the count before, no condition of its own
  std::vector<std::string> remove_values;
  bool instead = false;
  bool also = false;
  bool implicit_entity = false; // the entity was only implied ("who signed up")
  bool refers_back = false;     // "they", "them", "those": the previous answer's rows
  bool refers_to_person = false; // "she", "his": someone named before this question
  bool each_elided = false; // "for each?" with no noun: each of what was just shown
  bool no_noun_counted = false; // "how many were returned?": no noun says what is counted
  bool refers_to_place = false; // "there": the place the last question named
  bool refers_to_shown = false;  // "that depot", "how many was that": something shown before
  bool first_of_shown = false;   // "the top one": the first row of the ranking just shown
  bool first_by_size = false;    // said "the biggest one": first only of a ranking from the biggest down
  bool entity_qualifies_value = false; // "corporate customers": the noun only says whose value
  aggregate aggregate_change = aggregate::none; // "average instead"
  bool has_direction = false;
  bool descending = false;
  bool alphabetical = false; // "alphabetically": the direction orders by a name
  int top_n = 0;        // "top 5" with nothing to rank yet
  bool top_descending = true;

  // -- how well it was understood --
  std::vector<ambiguity> ambiguities;
  std::vector<std::string> unknown_words;
  std::vector<std::string> unresolved; // cues that found nothing to apply to
  /// "which region has the most?" with nothing said to rank by: what is
  /// missing, unless a follow-up ranks the groups just shown.
  std::string unranked;
  std::string unsized; // "the biggest one" of rows just listed, with no size to go by
  /// "just those above 40" with nothing named: a condition on
  /// the one number shown per group, unless nothing was shown per group.
  std::optional<filter> on_shown_number;
  size_t cues = 0; // words that shaped the query ("how many", "list", "top 5")
  size_t content_words = 0;
  size_t explained_words = 0;
  double link_quality = 1.0; // lowered by spelling fixes and weak matches
  /// Phrases matched only weakly (a comment word, a spelling fix): the reply
  /// of a "did you mean" spells them out.
  std::vector<ambiguity> weak;
  std::vector<token> tokens;
  /// Each phrase linked to a column, with the column: every one must
  /// show in the query, or a word was read and then dropped.
  std::vector<std::pair<std::string, column_ref>> columns_said;
  /// The thing a question word asks for ("which city", "in which country",
  /// "what products"): the answer has to show it.
  std::optional<element> asked_for;

  bool names_measure_or_entity() const {
    return !measures.empty() || !entity.empty() || !selected.empty();
  }
};

/// Reads a question against the model. `context_tables` (from the previous
/// turn) break ties between equally good readings of a phrase.
reading read_question(const indexed_model& model, const lexicon& lex,
                      const std::vector<token>& tokens,
                      const std::vector<std::string>& context_tables);

} // namespace medha::sqlgen
