#include "actors/context/infer_relationships.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace medha {

namespace {

// Types that join without a cast count as one family.
std::string type_family(const std::string& type) {
  std::string base = type.substr(0, type.find('('));
  if (base == "smallint" || base == "integer" || base == "bigint")
    return "integer";
  if (base == "text" || base == "character varying" || base == "character")
    return "text";
  return base;
}

// Families whose values identify things; floats, dates and booleans do not.
bool joinable(const std::string& type) {
  auto family = type_family(type);
  return family == "integer" || family == "text" || family == "uuid";
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "customer_id" -> "customer"; "" when the name has no key suffix.
std::string key_prefix(const std::string& column) {
  for (const char* suffix : {"_id", "_key", "_code"})
    if (ends_with(column, suffix))
      return column.substr(0, column.size() - std::char_traits<char>::length(suffix));
  return {};
}

// What a key name says it identifies: key_prefix, or "paper" for "paperid",
// "a" for "aid".
std::string own_stem(const std::string& column) {
  auto p = key_prefix(column);
  if (!p.empty())
    return p;

  if (ends_with(column, "id"))
    return column.substr(0, column.size() - 2);
  return {};
}

bool names_prefix(const std::string& table, const std::string& prefix) {
  if (prefix.empty())
    return false;
  if (table == prefix || table == prefix + "s" || table == prefix + "es")
    return true;
  return ends_with(prefix, "y") && table == prefix.substr(0, prefix.size() - 1) + "ies";
}

// "domain_author" -> "da", "author" -> "a".
std::string initials(const std::string& table) {
  std::string out;
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i] != '_' && (i == 0 || table[i - 1] == '_'))
      out += table[i];
  return out;
}

// The column's name says it is the table's own key (lowercase names). A
// natural key "<table>_name" (state.state_name) counts only when the data
// shows it unique: names are often copied into other tables.
bool own_name(const std::string& table, const std::string& column, bool unique_in_data = false) {
  if (column == "id")
    return true;
  auto stem = own_stem(column);
  if (stem.empty() && unique_in_data && ends_with(column, "_name"))
    stem = column.substr(0, column.size() - 5);
  return !stem.empty() && (names_prefix(table, stem) || stem == initials(table));
}

// Names too common to mean the same thing in two tables by themselves.
bool generic_name(const std::string& column) {
  static const std::unordered_set<std::string> names = {
    "id", "name", "title", "type", "kind", "year", "month", "day", "date", "time", "description", "text",
    "note", "notes", "comment", "comments", "code", "status", "category", "value", "amount", "count",
    "number", "rank", "score", "rating", "length", "size", "area", "population", "created_at", "updated_at",
    "created", "updated", "email", "phone", "address", "url", "homepage", "price", "quantity", "total",
    "label", "version", "position", "level", "priority", "weight", "height", "width", "age", "gender",
    "color", "source", "tag", "flag", "active", "city", "state", "country", "region", "zip", "latitude",
    "longitude", "first_name", "last_name", "firstname", "lastname", "username", "password", "start_time",
    "end_time", "start_date", "end_date", "duration", "capacity", "owner", "parent", "sequence", "key",
  };
  return names.count(column) > 0;
}

// The table names a key prefix can stand for, reversed: every p with
// names_prefix(table, p), i.e. the name itself and its singular forms.
std::vector<std::string> prefixes_naming(const std::string& table) {
  std::vector<std::string> out{table};
  if (ends_with(table, "s"))
    out.push_back(table.substr(0, table.size() - 1));
  if (ends_with(table, "es"))
    out.push_back(table.substr(0, table.size() - 2));
  if (ends_with(table, "ies"))
    out.push_back(table.substr(0, table.size() - 3) + "y");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove_if(out.begin(), out.end(), [&](auto& p) { return !names_prefix(table, p); }),
            out.end());
  return out;
}

// The columns' common prefix when they follow a table-prefix convention
// (sbTxId, sbTxCustId, ...): at least two columns, two characters, and every
// column longer than it; "" otherwise.
std::string column_prefix(const std::vector<std::string>& columns) {
  if (columns.size() < 2)
    return {};
  std::string p = columns[0];
  for (auto& c : columns) {
    size_t n = 0;
    while (n < p.size() && n < c.size() && p[n] == c[n])
      ++n;
    p.resize(n);
  }
  if (p.size() < 2 || p.back() == '_')
    return {};
  for (auto& c : columns)
    if (c.size() <= p.size())
      return {};
  return p;
}

