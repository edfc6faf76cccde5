#include "actors/sqlgen/model_view.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <set>
#include <string_view>
#include <utility>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_index.hpp"
#include "actors/sqlgen/time_phrases.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

const table_info* table_of(const indexed_model& model, const std::string& name) {
  return model.find_table(name);
}

const table_info* table_of(const semantic_model& model, const std::string& name) {
  return model.find_table(name);
}

bool only_links(const indexed_model& model, const table_info& t) {
  int keys = 0;
  for (auto& c : t.columns) {
    bool key = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
      return r.from_table == t.name && r.from_columns.size() == 1 && r.from_columns[0] == c.name;
    });
    if (key)
      ++keys;
    else if (c.role != column_role::identifier && c.role != column_role::time)
      return false;
  }
  return keys >= 2;
}

std::string linked_table_named(const indexed_model& model, const table_info& t) {
  std::vector<std::string> linked;
  for (auto& c : t.columns) {
    auto rel = std::find_if(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
      return r.from_table == t.name && r.from_columns.size() == 1 && r.from_columns[0] == c.name;
    });
    if (rel != model.relationships.end())
      linked.push_back(rel->to_table);
    else if (c.role != column_role::identifier && c.role != column_role::time)
      return ""; // a row of its own: a quantity, a name
  }
  auto words = split_words(t.name);
  if (linked.size() < 2 || words.empty())
    return "";
  for (auto& target : linked) {
    auto target_words = split_words(target);
    if (!target_words.empty() && stem(target_words.back()) == stem(words.back()))
      return target;
  }
  return "";
}

bool names_money(const std::string& column) {
  auto words = split_words(column);
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "amount" || w == "amt" || w == "revenue" || w == "total" || w == "paid" || w == "sales";
  });
}

bool names_a_kind(const std::string& column) {
  auto words = split_words(column);
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "type" || w == "kind" || w == "category" || w == "class" || w == "format";
  });
}

bool adds_up(const std::string& column) {
  auto words = split_words(column);
  return names_money(column) || std::any_of(words.begin(), words.end(), [](const std::string& w) {
           return w == "quantity" || w == "qty" || w == "units" || w == "count" || w == "minutes"
                  || w == "hours" || w == "seconds";
         });
}

const column_info* primary_key(const table_info& t) {
  const column_info* found = nullptr;
  bool declared = false;
  for (auto& c : t.columns)
    if (c.primary_key) {
      if (found)
        return nullptr; // composite key
      found = &c;
      declared = true;
    }
  if (declared)
    return found;
  // Without a declared key, the identifier named after its own table
  // ("student_id" in student, "authorid" in author, "id"), when it is the
  // only one so named and may not be empty.
  auto table = stem(join(split_words(entity_words(t.name)), ""));
  for (auto& c : t.columns) {
    if (c.nullable || (c.role != column_role::identifier && c.role != column_role::numeric))
      continue;
    auto words = split_words(c.name);
    if (words.empty())
      continue;
    std::string head;
    if (words.back() == "id")
      head = join(std::vector<std::string>(words.begin(), words.end() - 1), "");
    else if (words.size() == 1 && words[0].size() > 2 && words[0].compare(words[0].size() - 2, 2, "id") == 0)
      head = words[0].substr(0, words[0].size() - 2);
    else
      continue;
    if (!head.empty() && stem(head) != table)
      continue;
    if (found)
      return nullptr;
    found = &c;
  }
  return found;
}

const column_info* row_key(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  if (!t)
    return nullptr;
  if (auto* pk = primary_key(*t))
    return pk;
  const column_info* referenced = nullptr;
  for (auto& rel : model.relationships)
    if (rel.to_table == t->name && rel.to_columns.size() == 1)
      referenced = t->find_column(rel.to_columns[0]);
  return referenced;
}

const column_info* count_column(const table_info& t) {
  auto* c = t.find_column("count");
  return c && c->role == column_role::numeric ? c : nullptr;
}

const metric* find_metric(const semantic_model& model, const std::string& name) {
  for (auto& m : model.metrics)
    if (m.name == name)
      return &m;
  return nullptr;
}

const metric* find_metric(const indexed_model& model, const std::string& name) {
  return find_metric(model.model, name);
}

column_role role_of(const indexed_model& model, const column_ref& c) {
  auto* t = table_of(model, c.table);
  auto* col = t ? t->find_column(c.column) : nullptr;
  return col ? col->role : column_role::text;
}

std::string entity_words(const std::string& table) {
  auto w = split_words(table);
  if (!w.empty())
    w.back() = singular(w.back());
  return join(w, " ");
}

std::string column_words(const std::string& column) { return join(split_words(column), " "); }

int weekday_number(const std::string& name) {
  static const char* days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  std::string w;
  for (char ch : name)
    if (!std::isspace(static_cast<unsigned char>(ch)))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (int i = 0; i < 7; ++i)
    if (w == days[i] || (w.size() >= 3 && std::string(days[i]).compare(0, w.size(), w) == 0 && w.size() <= 4))
      return i;
  return -1;
}

column_ref day_name_column(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  if (!t)
    return {};
  for (auto& c : t->columns)
    if (c.values.size() >= 2 && (c.role == column_role::categorical || c.role == column_role::text)
        && std::all_of(c.values.begin(), c.values.end(),
                       [](const std::string& v) { return weekday_number(v) >= 0; }))
      return {t->name, c.name};
  return {};
}

