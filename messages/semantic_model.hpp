#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace medha {

/// How a column is used in questions; decides grouping, filtering and charts.
enum class column_role {
  time,        // date / timestamp: filter by year, bucket by month
  categorical, // low-cardinality text or enum: group by, filter by value
  numeric,     // measure candidate: sum, average, min, max
  identifier,  // keys and ids: count distinct, join, never summed
  text,        // free text: containment filters, listings
  boolean,
};

const char* to_string(column_role role);

struct column_info {
  std::string name;
  std::string type;    // PostgreSQL type name as format_type() prints it
  column_role role = column_role::text;
  bool nullable = true;
  bool primary_key = false;
  std::string comment; // COMMENT ON COLUMN, or a description from a model file
  /// Distinct values of a low-cardinality text column (empty otherwise).
  std::vector<std::string> values;
  /// Short distinct values of a text column with too many to be categories
  /// (city names, titles, people's names), up to a bound: so that a question
  /// naming one ("customers in London") finds the column it is in.
  std::vector<std::string> lookup_values;
  /// One column of its own unique constraint or index: no two rows share a value.
  bool unique = false;
};

struct table_info {
  std::string schema = "public";
  std::string name;
  std::string comment;
  std::vector<column_info> columns;
  int64_t row_estimate = 0;
  /// A view or materialized view: rows computed from other tables, so its
  /// columns and values repeat theirs.
  bool derived = false;

  const column_info* find_column(const std::string& column) const;
};

/// A join edge: from_table.from_columns references to_table.to_columns.
struct relationship {
  std::string from_table;
  std::vector<std::string> from_columns;
  std::string to_table;
  std::vector<std::string> to_columns;
  bool inferred = false; // from matching key names rather than a declared FK
};

/// A business metric, e.g. revenue = SUM(quantity * unit_price) on order_items.
struct metric {
  std::string name;
  std::string expression; // an aggregate SQL expression over `table`'s columns
  std::string table;
  std::string description;
  std::vector<std::string> synonyms;
};

/// A glossary term: words people use that mean a table, column, metric or value.
struct glossary_term {
  std::string term;                  // e.g. "client"
  std::string target;                // e.g. "customers" or "customers.name" or a metric name
  std::vector<std::string> synonyms; // more words for the same target
};

/// A default filter, e.g. exclude cancelled orders whenever `table` is used.
struct rule {
  std::string table;
  std::string filter; // SQL boolean expression over table's columns
  std::string description;

  /// Whether the filter names `column` as a whole word (any case).
  bool names_column(const std::string& column) const;
};

/// The spellings of a yes/no flag kept as text: 'Y', 'yes', 'T', 'true',
/// '1' and their noes, in any case.
bool says_yes(const std::string& value);

/// The words of a table's or column's name, lower case, split at anything
/// but a letter: "voided_dt" → "voided", "dt".
std::vector<std::string> name_words(const std::string& name);
bool says_no(const std::string& value);

/// The value of a flag column that says yes (`yes`) or no, among its
/// sampled values; "" when none does.
std::string flag_value(const column_info& column, bool yes);

struct verified_example {
  std::string question;
  std::string sql;
};

/// Everything known about one data source: the context stage's output, shared
/// read-only (std::shared_ptr<const semantic_model>) by discovery and sqlgen.
struct semantic_model {
  std::string data_source;
  std::string description;
  uint64_t schema_version = 0; // changes when introspection sees a new schema
  /// The day the data ends ('YYYY-MM-DD'), when it ends well before the day
  /// it was read: a copy taken then, not a live system. Whole calendar
  /// periods ("this year", "last month") count from that day; windows ("the
  /// last 30 days"), days since and ages still from today. Empty: the data
  /// is current, and everything counts from today.
  std::string data_ends;
  std::vector<table_info> tables;
  std::vector<relationship> relationships;
  std::vector<metric> metrics;
  std::vector<glossary_term> glossary;
  std::vector<rule> rules;
  std::vector<verified_example> examples;
  /// How this worker got the model through the shared metadata cache: "hit"
  /// (not introspected here), "miss" (introspected, then kept), "" (the
  /// cache is off, or the model came from the saved catalog).
  std::string cache;

  const table_info* find_table(const std::string& table) const;
};

} // namespace medha
