#include "actors/context/column_roles.hpp"

#include <algorithm>
#include <cctype>

#include "messages/result_set.hpp"

namespace medha {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_integer_or_uuid(const std::string& type) {
  return type == "smallint" || type == "integer" || type == "bigint" || type == "uuid";
}

} // namespace

bool has_key_name(const std::string& column) {
  std::string name = lower(column);
  return name == "id" || ends_with(name, "_id") || ends_with(name, "_key") || ends_with(name, "_code");
}

bool is_text_category(char category) {
  return category == 'S' || category == 'E';
}

column_role assign_role(const column_facts& c) {
  if (is_time_type(c.type))
    return column_role::time;
  if (c.category == 'B')
    return column_role::boolean;
  if (c.primary_key || c.foreign_key || (has_key_name(c.name) && is_integer_or_uuid(c.type)))
    return column_role::identifier;
  if (c.category == 'N' || is_numeric_type(c.type))
    return column_role::numeric;
  if (c.category == 'E' || (c.category == 'S' && c.low_cardinality))
    return column_role::categorical;
  return column_role::text;
}

bool holds_epoch_seconds(const column_info& column) {
  if (column.type != "bigint" && column.type != "integer" && column.type != "numeric")
    return false;
  auto text = lower(column.comment);
  if (text.find("milli") != std::string::npos || text.find("micro") != std::string::npos)
    return false; // another unit: to_timestamp would misread it
  return text.find("epoch") != std::string::npos || text.find("unix time") != std::string::npos;
}

bool holds_yes_no(const column_info& column) {
  static const std::pair<const char*, const char*> pairs[] = {
    {"y", "n"}, {"yes", "no"}, {"t", "f"}, {"true", "false"}, {"1", "0"}};
  if (column.values.size() != 2)
    return false;
  auto a = lower(column.values[0]), b = lower(column.values[1]);
  for (auto& [yes, no] : pairs)
    if ((a == yes && b == no) || (a == no && b == yes))
      return true;
  return false;
}

} // namespace medha