column_ref month_name_column(const indexed_model& model, const column_ref& year) {
  auto* t = table_of(model, year.table);
  auto* y = t ? t->find_column(year.column) : nullptr;
  if (!y || y->role != column_role::numeric || !lexicon_words::counts_years(y->name))
    return {};
  for (auto& c : t->columns) {
    if (c.values.size() < 2 || (c.role != column_role::categorical && c.role != column_role::text))
      continue;
    bool months = std::all_of(c.values.begin(), c.values.end(), [](const std::string& v) {
      std::string w;
      for (char ch : v)
        if (!std::isspace(static_cast<unsigned char>(ch)))
          w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return month_number(w) > 0;
    });
    if (months)
      return {t->name, c.name};
  }
  return {};
}

column_ref default_time_column(const indexed_model& model, const std::string& root) {
  // Breadth-first from the root so the nearest table's date wins ("orders"
  // before "customers" for revenue).
  std::set<std::string> seen{root};
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    auto name = queue.front();
    queue.pop_front();
    if (auto* t = table_of(model, name)) {
      const column_info* best = nullptr;
      // A birth date is no time the row happened in: "students in 2023"
      // are not the ones born then. A table whose only date is one has no
      // time of its own to go by.
      auto born = [](const column_info& c) {
        auto words = split_words(c.name);
        return std::any_of(words.begin(), words.end(), [](const std::string& w) {
          return w == "birth" || w == "dob" || w == "born" || w == "birthday" || w == "birthdate";
        });
      };
      // Nor, on rows the asked ones lead to, the day such a row ended
      // ("categories for 2024" are not those of products discontinued then).
      auto ended = [&](const column_info& c) {
        auto current = [](const std::vector<std::string>& states) {
          return std::find(states.begin(), states.end(), "current") != states.end();
        };
        return name != root && c.nullable
               && (current(lexicon_words::states_while_unset(split_words(c.name)))
                   || current(lexicon_words::states_while_unset(lexicon_words::phrase_words(c.comment))));
      };
      size_t dates = 0, skipped = 0;
      for (auto& c : t->columns)
        if (c.role == column_role::time) {
          ++dates;
          skipped += born(c) || ended(c) ? 1 : 0;
        }
      if (dates > 0 && dates == skipped)
        return {};
      for (auto& c : t->columns)
        if (c.role == column_role::time && !born(c) && !ended(c)) {
          // Prefer the column named after its table ("order_date" in orders).
          auto words = split_words(c.name);
          bool own = !words.empty() && stem(words.front()) == stem(entity_words(name));
          if (!best || own) {
            best = &c;
            if (own)
              break;
          }
        }
      if (best)
        return {name, best->name};
      // An integer year column ("review_year") is the table's own time.
      // In any case of letters ("Year"), as a word of the name.
      for (auto& c : t->columns)
        if (c.role == column_role::numeric && lexicon_words::counts_years(c.name))
          return {name, c.name};
    }
    for (auto& next : linked_tables(model, name))
      if (seen.insert(next).second)
        queue.push_back(next);
  }
  return {};
}

// People are named by a first and a family name, or by a full name.
bool is_table_of_people(const table_info& t) {
  return family_name_column(t) || t.find_column("full_name") || t.find_column("person_name");
}

std::optional<std::string> person_of_rows(const indexed_model& model, const std::string& table,
                                          const std::vector<column_ref>& named_keys, bool any_key) {
  // A key named for the people's table (rider_id, cust_id), or one the
  // question named; not a role they may play (account_manager_id).
  auto names_them = [&](const relationship& rel) {
    if (rel.from_columns.size() != 1)
      return false;
    if (any_key)
      return true;
    if (std::find(named_keys.begin(), named_keys.end(), column_ref{rel.from_table, rel.from_columns[0]})
        != named_keys.end())
      return true;
    auto target = split_words(entity_words(rel.to_table));
    auto key = split_words(rel.from_columns[0]);
    return std::any_of(key.begin(), key.end(), [&](const std::string& w) {
      return w != "id" && std::any_of(target.begin(), target.end(), [&](const std::string& t) {
               return stem(w) == stem(t) || (w.size() >= 3 && t.compare(0, w.size(), w) == 0);
             });
    });
  };
  // A key the question named decides among several.
  auto named = [&](const relationship& rel) {
    return rel.from_columns.size() == 1
           && std::find(named_keys.begin(), named_keys.end(), column_ref{rel.from_table, rel.from_columns[0]})
                != named_keys.end();
  };
  bool any_named = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
    auto* to = rel.from_table == table && rel.to_table != table ? table_of(model, rel.to_table) : nullptr;
    return to && is_table_of_people(*to) && named(rel);
  });
  std::optional<std::string> found;
  for (auto& rel : model.relationships) {
    if (rel.from_table != table || rel.to_table == table || !names_them(rel) || (any_named && !named(rel)))
      continue;
    auto* to = table_of(model, rel.to_table);
    if (!to || !is_table_of_people(*to))
      continue;
    if (found)
      return std::nullopt; // a repair's customer and its technician: whose is asked
    found = rel.to_table;
  }
  return found;
}

} // namespace medha::sqlgen
