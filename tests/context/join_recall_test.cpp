// Join recall on the defog sql-eval suite (shared/eval/defog): loads every
// database into the test PostgreSQL, builds its model as the context actor
// does (introspect, then the defog model file), and checks which equality
// joins of the gold queries the model's relationships cover.
//
// A gold join is a pair of columns of two different tables compared with "="
// in a JOIN ... ON, a JOIN ... USING, a WHERE, or an "x IN (SELECT y ...)",
// aliases resolved, unqualified columns resolved against the tables in scope.
// The gold queries are parsed with libpg_query, loaded with dlopen (the
// context tests do not link it). Prints recall per database and every edge,
// marked with whether a gold query uses it, so precision can be judged by eye.
//
// Skips when the suite is absent: $MEDHA_SHARED_DIR/eval/defog, else
// <source dir>/../shared/eval/defog.

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <pg_query.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "actors/context/infer_relationships.hpp"
#include "actors/context/introspect.hpp"
#include "actors/context/model_file.hpp"
#include "tests/support/servers.hpp"

namespace medha {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using medha::testing::postgres_server;

// Measured with the rules of infer_relationships.hpp; a drop below this
// means a rule change lost joins a person would draw.
constexpr double min_recall = 0.80; // measured 54/64 = 0.84; the rest join through a shared key

std::string defog_dir() {
  std::vector<fs::path> tries;
  if (const char* shared = std::getenv("MEDHA_SHARED_DIR"))
    tries.push_back(fs::path(shared) / "eval" / "defog");
  tries.push_back(fs::path(medha::testing::source_dir()) / ".." / "shared" / "eval" / "defog");
  for (auto& p : tries)
    if (fs::exists(p / "questions_gen_postgres.csv") && fs::is_directory(p / "databases"))
      return p.string();
  return {};
}

// --- libpg_query, loaded at run time --------------------------------------------

struct pg_query_api {
  PgQueryParseResult (*parse)(const char*) = nullptr;
  void (*free_result)(PgQueryParseResult) = nullptr;
  bool ok() const { return parse && free_result; }
};

const pg_query_api& pg_query() {
  static pg_query_api api = [] {
    pg_query_api a;
    for (const char* name : {"libpg_query.so", "libpg_query.so.1504", "libpg_query.so.1504.0.0"}) {
      void* lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (!lib)
        continue;
      a.parse = reinterpret_cast<decltype(a.parse)>(dlsym(lib, "pg_query_parse"));
      a.free_result = reinterpret_cast<decltype(a.free_result)>(dlsym(lib, "pg_query_free_parse_result"));
      if (a.ok())
        break;
    }
    return a;
  }();
  return api;
}

// --- the question file ------------------------------------------------------------

// RFC 4180: quoted fields may hold commas, newlines and doubled quotes.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
        ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty())
    rows.back().push_back(std::move(field));
  while (!rows.empty() && (rows.back().empty() || (rows.back().size() == 1 && rows.back()[0].empty())))
    rows.pop_back();
  return rows;
}

// The alternatives of one gold field: split on ';' outside quotes, "{a, b}"
// becomes "a, b" and "{}" repeats the last braces' content.
std::vector<std::string> gold_alternatives(const std::string& field) {
  std::vector<std::string> out;
  std::string current, last_braces;
  char quote = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (quote) {
      current += c;
      if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
      current += c;
    } else if (c == ';') {
      out.push_back(current);
      current.clear();
    } else if (c == '{') {
      size_t end = field.find('}', i);
      if (end == std::string::npos) {
        current += c;
        continue;
      }
      std::string inside = field.substr(i + 1, end - i - 1);
      if (inside.find_first_not_of(" \t") == std::string::npos)
        inside = last_braces;
      else
        last_braces = inside;
      current += inside;
      i = end;
    } else {
      current += c;
    }
  }
  out.push_back(current);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](auto& q) { return q.find_first_not_of(" \t\r\n") == std::string::npos; }),
            out.end());
  return out;
}