struct key_ref {
  size_t table;
  size_t column;
  int strength;
};

struct candidate {
  size_t table;
  size_t column;
  int score;
  join_evidence evidence;
};

struct indexed {
  const std::vector<table_info>& tables;
  std::vector<std::vector<std::string>> names; // lowercase column names
  std::vector<std::string> table_names;        // lowercase
  std::vector<std::vector<int>> strength;      // key strength per column
  std::vector<long> single;                    // the table's one key column, or -1
  std::unordered_map<std::string, std::vector<key_ref>> keys_by_name;
  std::unordered_map<std::string, std::vector<size_t>> by_prefix;
  struct prefixed {
    size_t table;
    std::string prefix;
    size_t key;
  };
  std::vector<prefixed> prefixed_tables;
  std::vector<std::string> prefix_of; // column_prefix per table

  indexed(const std::vector<table_info>& t, const unique_columns& unique, const data_uniqueness& data)
      : tables(t) {
    const size_t n = tables.size();
    names.resize(n);
    table_names.resize(n);
    strength.resize(n);
    single.assign(n, -1);
    prefix_of.resize(n);
    for (size_t i = 0; i < n; ++i) {
      auto& table = tables[i];
      table_names[i] = lower(table.name);
      long declared_key = -1, id = -1, own = -1;
      int declared_keys = 0, owns = 0;
      for (size_t j = 0; j < table.columns.size(); ++j) {
        auto& c = table.columns[j];
        names[i].push_back(lower(c.name));
        const auto& name = names[i].back();
        const bool declared = unique.count({table.name, c.name}) > 0;
        auto d = data.find({table.name, c.name});
        const int in_data = d == data.end() ? -1 : d->second ? 1 : 0;
        int s = 0;
        const bool owned = in_data != 0 && own_name(table_names[i], name, in_data == 1);
        if (owned)
          s += 4;
        if (declared)
          s += 2;
        if (in_data == 1 && !generic_name(name))
          s += 1;
        strength[i].push_back(s);
        if (c.primary_key && declared) {
          ++declared_keys;
          declared_key = static_cast<long>(j);
        }
        if (owned) {
          ++owns;
          own = static_cast<long>(j);
          if (name == "id")
            id = static_cast<long>(j);
        }
        if (s > 0 && joinable(c.type) && name != "id")
          keys_by_name[name].push_back({i, j, s});
      }
      if (declared_keys == 1)
        single[i] = declared_key;
      else if (declared_keys == 0)
        single[i] = id >= 0 ? id : owns == 1 ? own : -1;
      for (auto& p : prefixes_naming(table_names[i]))
        by_prefix[p].push_back(i);
      auto cp = column_prefix(names[i]);
      prefix_of[i] = cp;
      if (!cp.empty())
        for (size_t j = 0; j < names[i].size(); ++j)
          if (names[i][j] == cp + "id" && strength[i][j] > 0)
            prefixed_tables.push_back({i, cp, j});
    }
  }

  bool compatible(size_t f, size_t fc, size_t t, size_t tc) const {
    return type_family(tables[f].columns[fc].type) == type_family(tables[t].columns[tc].type);
  }
};

