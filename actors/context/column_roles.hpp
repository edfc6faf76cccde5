#pragma once

#include <string>

#include "messages/semantic_model.hpp"

namespace medha {

/// What introspection knows about a column when it picks its role.
struct column_facts {
  std::string name;
  std::string type;        // format_type(): "integer", "character varying(40)", ...
  char category = 'X';     // pg_type.typcategory of the (domain's base) type: 'N', 'S', 'D', 'B', 'E', 'U', ...
  bool primary_key = false;
  bool foreign_key = false;
  bool low_cardinality = false; // at most 50 distinct values, all short (see introspect)
};

/// Picks how questions use a column, first rule that matches:
///  date / timestamp -> time; boolean -> boolean; part of a primary or
///  foreign key, or named id / *_id / *_key / *_code with an integer or uuid
///  type -> identifier; numeric -> numeric; enum or low-cardinality text ->
///  categorical; anything else -> text.
column_role assign_role(const column_facts& column);

/// An integer column that its description says holds Unix epoch seconds
/// ("Epoch timestamp for departure time"): a time, read through to_timestamp.
bool holds_epoch_seconds(const column_info& column);

/// A flag kept as text: every value the column holds is one of a yes and a
/// no of one spelling ('Y'/'N', 'T'/'F', 'yes'/'no', '1'/'0'), both present.
/// Such a column is read as a boolean; its own values stand for true and
/// false in SQL (flag_value, messages/semantic_model.hpp).
bool holds_yes_no(const column_info& column);

/// True for names that look like keys: "id", "*_id", "*_key", "*_code".
bool has_key_name(const std::string& column);

/// True for text-like types whose distinct values are worth sampling.
bool is_text_category(char category);

} // namespace medha