// --- join pairs out of a parse tree ------------------------------------------------

using column_ref = std::pair<std::string, std::string>; // table, column
using join_pair = std::pair<column_ref, column_ref>;    // ordered: first < second

join_pair make_pair_sorted(column_ref a, column_ref b) {
  if (b < a)
    std::swap(a, b);
  return {a, b};
}

struct scope {
  const scope* parent = nullptr;
  std::map<std::string, std::string> aliases; // alias -> table ("" for subqueries and CTEs)
};

class join_collector {
public:
  join_collector(const semantic_model& model) : model_(model) {}

  std::set<join_pair> pairs;

  void walk(const json::value& v, const scope* sc) {
    if (v.is_array()) {
      for (auto& x : v.as_array())
        walk(x, sc);
      return;
    }
    if (!v.is_object())
      return;
    auto& o = v.as_object();
    for (auto& [key, value] : o) {
      if (key == "SelectStmt") {
        select(value.as_object(), sc);
      } else if (key == "A_Expr") {
        comparison(value.as_object(), sc);
        walk(value, sc);
      } else if (key == "SubLink") {
        sublink(value.as_object(), sc);
      } else {
        walk(value, sc);
      }
    }
  }

private:
  const semantic_model& model_;
  std::deque<scope> scopes_;
  std::set<std::string> ctes_;

  static std::string sval(const json::value& v) {
    if (auto* o = v.if_object())
      if (auto* s = o->if_contains("String"))
        if (auto* so = s->if_object())
          if (auto* x = so->if_contains("sval"))
            return std::string(x->as_string());
    return {};
  }

  // Registers the relations of a FROM item; returns the aliases it added.
  void from_item(const json::value& v, scope& sc, const scope* outer, std::vector<std::string>& added) {
    auto* o = v.if_object();
    if (!o)
      return;
    if (auto* rv = o->if_contains("RangeVar")) {
      auto& r = rv->as_object();
      std::string rel(r.at("relname").as_string());
      std::string alias = rel;
      if (auto* a = r.if_contains("alias"))
        alias = std::string(a->as_object().at("aliasname").as_string());
      bool table = !ctes_.count(rel) && model_.find_table(rel);
      sc.aliases[alias] = table ? rel : "";
      added.push_back(alias);
    } else if (auto* je = o->if_contains("JoinExpr")) {
      auto& j = je->as_object();
      std::vector<std::string> left, right;
      if (auto* l = j.if_contains("larg"))
        from_item(*l, sc, outer, left);
      if (auto* r = j.if_contains("rarg"))
        from_item(*r, sc, outer, right);
      if (auto* u = j.if_contains("usingClause"))
        for (auto& name : u->as_array()) {
          auto a = resolve_among(sc, left, sval(name));
          auto b = resolve_among(sc, right, sval(name));
          if (!a.first.empty() && !b.first.empty() && a.first != b.first)
            pairs.insert(make_pair_sorted(a, b));
        }
      added.insert(added.end(), left.begin(), left.end());
      added.insert(added.end(), right.begin(), right.end());
    } else if (auto* rs = o->if_contains("RangeSubselect")) {
      auto& r = rs->as_object();
      if (auto* q = r.if_contains("subquery"))
        walk(*q, outer);
      if (auto* a = r.if_contains("alias")) {
        std::string alias(a->as_object().at("aliasname").as_string());
        sc.aliases[alias] = "";
        added.push_back(alias);
      }
    } else if (auto* rf = o->if_contains("RangeFunction")) {
      walk(*rf, outer);
    }
  }

