#pragma once

// The reader behind read_question(): private to the reading_*.cpp files. It
// walks the question's cues and linked phrases in order, keeping the state a
// phrase needs from the ones before it ("by" before a table makes a group).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/reading.hpp"
#include "actors/sqlgen/time_phrases.hpp"

namespace medha::sqlgen::detail {

/// A cue or a linked phrase, in question order.
struct item {
  size_t begin = 0, end = 0;
  std::optional<cue> c;
  element e;       // when a mention
  bool consumed = false;
  bool plural = false; // the phrase's last word was plural ("products")
  bool age = false;    // "age": the years since the birth date in `e`
};

/// The aggregate a metric's expression applies (SUM for "SUM(a * b)").
aggregate natural_aggregate(const indexed_model& model, const std::string& metric_name);

/// How many of a table's things there are: its rows counted, or its tallies
/// summed when the rows carry a "count".
measure count_of(const indexed_model& model, const std::string& table);

/// The measure is count_of its table: "how many loans", "how many deliveries".
bool counts_things(const indexed_model& model, const measure& m);

/// The one column of a table that keeps its rows' length or duration
/// ("duration_minutes", "length_km", "runtime"); null when none or several.
const column_info* length_of(const table_info& t);

/// The column that names a table's rows, as a reference.
column_ref label_of(const indexed_model& model, const std::string& table);

/// A verb as said: its participle, or its plain form after its subject or
/// auxiliary (reading_said_of.cpp).
bool said_as_verb(const std::vector<token>& tokens, size_t i);

struct reader {
  reader(const indexed_model& m, const std::vector<token>& t, const std::vector<std::string>& context)
    : model(m), tokens(t), context_tables(context) {}

  const indexed_model& model;
  const std::vector<token>& tokens;
  const std::vector<std::string>& context_tables;
  reading r;
  std::vector<item> items;
  std::vector<bool> taken;
  std::vector<bool> in_period; // the tokens the period phrases were read from
  time_reading time;

  // -- state while walking the items --
  aggregate pending_agg = aggregate::none;
  bool distinct = false;
  bool in_group = false;
  std::string group_word; // the word of the last group cue ("per", "by", "each")
  size_t group_end = 0;   // and the token after it
  bool negate = false;
  bool order_next = false;
  bool sort_pending = false;
  size_t sort_word = 0; // where the bare sort word was said
  bool share = false;
  size_t share_pos = SIZE_MAX;
  std::optional<cue> superlative;
  bool both_extremes = false; // superlatives of both directions were said
  int top = 0;
  bool top_desc = true;
  bool top_which = false; // "which 4 depots": the superlative gives the direction
  bool skip_next = false; // the phrase after "instead of" names what goes away
  bool plural_entity = false;
  std::vector<column_ref> bare_numeric;
  std::optional<column_ref> superlative_column;
  std::optional<column_ref> time_column_hint;
  std::vector<std::string> lacks, has;
  // The last table the rows must lack, with where it was said and, when a
  // verb named it ("haven't ordered"), the date of that event: a period said
  // after it is of those rows ("no orders this year"), not of the rows kept.
  size_t lacked_at = 0;
  std::optional<column_ref> lacked_event;
  void lack(const std::string& table, size_t said_end) { // rows of `table` the rows kept have none of
    lacks.push_back(table);
    lacked_at = said_end;
  }
  std::optional<bool> rows_lacked(size_t k, const column_ref& date); // reading_happened.cpp
  std::vector<std::pair<size_t, size_t>> value_filters; // (filter index, position)
  std::vector<size_t> dropped_filters; // filters a later reading showed were not meant
  std::vector<std::pair<size_t, size_t>> value_said;    // the same for every value, in its filter's order
  struct span { size_t filter, begin, end; };
  std::vector<span> filter_spans; // a value or a flag said in one phrase, where
  bool having_on_entity = false;
  bool versus = false;
  std::vector<std::string> entity_dimensions; // groups named by a table: "per order"
  bool asked_average = false;
  bool average_count = false; // "on average how many": a kept count is averaged
  // "students enrolled" after counting students: (measure, num_enrolled),
  // the kept count when its table is the group, else only the verb.
  std::optional<std::pair<size_t, column_ref>> counted_by_participle;
  bool both = false;
  bool who = false;
  bool total_count = false; // "all told how many": a kept count may be summed
  std::optional<std::pair<size_t, std::string>> counter_for; // (measure, table it counts)
  bool asked_order = false; // "ordered by", "sorted by": the whole ranking, no cut
  std::optional<std::pair<size_t, size_t>> days_between; // "days between" A "and" B: positions
  // "in seconds", "in minutes": the unit of a duration, with its words' positions.
  std::string duration_unit;
  std::vector<size_t> unit_words;
  std::optional<std::pair<size_t, std::string>> latest; // "in the newest reading": (noun, "max"|"min")
  struct clock_said { size_t at, len; std::string time; }; // "before" 1pm: HH:MM:SS
  std::vector<clock_said> clocks;
  std::optional<size_t> duration_word; // "session duration": the span of one row's start and end
  std::optional<aggregate> days_since; // "how long since the last X": MAX, "the first X": MIN
  std::optional<column_ref> age_of; // "average age": the birth date it is counted from
  std::optional<size_t> age_word;
  // Words read as naming nothing of their own, or as restating a column
  // already named ("delivered" beside a status value): (first token, what
  // they might have meant), for a "not" left before them.
  std::vector<std::pair<size_t, std::vector<element>>> unnamed;
  bool keep_row_groups = false; // a ratio's side: "for each depot" keeps one row per depot