// The candidates of column c of table f, best first not guaranteed.
void column_candidates(const indexed& ix, size_t f, size_t c, std::vector<candidate>& found) {
  static const std::vector<size_t> no_tables;
  static const std::vector<key_ref> no_keys;
  const std::string& name = ix.names[f][c];
  const int own = ix.strength[f][c];
  if (!joinable(ix.tables[f].columns[c].type))
    return;
  auto add = [&](size_t t, size_t tc, int score, join_evidence evidence) {
    if (t == f || !ix.compatible(f, c, t, tc))
      return;
    for (auto& x : found)
      if (x.table == t && x.column == tc) {
        if (score > x.score) {
          x.score = score;
          x.evidence = evidence;
        }
        return;
      }
    found.push_back({t, tc, score, evidence});
  };
  const std::string prefix = key_prefix(name);
  const std::vector<size_t>* named = &no_tables;
  if (!prefix.empty())
    if (auto it = ix.by_prefix.find(prefix); it != ix.by_prefix.end())
      named = &it->second;
  // Same name, a stronger key on the other side.
  if (name != "id")
    if (auto it = ix.keys_by_name.find(name); it != ix.keys_by_name.end())
      for (auto& k : it->second)
        if (k.strength > own) {
          bool prefixed = std::count(named->begin(), named->end(), k.table) > 0;
          add(k.table, k.column, k.strength + (prefixed ? 8 : 0),
              k.strength >= 2 ? join_evidence::names : join_evidence::data);
        }
  // Prefix names the table: its key, whatever it is called.
  for (auto t : *named)
    if (ix.single[t] >= 0 && std::none_of(found.begin(), found.end(), [&](auto& x) { return x.table == t; }))
      add(t, static_cast<size_t>(ix.single[t]), 10, join_evidence::names);
  if (own >= 2) // the column is its own table's key: it references nothing by role
    return;
  // Column-prefix convention: sbTxCustId -> sbCustomer.sbCustId.
  if (!ix.prefix_of[f].empty() && ends_with(name, "id") && name.size() > ix.prefix_of[f].size() + 2
      && name.compare(0, ix.prefix_of[f].size(), ix.prefix_of[f]) == 0) {
    const auto& mine = ix.prefix_of[f];
    std::string x = name.substr(mine.size(), name.size() - mine.size() - 2);
    if (x.size() >= 3)
      for (auto& p : ix.prefixed_tables)
        if (p.table != f && (p.prefix == x || ends_with(p.prefix, x)))
          add(p.table, p.key, 7, join_evidence::role_names);
  }
  // Role + another table's own key name: pre_course_id, citingpaperid.
  for (size_t k = 1; k + 4 <= name.size(); ++k) {
    auto it = ix.keys_by_name.find(name.substr(k));
    if (it == ix.keys_by_name.end())
      continue;
    bool any = false;
    for (auto& key : it->second)
      if (key.strength >= 4) {
        add(key.table, key.column, 6, join_evidence::role_names);
        any = true;
      }
    if (any)
      break; // the longest key name ending the column
  }
  // Role + table name: from_airport, leg_flight, semester.
  if (prefix.empty()) {
    // Singular words only: "plan_units" counts units, "from_airport" names one.
    auto by_name = [&](const std::string& word) {
      if (ends_with(word, "s") && !ends_with(word, "ss"))
        return;
      if (auto it = ix.by_prefix.find(word); it != ix.by_prefix.end())
        for (auto t : it->second)
          if (ix.single[t] >= 0 && ix.strength[t][static_cast<size_t>(ix.single[t])] >= 2)
            add(t, static_cast<size_t>(ix.single[t]), 5, join_evidence::role_names);
    };
    by_name(name);
    // "items_on_hold", "cost_per_visit": a table's name after "on", "per",
    // "in" ends a phrase about the rows, not a role of a key.
    auto phrase_before = [&](size_t k) {
      auto start = name.rfind('_', k - 1);
      auto word = name.substr(start == std::string::npos ? 0 : start + 1,
                              k - (start == std::string::npos ? 0 : start + 1));
      return word == "on" || word == "per" || word == "in" || word == "of" || word == "at"
             || word == "by";
    };
    for (size_t k = 0; k < name.size(); ++k)
      if (name[k] == '_' && k + 1 < name.size() && !(k > 0 && phrase_before(k)))
        by_name(name.substr(k + 1));
  }
}

} // namespace

std::vector<join_candidate> join_candidates(const std::vector<table_info>& tables,
                                            const std::vector<relationship>& declared,
                                            const unique_columns& unique, const data_uniqueness& data) {
  indexed ix(tables, unique, data);
  std::set<std::pair<std::string, std::string>> in_foreign_key;
  for (auto& r : declared)
    for (auto& c : r.from_columns)
      in_foreign_key.emplace(r.from_table, c);

  std::vector<join_candidate> out;
  std::vector<candidate> found;
  for (size_t f = 0; f < tables.size(); ++f) {
    const auto& from = tables[f];
    for (size_t c = 0; c < from.columns.size(); ++c) {
      if (in_foreign_key.count({from.name, from.columns[c].name}))
        continue;
      found.clear();
      column_candidates(ix, f, c, found);
      if (found.empty())
        continue;
      int best = 0;
      for (auto& x : found)
        best = std::max(best, x.score);
      const candidate* pick = nullptr;
      int ties = 0;
      for (auto& x : found)
        if (x.score == best) {
          pick = &x;
          ++ties;
        }
      if (ties != 1)
        continue;
      auto& to = tables[pick->table];
      out.push_back({{from.name, {from.columns[c].name}, to.name, {to.columns[pick->column].name}, true},
                     pick->evidence});
    }
  }
  return out;
}