  // A column among some aliases of one scope, when exactly one table has it.
  column_ref resolve_among(const scope& sc, const std::vector<std::string>& aliases, const std::string& column) {
    column_ref found;
    int n = 0;
    for (auto& a : aliases) {
      auto it = sc.aliases.find(a);
      if (it == sc.aliases.end() || it->second.empty())
        continue;
      auto* t = model_.find_table(it->second);
      if (t && t->find_column(column)) {
        found = {it->second, column};
        ++n;
      }
    }
    return n == 1 ? found : column_ref{};
  }

  const scope* select(const json::object& s, const scope* outer) {
    if (auto* w = s.if_contains("withClause"))
      if (auto* ctes = w->as_object().if_contains("ctes"))
        for (auto& c : ctes->as_array()) {
          auto& cte = c.as_object().at("CommonTableExpr").as_object();
          ctes_.insert(std::string(cte.at("ctename").as_string()));
          if (auto* q = cte.if_contains("ctequery"))
            walk(*q, outer);
        }
    if (auto* op = s.if_contains("op"); op && op->as_string() != "SETOP_NONE") {
      if (auto* l = s.if_contains("larg"))
        select(l->as_object(), outer);
      if (auto* r = s.if_contains("rarg"))
        select(r->as_object(), outer);
      return nullptr;
    }
    scopes_.push_back(scope{outer, {}});
    scope& sc = scopes_.back();
    if (auto* from = s.if_contains("fromClause"))
      for (auto& item : from->as_array()) {
        std::vector<std::string> added;
        from_item(item, sc, outer, added);
      }
    // JOIN ... ON conditions, now that every alias of this level is known.
    if (auto* from = s.if_contains("fromClause"))
      walk_join_quals(*from, &sc);
    for (auto& [key, value] : s)
      if (key != "fromClause" && key != "withClause")
        walk(value, &sc);
    return &sc;
  }

  void walk_join_quals(const json::value& v, const scope* sc) {
    if (v.is_array()) {
      for (auto& x : v.as_array())
        walk_join_quals(x, sc);
      return;
    }
    auto* o = v.if_object();
    if (!o)
      return;
    if (auto* je = o->if_contains("JoinExpr")) {
      auto& j = je->as_object();
      if (auto* l = j.if_contains("larg"))
        walk_join_quals(*l, sc);
      if (auto* r = j.if_contains("rarg"))
        walk_join_quals(*r, sc);
      if (auto* q = j.if_contains("quals"))
        walk(*q, sc);
    }
  }

  column_ref resolve(const json::value& v, const scope* sc) {
    auto* o = v.if_object();
    if (!o)
      return {};
    auto* cr = o->if_contains("ColumnRef");
    if (!cr)
      return {};
    std::vector<std::string> fields;
    for (auto& f : cr->as_object().at("fields").as_array())
      fields.push_back(sval(f));
    if (fields.empty() || fields.back().empty())
      return {};
    const std::string column = fields.back();
    if (fields.size() >= 2) {
      const std::string& alias = fields[fields.size() - 2];
      for (auto* s = sc; s; s = s->parent)
        if (auto it = s->aliases.find(alias); it != s->aliases.end()) {
          if (it->second.empty())
            return {};
          auto* t = model_.find_table(it->second);
          return t && t->find_column(column) ? column_ref{it->second, column} : column_ref{};
        }
      return {};
    }
    for (auto* s = sc; s; s = s->parent) {
      std::vector<std::string> all;
      for (auto& [alias, table] : s->aliases)
        all.push_back(alias);
      int having = 0;
      for (auto& [alias, table] : s->aliases) {
        auto* t = table.empty() ? nullptr : model_.find_table(table);
        having += t && t->find_column(column);
      }
      if (having)
        return resolve_among(*s, all, column);
    }
    return {};
  }

  void comparison(const json::object& e, const scope* sc) {
    if (e.at("kind").as_string() != "AEXPR_OP")
      return;
    auto& name = e.at("name").as_array();
    if (name.size() != 1 || sval(name[0]) != "=")
      return;
    auto* l = e.if_contains("lexpr");
    auto* r = e.if_contains("rexpr");
    if (!l || !r)
      return;
    auto a = resolve(*l, sc);
    auto b = resolve(*r, sc);
    if (!a.first.empty() && !b.first.empty() && a.first != b.first)
      pairs.insert(make_pair_sorted(a, b));
  }

