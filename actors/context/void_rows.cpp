// A voided invoice or a deleted booking is kept so the books can show what
// happened to it, not because it counts: money taken, orders made and
// customers served are all read without them. Left in, every total over
// such a table is off by the voided rows, and nothing in the question says
// so. The mark is read from the column's name and its values only: a flag
// whose name says void or deleted, or the day a row was voided or deleted.
#include "actors/context/void_rows.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace medha {

namespace {

// "void_flg", "is_voided", "deleted_at": a word that says the row no longer stands.
bool names_void(const std::string& column) {
  auto words = name_words(column);
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "void" || w == "voided" || w == "deleted" || w == "delete" || w == "del";
  });
}

bool is_time_type(const std::string& type) {
  return type == "date" || type.rfind("timestamp", 0) == 0;
}

// The value of a yes/no text flag that says yes ('Y', 'T', '1', 'yes'),
// when every value the column holds is a yes or a no; else "".
std::string yes_value(const column_info& c) {
  bool flag = !c.values.empty() && std::all_of(c.values.begin(), c.values.end(), [](const std::string& v) {
    return says_yes(v) || says_no(v);
  });
  return flag ? flag_value(c, true) : "";
}

std::string quoted(const std::string& v) {
  std::string out = "'";
  for (char c : v)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The table's rows in the user's words: "payment" → "payments".
std::string rows_words(const std::string& table) {
  auto words = name_words(table);
  std::string out;
  for (auto& w : words)
    out += (out.empty() ? "" : " ") + w;
  if (!out.empty() && out.back() != 's')
    out += 's';
  return out;
}

} // namespace

int add_void_row_rules(semantic_model& model) {
  int added = 0;
  for (auto& t : model.tables) {
    if (t.derived)
      continue;
    for (auto& c : t.columns) {
      // Named plainly, so the rule's SQL needs no quoting.
      bool plain = std::all_of(c.name.begin(), c.name.end(), [](char ch) {
        return std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_';
      });
      if (!plain || !names_void(c.name))
        continue;
      bool ruled = std::any_of(model.rules.begin(), model.rules.end(), [&](const rule& r) {
        return r.table == t.name && r.names_column(c.name);
      });
      if (ruled)
        continue;
      // ("del" alone, in `del_flag`, may be a delivery: read so only on a
      // yes/no flag.)
      auto words = name_words(c.name);
      bool short_del = std::find(words.begin(), words.end(), "del") != words.end();
      std::string filter;
      if (short_del && c.type != "boolean" && yes_value(c).empty())
        continue;
      if (c.type == "boolean")
        filter = c.name + " IS NOT TRUE";
      else if (is_time_type(c.type) && c.nullable)
        filter = c.name + " IS NULL";
      else if (auto yes = yes_value(c); !yes.empty())
        filter = c.name + " IS DISTINCT FROM " + quoted(yes);
      if (filter.empty())
        continue;
      model.rules.push_back({t.name, filter, "leaves out voided or deleted " + rows_words(t.name) + " (" + c.name + ")"});
      ++added;
    }
  }
  return added;
}

} // namespace medha