  // -- resolving several candidates --

  // Tables the phrases name surely, but for `being_resolved`.
  std::vector<std::string> known_tables(const std::vector<mention>& ms, const mention* being_resolved = nullptr);
  // "arrived by fax": after "by", the one value of rows named (reading_link_words.cpp).
  std::optional<element> value_said_after_by(const mention& m, const std::vector<mention>& all);

  int distance(const std::string& from, const std::vector<std::string>& to);

  /// The candidates whose name, or else description, shares the most words
  /// with the rest of the question; empty when that does not narrow them.
  std::vector<std::pair<element, double>> by_other_words(
    const mention& m, const std::vector<std::pair<element, double>>& cands);

  /// A value after "from" or "to" in a column named for that end of a
  /// movement ("from LAX": from_airport).
  bool plays_role(const mention& m, const element& c);

  std::vector<element> resolve(const mention& m, const std::vector<mention>& all, size_t index);

  // -- building pieces --

  void add_value_filter(const element& e, size_t pos);

  std::optional<column_ref> total_column(size_t k);

  bool literal_misses_codes(const column_ref& col, const std::vector<std::string>& values);

  // Numeric columns of a table that can be summed: not keys; amount-like
  // names first, alone when one of them is ("amount", "total", "price").
  std::vector<column_ref> amount_columns(const std::string& table);

  const relationship* foreign_key(const std::string& table, const std::string& column);

  /// The one number of `table` a size adjective ranks by: "length" for "the
  /// longest rivers" (length, length_km).
  std::optional<column_ref> dimension_column(const std::string& table, const std::string& noun);
  /// A verb ("wrote", "written") that names a table holding only keys to
  /// others (writes: author, paper): it says how the things it links relate,
  /// and the joins follow it without it being counted or listed.
  bool names_link_table(const std::vector<mention>& all, size_t i);

  /// Mention i names nothing the query uses: a relating verb, a unit after a
  /// number, a name its bracketed code restates (reading_skip.cpp).
  bool names_nothing(const std::vector<mention>& mentions, size_t i);

  /// A "not" left over that only restates a value already kept: "shipped but
  /// not delivered" (reading_contrast.cpp).
  bool contrast_implied() const;

  /// A loose word for column `e` that a sure phrase right beside it names too.
  bool corroborated(const std::vector<mention>& mentions, size_t i, const element& e);

  void add_dimension(const dimension& d);

  /// A numeric column of a table `table` references that keeps the number of
  /// its rows ("review_count", "num_reviews" for review).
  std::optional<column_ref> counter_column(const std::string& table);

  measure count_rows(const std::string& table);

  void add_measure(const measure& m);

  /// The word names one of the model's tables ("ship", "ships").
  bool names_table(const token& t) const;
  /// Sets the reading's refers_back flags (reading_references.cpp).
  void read_references();

  /// "longer than 2 hours": the condition on the one length or duration
  /// column of the rows asked about, in its own unit (reading_length.cpp).
  std::optional<filter> length_condition(const cue& c);

  /// The table whose rows are the events a verb of the question names
  /// ("rented": rental), when exactly one is (reading_relations.cpp).
  std::string table_of_event_verb() const;
  /// Counts those events as the measure, or leaves `said` unresolved.
  void count_verb_events(const std::string& said);

  /// The "total" said last, after item k and with nothing named after it
  /// ("... in total", "... altogether"): the sum of what k names.
  item* trailing_total(size_t k);

  const item* next_item(size_t k) { return k + 1 < items.size() ? &items[k + 1] : nullptr; }
  const item* prev_item(size_t k) { return k > 0 ? &items[k - 1] : nullptr; }
  bool next_is(size_t k, cue_kind kind);

  /// Mentions that only restate what the question names anyway: explained,
  /// but not read as pieces of their own (see reading_restate.cpp).
  std::vector<bool> restating_mentions(const std::vector<mention>& mentions,
                                       const std::vector<std::vector<element>>& resolved,
                                       const std::vector<cue>& cues);