  // x IN (SELECT y FROM ...) joins x's table to y's.
  void sublink(const json::object& s, const scope* sc) {
    const scope* inner = nullptr;
    const json::object* sub = nullptr;
    if (auto* q = s.if_contains("subselect"))
      if (auto* so = q->as_object().if_contains("SelectStmt")) {
        sub = &so->as_object();
        inner = select(*sub, sc);
      }
    if (auto* t = s.if_contains("testexpr")) {
      walk(*t, sc);
      if (s.at("subLinkType").as_string() == "ANY_SUBLINK" && sub && inner) {
        auto* targets = sub->if_contains("targetList");
        if (targets && targets->as_array().size() == 1) {
          auto& rt = targets->as_array()[0].as_object().at("ResTarget").as_object();
          if (auto* val = rt.if_contains("val")) {
            auto a = resolve(*t, sc);
            auto b = resolve(*val, inner);
            if (!a.first.empty() && !b.first.empty() && a.first != b.first)
              pairs.insert(make_pair_sorted(a, b));
          }
        }
      }
    }
  }
};

// The join pairs of one gold query, or nullopt when it does not parse.
std::optional<std::set<join_pair>> gold_joins(const std::string& sql, const semantic_model& model) {
  auto result = pg_query().parse(sql.c_str());
  std::optional<std::set<join_pair>> out;
  if (!result.error) {
    join_collector collector(model);
    collector.walk(json::parse(result.parse_tree), nullptr);
    out = std::move(collector.pairs);
  }
  pg_query().free_result(result);
  return out;
}

bool covers(const semantic_model& model, const join_pair& p) {
  for (auto& r : model.relationships)
    for (size_t i = 0; i < r.from_columns.size() && i < r.to_columns.size(); ++i) {
      column_ref a{r.from_table, r.from_columns[i]}, b{r.to_table, r.to_columns[i]};
      if (make_pair_sorted(a, b) == p)
        return true;
    }
  return false;
}

// Both columns reference one same column: the engine joins them through it.
bool covers_via_hub(const semantic_model& model, const join_pair& p) {
  std::set<column_ref> a, b;
  for (auto& r : model.relationships)
    for (size_t i = 0; i < r.from_columns.size() && i < r.to_columns.size(); ++i) {
      column_ref from{r.from_table, r.from_columns[i]}, to{r.to_table, r.to_columns[i]};
      if (from == p.first)
        a.insert(to);
      if (from == p.second)
        b.insert(to);
    }
  for (auto& x : a)
    if (b.count(x))
      return true;
  return false;
}

std::string show(const join_pair& p) {
  return p.first.first + "." + p.first.second + " = " + p.second.first + "." + p.second.second;
}

