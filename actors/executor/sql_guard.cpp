#include "actors/executor/sql_guard.hpp"

#include <pg_query.h>

#include <boost/json.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "actors/executor/function_denylist.hpp"

namespace medha {

namespace {

namespace json = boost::json;

// Frees libpg_query's result on every path out of check_sql.
struct parse_result_owner {
  PgQueryParseResult result;
  ~parse_result_owner() { pg_query_free_parse_result(result); }
};

medha_error unsafe(std::string message) {
  return {error_code::unsafe_sql, std::move(message)};
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
  std::string base = node.substr(0, node.size() - 4); // drop "Stmt"
  std::string out;
  for (size_t i = 0; i < base.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(base[i]);
    if (i > 0 && std::isupper(c))
      out += ' ';
    out += static_cast<char>(std::toupper(c));
  }
  return out;
}

// Node type names are CamelCase ("DeleteStmt"); field names are camelCase.
bool is_statement_node(std::string_view key) {
  return key.size() > 4 && std::isupper(static_cast<unsigned char>(key[0]))
         && key.substr(key.size() - 4) == "Stmt";
}

// The last name of a FuncCall's funcname list ("pg_catalog.pg_sleep" -> "pg_sleep").
std::string function_name(const json::value& func_call) {
  auto* obj = func_call.if_object();
  if (!obj)
    return {};
  auto* names = obj->if_contains("funcname");
  if (!names || !names->is_array() || names->as_array().empty())
    return {};
  auto* last = names->as_array().back().if_object();
  if (!last)
    return {};
  auto* str = last->if_contains("String");
  if (!str || !str->is_object())
    return {};
  auto* sval = str->as_object().if_contains("sval");
  if (!sval || !sval->is_string())
    return {};
  return std::string(sval->as_string());
}

// Walks every node of the statement without recursion (trees can be deep).
std::optional<medha_error> check_tree(const json::value& root) {
  std::vector<const json::value*> stack{&root};
  while (!stack.empty()) {
    const json::value* v = stack.back();
    stack.pop_back();
    if (auto* arr = v->if_array()) {
      for (auto& item : *arr)
        stack.push_back(&item);
      continue;
    }
    auto* obj = v->if_object();
    if (!obj)
      continue;
    for (auto& kv : *obj) {
      std::string_view key(kv.key().data(), kv.key().size());
      if (is_statement_node(key) && key != "SelectStmt")
        return unsafe("A data-modifying or utility statement (" + statement_words(std::string(key))
                      + ") inside the query is not allowed: only read-only SELECT may run.");
      if (key == "intoClause")
        return unsafe("SELECT INTO creates a table and is not allowed: use a plain SELECT.");
      if (key == "lockingClause")
        return unsafe("Locking clauses (FOR UPDATE / FOR SHARE ...) are not allowed in queries.");
      if (key == "FuncCall") {
        std::string name = function_name(kv.value());
        if (is_denied_function(name))
          return unsafe("The function " + name + "() is not allowed in queries.");
      }
      stack.push_back(&kv.value());
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<medha_error> check_sql(std::string_view sql) {
  // libpg_query reads a C string: an embedded NUL would hide the rest of the text.
  if (sql.find('\0') != std::string_view::npos)
    return unsafe("The SQL contains a NUL character.");
  std::string text(sql);
  parse_result_owner parsed{pg_query_parse(text.c_str())};
  if (parsed.result.error) {
    auto* err = parsed.result.error;
    std::string message = err->message ? err->message : "syntax error";
    if (err->cursorpos > 0)
      message += " (at character " + std::to_string(err->cursorpos) + ")";
    return medha_error{error_code::query_failed, message};
  }
  json::parse_options options;
  options.max_depth = 1u << 20; // parse trees nest far deeper than the default 32
  std::error_code ec;
  json::value tree = json::parse(parsed.result.parse_tree, ec, {}, options);
  if (ec)
    return medha_error{error_code::internal, "cannot read the SQL parse tree: " + ec.message()};
  auto* stmts = tree.is_object() ? tree.as_object().if_contains("stmts") : nullptr;
  if (!stmts || !stmts->is_array())
    return medha_error{error_code::internal, "the SQL parse tree has no statement list"};
  auto& list = stmts->as_array();
  if (list.empty())
    return unsafe("The SQL is empty: send one SELECT statement.");
  if (list.size() > 1)
    return unsafe("Only one statement may run, but the SQL has " + std::to_string(list.size())
                  + " statements.");
  auto* raw = list[0].if_object();
  auto* stmt = raw ? raw->if_contains("stmt") : nullptr;
  if (!stmt || !stmt->is_object() || stmt->as_object().empty())
    return medha_error{error_code::internal, "the SQL parse tree has an empty statement"};
  auto& node = *stmt->as_object().begin();
  if (node.key() != "SelectStmt")
    return unsafe("Only SELECT queries may run, not " + statement_words(std::string(node.key()))
                  + ".");
  return check_tree(node.value());
}

} // namespace medha
