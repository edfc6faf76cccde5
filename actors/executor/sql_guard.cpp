#include "actors/executor/sql_guard.hpp"

#include "actors/executor/guard_memo.hpp"

#include <pg_query.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "actors/executor/function_denylist.hpp"
#include "actors/executor/function_families.hpp"
#include "actors/executor/literal_bounds.hpp"

namespace medha {

namespace {

namespace json = boost::json;

// generate_series with literal bounds above this is refused: no honest
// question needs a million generated rows, and the cost is plain from the text.
constexpr double max_series_rows = 1e6;
// repeat / lpad / rpad with a literal length above this (characters).
constexpr double max_literal_length = 1e6;
// JSON nesting the walker follows; libpg_query refuses far deeper SQL anyway.
constexpr int max_depth = 4000;

// Frees libpg_query's result on every path out of inspect_sql.
struct parse_result_owner {
  PgQueryParseResult result;
  ~parse_result_owner() { pg_query_free_parse_result(result); }
};

guard_refusal refuse(std::string rule, std::string message) {
  return {error_code::unsafe_sql, std::move(rule), std::move(message)};
}

// "AlterTableStmt" -> "ALTER TABLE", with overrides where the node name is not
// what a person would write.
std::string statement_words(const std::string& node) {
  static const std::pair<const char*, const char*> overrides[] = {
    {"VariableSetStmt", "SET"},        {"VariableShowStmt", "SHOW"},
    {"CreateStmt", "CREATE TABLE"},    {"IndexStmt", "CREATE INDEX"},
    {"ViewStmt", "CREATE VIEW"},       {"TransactionStmt", "transaction control (BEGIN/COMMIT/...)"},
    {"CreateTableAsStmt", "CREATE TABLE AS"}, {"DeclareCursorStmt", "DECLARE CURSOR"},
    {"CreateFunctionStmt", "CREATE FUNCTION"}, {"RefreshMatViewStmt", "REFRESH MATERIALIZED VIEW"},
    {"CheckPointStmt", "CHECKPOINT"},  {"GrantRoleStmt", "GRANT"},
  };
  for (auto& [name, words] : overrides)
    if (node == name)
      return words;
  std::string base = node.size() > 4 ? node.substr(0, node.size() - 4) : node; // drop "Stmt"
  std::string out;
  for (size_t i = 0; i < base.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(base[i]);
    if (i > 0 && std::isupper(c))
      out += ' ';
    out += static_cast<char>(std::toupper(c));
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Node type names are CamelCase ("SelectStmt", "A_Const"); field names are
// camelCase ("targetList").
bool is_node_key(std::string_view key) {
  return !key.empty() && std::isupper(static_cast<unsigned char>(key[0]));
}

// The parse nodes a plain read-only query is made of. Anything else (XMLTABLE,
// TABLESAMPLE, XML expressions, ...) is refused rather than reasoned about.
bool is_allowed_node(std::string_view node) {
  static const std::string_view nodes[] = {
    "SelectStmt", "ResTarget", "ColumnRef", "A_Const", "A_Star", "A_Indirection", "A_Indices",
    "A_ArrayExpr", "FuncCall", "TypeCast", "TypeName", "A_Expr", "BoolExpr", "NullTest",
    "BooleanTest", "CaseExpr", "CaseWhen", "CoalesceExpr", "MinMaxExpr", "SubLink", "RangeVar",
    "RangeSubselect", "RangeFunction", "JoinExpr", "Alias", "SortBy", "WindowDef", "WithClause",
    "CommonTableExpr", "CTESearchClause", "CTECycleClause", "RowExpr", "SQLValueFunction",
    "String", "Integer", "Float", "Boolean", "BitString", "List", "GroupingSet", "GroupingFunc",
    "CollateClause", "ColumnDef", "ParamRef",
  };
  return std::find(std::begin(nodes), std::end(nodes), node) != std::end(nodes);
}

// SQL-standard value functions that are only about time; CURRENT_USER,
// SESSION_USER, CURRENT_SCHEMA, CURRENT_CATALOG reveal the server.
bool is_time_value_function(std::string_view op) {
  static const std::string_view ops[] = {
    "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N",
    "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIME",
    "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
  };
  return std::find(std::begin(ops), std::end(ops), op) != std::end(ops);
}

// Schemas that hold PostgreSQL's own catalogs and statistics.
bool is_system_schema(std::string_view schema) {
  return schema == "information_schema" || schema.rfind("pg_", 0) == 0;
}

std::string_view string_field(const json::object& obj, std::string_view key) {
  auto* v = obj.if_contains(key);
  return v && v->is_string() ? std::string_view(v->as_string()) : std::string_view();
}

// The names of a list of String nodes (funcname, typeName.names, A_Expr.name).
std::vector<std::string> names_of(const json::value* list) {
  std::vector<std::string> out;
  if (!list || !list->is_array())
    return out;
  for (auto& item : list->as_array()) {
    auto* obj = item.if_object();
    auto* str = obj ? obj->if_contains("String") : nullptr;
    auto* sval = str && str->is_object() ? str->as_object().if_contains("sval") : nullptr;
    out.push_back(sval && sval->is_string() ? std::string(sval->as_string()) : std::string());
  }
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (auto& n : names)
    out += (out.empty() ? "" : ".") + n;
  return out;
}

// The unqualified name when `names` is `name` or `pg_catalog.name`; empty for
// any other schema, which the allowlist never trusts.
std::string unqualified(const std::vector<std::string>& names) {
  if (names.size() == 1)
    return names[0];
  if (names.size() == 2 && names[0] == "pg_catalog")
    return names[1];
  return {};
}

const json::object* node_of(const json::value& v, std::string_view type) {
  auto* obj = v.if_object();
  auto* inner = obj ? obj->if_contains(type) : nullptr;
  return inner ? inner->if_object() : nullptr;
}

// Visits every node of one SELECT, refusing at the first node outside the
// allowlist. Recursive so that CTE names can be scoped to their statement.
class guard_walker {
public:
  guard_walker(std::string_view sql, const relation_set* relations)
      : sql_(sql), relations_(relations) {}

  std::optional<guard_refusal> refusal;

  bool visit(const json::value& v) {
    if (++depth_ > max_depth)
      return fail(refuse("too_deep", "The query nests deeper than the guard follows."));
    bool ok = true;
    if (auto* arr = v.if_array()) {
      for (auto& item : *arr)
        if (!(ok = visit(item)))
          break;
    } else if (auto* obj = v.if_object()) {
      for (auto& kv : *obj) {
        std::string_view key(kv.key().data(), kv.key().size());
        ok = is_node_key(key) && kv.value().is_object() ? visit_node(key, kv.value().as_object())
                                                        : visit_field(key, kv.value());
        if (!ok)
          break;
      }
    }
    --depth_;
    return ok;
  }

private:
  std::string_view sql_;
  const relation_set* relations_;
  std::vector<std::string> ctes_; // CTE names in scope, innermost last
  int depth_ = 0;

  bool fail(guard_refusal r) {
    refusal = std::move(r);
    return false;
  }

  // libpg_query writes fields of a fixed node type without the type's name:
  // a set operation's arms (SelectStmt), TypeCast.typeName (TypeName), and
  // the INTO and locking clauses. Those are recognised by their field name.
  bool visit_field(std::string_view key, const json::value& value) {
    if (key == "intoClause")
      return fail(refuse("select_into", "SELECT INTO creates a table and is not allowed: use a plain SELECT."));
    if (key == "lockingClause" && !(value.is_array() && value.as_array().empty()))
      return fail(refuse("locking_clause",
                         "Locking clauses (FOR UPDATE / FOR SHARE ...) are not allowed in queries."));
    if (key == "typeName" && value.is_object() && !check_type(value.as_object()))
      return false;
    if ((key == "larg" || key == "rarg") && is_bare_select(value))
      return visit_select(value.as_object());
    return visit(value);
  }

  // A SelectStmt written without its node name (UNION / INTERSECT / EXCEPT arms).
  static bool is_bare_select(const json::value& value) {
    auto* obj = value.if_object();
    return obj && obj->if_contains("op") && obj->if_contains("limitOption");
  }

  bool visit_fields(const json::object& obj, std::string_view skip = {}) {
    for (auto& kv : obj) {
      std::string_view key(kv.key().data(), kv.key().size());
      if (key == skip)
        continue;
      bool ok = is_node_key(key) && kv.value().is_object() ? visit_node(key, kv.value().as_object())
                                                           : visit_field(key, kv.value());
      if (!ok)
        return false;
    }
    return true;
  }

  bool visit_node(std::string_view type, const json::object& obj) {
    if (ends_with(type, "Stmt") && type != "SelectStmt")
      return fail(refuse("data_modifying_cte",
                         "A data-modifying or utility statement (" + statement_words(std::string(type))
                           + ") inside the query is not allowed: only read-only SELECT may run."));
    if (!is_allowed_node(type))
      return fail(refuse("syntax_not_allowed:" + std::string(type),
                         "The query uses a construct (" + std::string(type)
                           + ") that read-only analytics queries do not need."));
    if (type == "SelectStmt")
      return visit_select(obj);
    if (type == "FuncCall" && !check_function(obj))
      return false;
    if (type == "RangeFunction" && !check_from_functions(obj))
      return false;
    if (type == "RangeVar")
      return check_relation(obj);
    if (type == "TypeName" && !check_type(obj))
      return false;
    if (type == "A_Expr" && !check_operator(obj))
      return false;
    if (type == "SQLValueFunction") {
      auto op = string_field(obj, "op");
      if (!is_time_value_function(op)) {
        std::string name(op.size() > 6 ? op.substr(6) : op); // drop "SVFOP_"
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return fail(refuse("function_not_allowed:" + name,
                           name + " reveals the server's session and is not allowed in queries."));
      }
    }
    return visit_fields(obj);
  }

  bool visit_select(const json::object& obj) {
    if (obj.if_contains("intoClause"))
      return fail(refuse("select_into", "SELECT INTO creates a table and is not allowed: use a plain SELECT."));
    if (auto* locks = obj.if_contains("lockingClause"); locks && !(locks->is_array() && locks->as_array().empty()))
      return fail(refuse("locking_clause",
                         "Locking clauses (FOR UPDATE / FOR SHARE ...) are not allowed in queries."));
    auto* with = obj.if_contains("withClause");
    if (!with)
      return visit_fields(obj);
    // A WITH clause's names are relations only inside this SELECT; without
    // RECURSIVE, each CTE sees only the ones before it.
    size_t scope = ctes_.size();
    auto* with_obj = with->if_object();
    const json::value* list = with_obj ? with_obj->if_contains("ctes") : nullptr;
    bool recursive = with_obj && with_obj->if_contains("recursive")
                     && with_obj->at("recursive").is_bool() && with_obj->at("recursive").as_bool();
    std::vector<std::string> names;
    if (list && list->is_array())
      for (auto& cte : list->as_array())
        if (auto* c = node_of(cte, "CommonTableExpr"))
          names.push_back(std::string(string_field(*c, "ctename")));
    if (recursive)
      ctes_.insert(ctes_.end(), names.begin(), names.end());
    bool ok = true;
    if (list && list->is_array()) {
      size_t i = 0;
      for (auto& cte : list->as_array()) {
        if (!(ok = visit(cte)))
          break;
        if (!recursive && i < names.size())
          ctes_.push_back(names[i]);
        ++i;
      }
    }
    ok = ok && visit_fields(obj, "withClause");
    ctes_.resize(scope);
    return ok;
  }

  bool check_function(const json::object& call) {
    auto names = names_of(call.if_contains("funcname"));
    std::string name = unqualified(names);
    if (name.empty() || !family_of(name) || is_denied_function(name))
      return fail(refuse("function_not_allowed:" + joined(names),
                         "The function " + joined(names)
                           + "() is not in the allowed families (arithmetic, comparison, string, "
                             "date/time, aggregate, window, cast, conditional, json, array)."));
    auto* args = call.if_contains("args");
    if (!args || !args->is_array())
      return true;
    auto& list = args->as_array();
    if (name == "generate_series") {
      auto rows = literal_series_rows(list, sql_);
      if (rows && *rows > max_series_rows)
        return fail(refuse("set_returning_bound",
                           "generate_series would produce about " + std::to_string(static_cast<long long>(*rows))
                             + " rows; at most 1000000 are allowed."));
    }
    if ((name == "repeat" || name == "lpad" || name == "rpad") && list.size() >= 2) {
      auto length = literal_number(list[1], sql_);
      if (length && *length > max_literal_length)
        return fail(refuse("value_size_bound:" + name,
                           name + "() would build a value of " + std::to_string(static_cast<long long>(*length))
                             + " characters; at most 1000000 are allowed."));
    }
    return true;
  }

  // FROM may call only set-returning functions of the allowlist.
  bool check_from_functions(const json::object& range) {
    auto* functions = range.if_contains("functions");
    if (!functions || !functions->is_array())
      return true;
    for (auto& item : functions->as_array()) {
      auto* list = node_of(item, "List");
      auto* items = list ? list->if_contains("items") : nullptr;
      if (!items || !items->is_array() || items->as_array().empty())
        continue;
      auto* call = node_of(items->as_array()[0], "FuncCall");
      if (!call)
        continue;
      auto names = names_of(call->if_contains("funcname"));
      if (!is_allowed_from_function(unqualified(names)))
        return fail(refuse("function_not_allowed:" + joined(names),
                           "The function " + joined(names)
                             + "() may not be used in FROM: only generate_series, unnest and the "
                               "json/regexp row functions may."));
    }
    return true;
  }

  bool check_type(const json::object& type) {
    auto names = names_of(type.if_contains("names"));
    if (names.empty())
      return true;
    std::string name = unqualified(names);
    if (name.empty() || !is_allowed_cast_type(name))
      return fail(refuse("cast_not_allowed:" + joined(names),
                         "Casting to " + joined(names)
                           + " is not allowed: cast to numbers, text, booleans, dates, times, json or uuid."));
    return true;
  }

  bool check_operator(const json::object& expr) {
    auto kind = string_field(expr, "kind");
    if (kind.find("BETWEEN") != std::string_view::npos)
      return true; // its "name" is the keyword, not an operator
    auto names = names_of(expr.if_contains("name"));
    std::string op = unqualified(names);
    if (op.empty() || !is_allowed_operator(op))
      return fail(refuse("operator_not_allowed:" + joined(names),
                         "The operator " + joined(names) + " is not allowed in queries."));
    return true;
  }

  bool check_relation(const json::object& range) {
    std::string catalog(string_field(range, "catalogname"));
    std::string schema(string_field(range, "schemaname"));
    std::string name(string_field(range, "relname"));
    std::string full = (catalog.empty() ? "" : catalog + ".") + (schema.empty() ? "" : schema + ".") + name;
    auto refused = [&] {
      return fail(refuse("relation_not_allowed:" + full,
                         "The relation " + full
                           + " is not one of this data source's tables; catalog and statistics views "
                             "are never readable from queries."));
    };
    if (!catalog.empty())
      return refused();
    if (schema.empty()) {
      if (std::find(ctes_.begin(), ctes_.end(), name) != ctes_.end())
        return visit_fields(range);
      // pg_catalog is searched first, whatever the search path says.
      if (name.rfind("pg_", 0) == 0)
        return refused();
      if (relations_) {
        bool known = std::any_of(relations_->begin(), relations_->end(), [&](const std::string& r) {
          auto dot = r.find('.');
          return dot != std::string::npos && r.compare(dot + 1, std::string::npos, name) == 0;
        });
        if (!known)
          return refused();
      }
      return visit_fields(range);
    }
    if (is_system_schema(schema) || (relations_ && !relations_->count(schema + "." + name)))
      return refused();
    return visit_fields(range);
  }
};

} // namespace

std::optional<guard_refusal> inspect_sql(std::string_view sql, const relation_set* relations) {
  // libpg_query reads a C string: an embedded NUL would hide the rest of the text.
  if (sql.find('\0') != std::string_view::npos)
    return refuse("nul_character", "The SQL contains a NUL character.");
  std::string text(sql);
  parse_result_owner parsed{pg_query_parse(text.c_str())};
  if (parsed.result.error) {
    auto* err = parsed.result.error;
    std::string message = err->message ? err->message : "syntax error";
    if (err->cursorpos > 0)
      message += " (at character " + std::to_string(err->cursorpos) + ")";
    return guard_refusal{error_code::query_failed, "syntax_error", message};
  }
  json::parse_options options;
  options.max_depth = 1u << 20; // parse trees nest far deeper than the default 32
  std::error_code ec;
  json::value tree = json::parse(parsed.result.parse_tree, ec, {}, options);
  if (ec)
    return guard_refusal{error_code::internal, "internal", "cannot read the SQL parse tree: " + ec.message()};
  auto* stmts = tree.is_object() ? tree.as_object().if_contains("stmts") : nullptr;
  if (!stmts || !stmts->is_array() || stmts->as_array().empty())
    return refuse("empty", "The SQL is empty: send one SELECT statement.");
  auto& list = stmts->as_array();
  if (list.size() > 1)
    return refuse("multiple_statements", "Only one statement may run, but the SQL has "
                                           + std::to_string(list.size()) + " statements.");
  auto* raw = list[0].if_object();
  auto* stmt = raw ? raw->if_contains("stmt") : nullptr;
  if (!stmt || !stmt->is_object() || stmt->as_object().empty())
    return refuse("empty", "The SQL is empty: send one SELECT statement.");
  auto& node = *stmt->as_object().begin();
  std::string type(node.key());
  if (type != "SelectStmt")
    return refuse("not_select", "Only SELECT queries may run, not " + statement_words(type) + ".");
  guard_walker walker(text, relations);
  if (!walker.visit(*stmt))
    return walker.refusal;
  return std::nullopt;
}

std::optional<medha_error> check_sql(std::string_view sql, const relation_set* relations) {
  if (guard_passed_before(sql, relations))
    return std::nullopt;
  auto refusal = inspect_sql(sql, relations);
  if (!refusal) {
    remember_guard_pass(sql, relations);
    return std::nullopt;
  }
  return medha_error{refusal->code, refusal->message + " (rule: " + refusal->rule + ")"};
}

} // namespace medha