TEST(join_recall, defog_gold_joins_are_relationships) {
  const std::string dir = defog_dir();
  if (dir.empty())
    GTEST_SKIP() << "defog eval suite not found (set MEDHA_SHARED_DIR, or put shared/ beside the source tree)";
  if (!pg_query().ok()) {
    GTEST_SKIP() << "libpg_query.so could not be loaded";
  }

  auto rows = read_csv(dir + "/questions_gen_postgres.csv");
  ASSERT_GT(rows.size(), 1u);
  auto& header = rows[0];
  auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t query_col = column("query"), db_col = column("db_name");
  ASSERT_LT(query_col, header.size());
  ASSERT_LT(db_col, header.size());
  std::map<std::string, std::vector<std::string>> queries; // db -> gold fields
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].size() > std::max(query_col, db_col))
      queries[rows[i][db_col]].push_back(rows[i][query_col]);

  auto& pg = postgres_server::shared();
  size_t total_pairs = 0, total_found = 0, total_hub = 0, total_edges = 0, total_unused = 0;
  size_t questions_joined = 0, questions_covered = 0;
  std::ostringstream report;
  std::chrono::duration<double> introspect_time{0};
  for (auto& [db, fields] : queries) {
    const std::string sql_file = dir + "/databases/" + db + ".sql";
    if (!fs::exists(sql_file))
      continue;
    const std::string name = "defog_" + db;
    pg.create_database(name);
    pg.load_sql_file(name, sql_file);
    data_source src;
    src.name = db;
    src.conninfo = pg.conninfo(name);
    auto t0 = std::chrono::steady_clock::now();
    auto result = introspect(src);
    introspect_time += std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(std::holds_alternative<semantic_model>(result)) << std::get<medha_error>(result).message;
    auto& model = std::get<semantic_model>(result);
    const std::string model_file = dir + "/databases/" + db + ".json";
    if (fs::exists(model_file)) {
      EXPECT_FALSE(apply_model_file(model, model_file).has_value()) << model_file;
      add_described_relationships(model); // as the context actor does after the model file
    }

    std::set<join_pair> needed;
    for (auto& field : fields) {
      bool any_join = false, any_covered = false;
      for (auto& alt : gold_alternatives(field)) {
        auto joins = gold_joins(alt, model);
        if (!joins)
          continue;
        bool all = true;
        for (auto& p : *joins) {
          needed.insert(p);
          all = all && covers(model, p);
        }
        any_join = any_join || !joins->empty();
        any_covered = any_covered || (!joins->empty() && all);
      }
      questions_joined += any_join;
      questions_covered += any_covered;
    }
    size_t found = 0, hub = 0;
    std::ostringstream missing;
    for (auto& p : needed) {
      if (covers(model, p)) {
        ++found;
      } else if (covers_via_hub(model, p)) {
        ++hub;
        missing << "    via hub  " << show(p) << "\n";
      } else {
        missing << "    missing  " << show(p) << "\n";
      }
    }
    size_t unused = 0;
    std::ostringstream edges;
    for (auto& r : model.relationships) {
      bool used = false;
      for (size_t i = 0; i < r.from_columns.size(); ++i)
        used = used || needed.count(make_pair_sorted({r.from_table, r.from_columns[i]}, {r.to_table, r.to_columns[i]}));
      unused += !used;
      edges << "    " << (used ? "gold     " : "unused   ") << r.from_table << "(";
      for (size_t i = 0; i < r.from_columns.size(); ++i)
        edges << (i ? ", " : "") << r.from_columns[i];
      edges << ") -> " << r.to_table << "(";
      for (size_t i = 0; i < r.to_columns.size(); ++i)
        edges << (i ? ", " : "") << r.to_columns[i];
      edges << ")" << (r.inferred ? " inferred" : "") << "\n";
    }
    report << db << ": gold joins " << found << "/" << needed.size() << " (+" << hub << " via a shared key), edges "
           << model.relationships.size() << " (" << unused << " unused by gold)\n"
           << missing.str() << edges.str();
    total_pairs += needed.size();
    total_found += found;
    total_hub += hub;
    total_edges += model.relationships.size();
    total_unused += unused;
  }
  ASSERT_GT(total_pairs, 0u);
  const double recall = static_cast<double>(total_found) / static_cast<double>(total_pairs);
  std::cout << report.str() << "TOTAL: gold joins " << total_found << "/" << total_pairs << " (recall "
            << recall << "; +" << total_hub << " through a shared key), edges " << total_edges << " (" << total_unused << " unused by gold), questions "
            << "with joins fully covered " << questions_covered << "/" << questions_joined
            << ", introspection " << introspect_time.count() << " s\n";
  EXPECT_GE(recall, min_recall);
}

} // namespace
} // namespace medha