std::vector<relationship> infer_relationships(const std::vector<table_info>& tables,
                                              const std::vector<relationship>& declared,
                                              const unique_columns& unique) {
  std::vector<relationship> out;
  for (auto& c : join_candidates(tables, declared, unique, {}))
    if (c.evidence != join_evidence::data)
      out.push_back(std::move(c.edge));
  return out;
}

std::vector<std::vector<size_t>> uniqueness_candidates(const std::vector<table_info>& tables) {
  std::unordered_map<std::string, int> tables_having;
  for (auto& t : tables) {
    std::unordered_set<std::string> seen;
    for (auto& c : t.columns)
      if (seen.insert(lower(c.name)).second)
        ++tables_having[lower(c.name)];
  }
  std::vector<std::vector<size_t>> out(tables.size());
  for (size_t i = 0; i < tables.size(); ++i) {
    const std::string table = lower(tables[i].name);
    for (size_t j = 0; j < tables[i].columns.size(); ++j) {
      auto& c = tables[i].columns[j];
      const std::string name = lower(c.name);
      if (!joinable(c.type))
        continue;
      if (own_name(table, name) || (!generic_name(name) && tables_having[name] > 1))
        out[i].push_back(j);
    }
  }
  return out;
}

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : text) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    else if (!w.empty())
      out.push_back(std::move(w)), w.clear();
  }
  if (!w.empty())
    out.push_back(std::move(w));
  return out;
}

} // namespace

size_t add_described_relationships(semantic_model& model) {
  auto& tables = model.tables;
  unique_columns unique;
  for (auto& t : tables)
    for (auto& c : t.columns)
      if (c.primary_key)
        unique.insert({t.name, c.name});
  // Primary keys over several columns are not single keys: keep those alone.
  for (auto& t : tables)
    if (std::count_if(t.columns.begin(), t.columns.end(), [](auto& c) { return c.primary_key; }) > 1)
      for (auto& c : t.columns)
        unique.erase({t.name, c.name});
  indexed ix(tables, unique, {});
  // Columns already joining, either side: a referenced column is a key.
  std::set<std::pair<std::string, std::string>> joined;
  for (auto& r : model.relationships) {
    for (auto& c : r.from_columns)
      joined.emplace(r.from_table, c);
    for (auto& c : r.to_columns)
      joined.emplace(r.to_table, c);
  }

  static const std::unordered_set<std::string> cues = {"id", "ids", "identifier", "key", "references",
                                                       "referencing", "refers", "reference"};
  size_t added = 0;
  for (size_t f = 0; f < tables.size(); ++f)
    for (size_t c = 0; c < tables[f].columns.size(); ++c) {
      auto& column = tables[f].columns[c];
      if (column.comment.empty() || joined.count({tables[f].name, column.name}) || ix.strength[f][c] >= 2
          || !joinable(column.type))
        continue;
      auto words = words_of(column.comment);
      // The cue starts the description's reference: "ID of the publication ...".
      size_t cue = words.size();
      for (size_t k = 0; k < words.size(); ++k)
        if (cues.count(words[k])) {
          cue = k;
          break;
        }
      // "Unique identifier for the course offering" describes a key, not a reference.
      if (cue == words.size() || std::count(words.begin(), words.end(), "unique")
          || std::count(words.begin(), words.end(), "primary"))
        continue;
      std::set<size_t> mentioned;
      for (size_t k = cue + 1; k < words.size(); ++k) {
        std::vector<std::string> forms{words[k]};
        if (k + 1 < words.size())
          forms.push_back(words[k] + "_" + words[k + 1]);
        for (auto& w : forms)
          if (auto it = ix.by_prefix.find(w); it != ix.by_prefix.end())
            for (auto t : it->second)
              if (t != f)
                mentioned.insert(t);
      }
      if (mentioned.size() != 1)
        continue;
      size_t t = *mentioned.begin();
      if (ix.single[t] < 0)
        continue;
      auto key = static_cast<size_t>(ix.single[t]);
      if (ix.strength[t][key] < 2 || !ix.compatible(f, c, t, key))
        continue;
      model.relationships.push_back({tables[f].name, {column.name}, tables[t].name, {tables[t].columns[key].name}, true});
      joined.emplace(tables[f].name, column.name);
      ++added;
    }
  return added;
}

} // namespace medha