  /// An unknown participle that only relates two things the question names
  /// ("members who have borrowed books"); see reading_relations.cpp.
  bool relation_verb(size_t i);

  /// The unit after a compared number, as the column's description gives it.
  bool unit_of_compared(size_t i);

  void on_column(size_t k, const element& e);

  void on_table(size_t k, const item& it);

  void on_metric(size_t k, const element& e);

  bool agent_by(size_t k);

  void on_cue(size_t k, item& it);
  void note_what_is_asked_for(); // asked_for.cpp

  /// The phrase names a foreign key by its whole name, and the key holds the
  /// same-named column of the table it points to.
  bool names_whole_key(const item& it, const relationship& rel);

  void read_days_since();

  void read_age(const lexicon& lex);

  void on_age();

  void apply_window();

  void apply_days_since();

  void apply_days_between();
  /// "sale price minus cost": two numbers of a table subtracted (reading_difference.cpp).
  std::optional<std::pair<column_ref, column_ref>> difference;
  std::vector<column_ref> numeric_phrase(const lexicon& lex, size_t from, size_t to);
  void read_difference(const lexicon& lex);
  void apply_difference();
  void apply_duration();
  void read_latest(const lexicon& lex);
  void apply_latest();
  void read_definition();
  void read_clock();
  void take_clocks();
  void name_link_tables(); // "courses offered": the offering table is the way between (reading_link_words.cpp)
  void read_length_order(); // "by the length of the name" (reading_length.cpp)
  void read_verb_roles(); // "papers that cite" vs "papers cited by" (reading_verb_roles.cpp)
  void drop_restated_counts(); // a column described as "number of members who ..." (reading_restated_count.cpp)
  void read_happened(); // "drugs that have been approved": their approval date is set
  /// The one date of `table` that records the event `verb` (a stem) names.
  std::optional<column_ref> event_date_of(const std::string& table, const std::string& verb, bool by_name = false) const;
  bool read_not_happened(size_t k, const column_ref& col); // "haven't been paid": the date unset
  bool read_happened_in_listing(size_t k, const column_ref& col); // "which have we withdrawn?": the date set (reading_happened.cpp)
  void give_back_unit();
  void read_span(const column_ref& from, const column_ref& to);
  void read_duration_unit();

  std::string table_of_conditions() const; // the table all conditions are on, when said
  std::optional<column_ref> sized_by_money(const std::string& shown); // "the largest payment": its one amount
  bool asks_for_a_row() const;
  void read_key_verbs(); // "supervised by Ada" through the key named for the doer (reading_key_verbs.cpp)
  void read_key_named_like_a_value(); // "without an account manager": the key, not a title (reading_key_verbs.cpp)
  void read_possessive_key(); // "Ana's manager": the row her key points at (reading_key_verbs.cpp)
  void check_values_said_of(); // a value that only describes a sibling of the rows (reading_said_of.cpp)
  void check_two_links_to_named(); // rows linked twice to the table of a value named (reading_said_of.cpp)
  void check_state_of_other_rows(); // "projects still open": their status, not their jobs' (reading_said_of.cpp)
  void drop_value_the_period_names(); // "sent in 2023": the date, not also the status (reading_said_of.cpp)
  bool number_after_by(const element& e, const column_ref& col); // "by visit count" (reading_number_after_by.cpp)
  void find_superlative_column(); // "the cheapest products": their price (reading_superlative_column.cpp)
  std::vector<bool> shield_names_with_cue_words(const lexicon& lex); // "visit count" (reading_cue_word_names.cpp)
  void apply_cues_left(); // a "not" or "per" no phrase applied (reading_cues_left.cpp)
  bool participle_of_column(size_t k, const column_ref& col, column_role role); // "insured" (reading_has_one.cpp)
  std::optional<element> value_of_subject(const mention& m, const std::vector<mention>& all, size_t index); // (reading_subject_value.cpp)
  void take_span_words(); // "what time span do the rows cover" (reading_span_covered.cpp)
  void read_span_covered(); // its first and last date (reading_span_covered.cpp)
  void check_each_grouped(); // "each machine" said and nothing per machine (reading_groups.cpp)
  void check_kind_of_whom(); // "repairs by type" grouped by the type of the technician who logged them (reading_groups.cpp)
  bool span_asked = false;
  std::optional<element> part_of_full_name(const mention& m, const std::vector<mention>& all, size_t index); // (reading_name_parts.cpp)
  bool money_of_rows_named(const std::string& table); // "revenue from workshops": their fee (reading_money_of_named.cpp)
  bool counts_charges(size_t k, const column_ref& col, measure& m); // "how many booking fees" (reading_charges_counted.cpp)
  void date_the_verb_names(); // "copies we received": the period on received_on (reading_said_of.cpp)
  void read_examples_of_a_column(); // "kiosk, app and so on": a breakdown by the column (reading.cpp)
  void date_a_state_names();  // "by the year they were suspended": the years of suspended_dt (reading_said_of.cpp)
  void check_period_date(); // a verb said, the period's date named for another (reading_period_date.cpp)
  void check_leavers(); // "staff who have left": of the rows named; a period on leaving (reading_period_date.cpp)
  std::vector<size_t> period_adjectives_of_names(const lexicon& lex); // "annual fee" (reading_period_adjectives.cpp)
  void check_counted_is_said(); // "how many X": X counted, not a table named later (reading_counted.cpp)
  void check_included_amount(); // "tax included": not the tax alone (reading_included.cpp)
  void read_most_common(); // "the most common topic": ranked by rows (reading_most_common.cpp)
  void read_which_of_shown(); // "which 2 of them lead in X" (reading_counted.cpp)
  void read_where_they_are(); // "and where each one sits" (reading_where.cpp)
  void drop_forms_of_address(std::vector<mention>& mentions); // "Ms Berg" (reading_account.cpp)
  /// "paid_amt" beside "amt" of the same table, "paid" not said: the plain
  /// one is meant (the columns are given by name; reading_resolve.cpp).
  bool qualified_by_unsaid_word(const std::string& column, const std::vector<std::string>& others) const;
  std::string one_of_shown() const;
  std::string rows_asked() const; // the entity, else the one table counted or measured (reading_counted.cpp)
  std::optional<column_ref> money_of(const std::string& table); // its one money column (reading_phrases.cpp)
  void read_breakdown(); // "break down X by Y": the rows counted per group (reading_finish.cpp)

  /// "shipped after their required date": two columns of a row compared
  /// (reading_compare_columns.cpp); their items leave the walk.
  void read_column_comparison();
  void read_roles(); // "from X to Y" through the keys named for those roles
  void read_quantity_sold(); // "how many tracks were sold": the lines' quantity
  void read_reports(); // "who reports to Mona": a key of a table to itself
  // "which truck was rented the most": ranked by the rows the verb names (reading_rank_by_verb.cpp).
  bool rank_by_rows_of_verb(int limit);
  // The entity's rows grouped by their label, ranked by `m` (reading_rank_by_verb.cpp).
  void rank_entity_by(const measure& m, bool descending, int limit);
  std::optional<int> ranked_by_verb; // "the most" with nothing to rank by: its limit
  bool relate_through_self_key(size_t verb, size_t verb_end, const std::string& rows, const std::string& key,
                               bool reporting); // (reading_reports.cpp)

  std::optional<bool> key_verb_existence(size_t k, const relationship& rel);
  std::vector<column_ref> keys_said(const std::string& table) const;
  bool says_how_many(const item& superlative) const; // "most", "fewest", "least"
  void walk();

  void finish();
  // finish()'s steps, in this order (reading_rank.cpp, reading_groups.cpp,
  // reading_settle.cpp); each reads and amends the reading made so far.
  void read_ranking();
  void read_conditions_and_groups();
  void settle_reading();
  void group_selected(const std::function<bool(const column_ref&)>& groups);
  void group_by_period();

  /// Moves value conditions said right after a related table into that
  /// table's EXISTS (reading_attach.cpp); `said` holds them with positions.
  /// "class of A or B": "A" read as a value beside its sibling (reading_attach.cpp).
  void rescue_short_values(const lexicon& lex, std::vector<mention>& mentions);

  void attach_to_related(const std::vector<std::pair<filter, size_t>>& said);

  /// Conditions said with "or" between them, as pairs to join
  /// (reading_attach.cpp): taken before finishing, applied after.
  std::vector<std::pair<filter, filter>> alternatives();
  void join_alternatives(const std::vector<std::pair<filter, filter>>& pairs);

  void drop_repeated_measures();

  void account();

  void run(const lexicon& lex);
};

/// "Match case insensitively": the equalities on text among `filters` ignore
/// case; only those on the column whose words are `of` ("food type"), unless empty.
void ignore_case(const indexed_model& model, std::vector<filter>& filters, const std::string& of);

/// One phrase of a larger question read on its own (a ratio's side): groups
/// by the measure's own rows are kept.
reading read_part(const indexed_model& model, const lexicon& lex, const std::vector<token>& tokens,
                  const std::vector<std::string>& context);

/// "ratio of A to B ...": each side read on its own, then divided. Empty when
/// the question asks no ratio, or its sides do not read as two measures over
/// the same groups.
std::optional<reading> read_ratio(const indexed_model& model, const lexicon& lex,
                                  const std::vector<token>& tokens,
                                  const std::vector<std::string>& context);

} // namespace medha::sqlgen::detail
