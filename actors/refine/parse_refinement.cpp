// Strict parsing of a refine request body (the format is in refine_sql.hpp).

#include <boost/json.hpp>

#include <charconv>
#include <cstring>
#include <limits>
#include <string>

#include "actors/refine/refine_sql.hpp"

namespace medha {

namespace json = boost::json;

namespace {

constexpr size_t max_identifier_bytes = 63; // PostgreSQL's NAMEDATALEN - 1
constexpr size_t max_identifier_parts = 3;
constexpr size_t max_columns = 32;
constexpr size_t max_in_values = 1000;
constexpr size_t max_value_bytes = 4000;
constexpr int64_t max_limit = std::numeric_limits<int32_t>::max();

medha_error bad_request(std::string message) {
  return medha_error{error_code::bad_request, std::move(message)};
}

std::string quoted(std::string_view key) {
  return "\"" + std::string{key} + "\"";
}

bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool is_ident_char(unsigned char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9') || c == '$';
}

struct op_name {
  const char* name;
  filter_operator op;
};

constexpr op_name operator_names[] = {
    {"=", filter_operator::eq},
    {"<>", filter_operator::ne},
    {"<", filter_operator::lt},
    {"<=", filter_operator::le},
    {">", filter_operator::gt},
    {">=", filter_operator::ge},
    {"like", filter_operator::like},
    {"ilike", filter_operator::ilike},
    {"in", filter_operator::in},
    {"is_null", filter_operator::is_null},
    {"is_not_null", filter_operator::is_not_null},
};

struct refine_op_name {
  const char* name;
  refine_op op;
};

constexpr refine_op_name refine_op_names[] = {
    {"add_filter", refine_op::add_filter},   {"change_limit", refine_op::change_limit},
    {"add_columns", refine_op::add_columns}, {"change_sort", refine_op::change_sort},
    {"simplify", refine_op::simplify},
};

// The keys an operation accepts besides "op" and the envelope's "v" / "conversation" / "turn_id".
std::vector<std::string_view> allowed_keys(refine_op op) {
  switch (op) {
  case refine_op::add_filter:
    return {"column", "operator", "value"};
  case refine_op::change_limit:
    return {"limit"};
  case refine_op::add_columns:
    return {"columns"};
  case refine_op::change_sort:
    return {"column", "direction"};
  case refine_op::simplify:
    return {};
  }
  return {};
}

std::optional<medha_error> check_keys(const json::object& o, refine_op op) {
  auto allowed = allowed_keys(op);
  for (auto& kv : o) {
    std::string_view key{kv.key().data(), kv.key().size()};
    if (key == "op" || key == "v" || key == "conversation" || key == "turn_id")
      continue;
    bool ok = false;
    for (auto a : allowed)
      ok = ok || a == key;
    if (!ok)
      return bad_request("unknown field " + quoted(key) + " for op \"" + to_string(op) + "\"");
  }
  return std::nullopt;
}

// `what` names the field in messages: "\"column\"", "each of \"columns\"".
std::variant<column_name, medha_error> column_field(const json::value& v, const std::string& what) {
  if (!v.is_string())
    return bad_request(what + " must be a string naming a column, like \"orders.amount\"");
  std::string_view text{v.as_string().data(), v.as_string().size()};
  auto name = parse_column_name(text);
  if (!name)
    return bad_request(what + " is not a column name: '" + std::string{text.substr(0, 100)} +
                       "' (use column, table.column or schema.table.column; quote names "
                       "with double quotes)");
  return std::move(*name);
}

std::optional<numeric_literal> number_literal(const json::value& v) {
  char buf[64];
  std::to_chars_result res{};
  if (v.is_int64())
    res = std::to_chars(buf, buf + sizeof buf, v.get_int64());
  else if (v.is_uint64())
    res = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
  else if (v.is_double())
    res = std::to_chars(buf, buf + sizeof buf, v.get_double()); // shortest round trip
  else
    return std::nullopt;
  if (res.ec != std::errc{})
    return std::nullopt;
  return numeric_literal{std::string{buf, res.ptr}};
}

// A scalar filter value: string, number or boolean.
std::variant<filter_value, medha_error> scalar_value(const json::value& v, std::string_view what) {
  if (v.is_string()) {
    auto& s = v.as_string();
    if (s.size() > max_value_bytes)
      return bad_request(std::string{what} + " is longer than " + std::to_string(max_value_bytes) +
                         " bytes");
    if (std::memchr(s.data(), '\0', s.size()))
      return bad_request(std::string{what} + " must not contain a NUL character");
    return filter_value{std::string{s.data(), s.size()}};
  }
  if (v.is_bool())
    return filter_value{v.get_bool()};
  if (auto n = number_literal(v))
    return filter_value{std::move(*n)};
  if (v.is_null())
    return bad_request(std::string{what} + " must not be null: use the operator \"is_null\"");
  return bad_request(std::string{what} + " must be a string, a number or a boolean");
}

std::optional<medha_error> parse_add_filter(const json::object& o, refinement& r) {
  auto* col = o.if_contains("column");
  if (!col)
    return bad_request("add_filter needs \"column\"");
  auto name = column_field(*col, quoted("column"));
  if (auto* e = std::get_if<medha_error>(&name))
    return *e;
  r.column = std::move(std::get<column_name>(name));

  auto* op = o.if_contains("operator");
  if (!op || !op->is_string())
    return bad_request("add_filter needs \"operator\", a string: one of =, <>, <, <=, >, >=, like, "
                       "ilike, in, is_null, is_not_null");
  std::string_view op_text{op->as_string().data(), op->as_string().size()};
  bool found = false;
  for (auto& n : operator_names)
    if (op_text == n.name) {
      r.oper = n.op;
      found = true;
    }
  if (!found)
    return bad_request("unknown operator \"" + std::string{op_text.substr(0, 20)} +
                       "\": use one of =, <>, <, <=, >, >=, like, ilike, in, is_null, is_not_null");

  auto* value = o.if_contains("value");
  switch (r.oper) {
  case filter_operator::is_null:
  case filter_operator::is_not_null:
    if (value)
      return bad_request(std::string{"operator \""} + to_string(r.oper) + "\" takes no \"value\"");
    return std::nullopt;
  case filter_operator::in: {
    if (!value || !value->is_array() || value->as_array().empty())
      return bad_request("operator \"in\" needs \"value\", a non-empty array");
    auto& arr = value->as_array();
    if (arr.size() > max_in_values)
      return bad_request("operator \"in\" takes at most " + std::to_string(max_in_values) +
                         " values");
    for (auto& item : arr) {
      auto v = scalar_value(item, "each \"value\" of \"in\"");
      if (auto* e = std::get_if<medha_error>(&v))
        return *e;
      r.values.push_back(std::move(std::get<filter_value>(v)));
    }
    return std::nullopt;
  }
  case filter_operator::like:
  case filter_operator::ilike:
    if (!value || !value->is_string())
      return bad_request(std::string{"operator \""} + to_string(r.oper) +
                         "\" needs \"value\", a string pattern");
    break;
  default:
    if (!value)
      return bad_request(std::string{"operator \""} + to_string(r.oper) + "\" needs \"value\"");
    if (value->is_array())
      return bad_request(std::string{"operator \""} + to_string(r.oper) +
                         "\" takes one value: use \"in\" for a list");
    break;
  }
  auto v = scalar_value(*value, "\"value\"");
  if (auto* e = std::get_if<medha_error>(&v))
    return *e;
  r.values.push_back(std::move(std::get<filter_value>(v)));
  return std::nullopt;
}

std::optional<medha_error> parse_change_limit(const json::object& o, refinement& r) {
  auto* limit = o.if_contains("limit");
  if (!limit)
    return bad_request("change_limit needs \"limit\": a positive integer, or null to remove it");
  if (limit->is_null()) {
    r.limit.reset();
    return std::nullopt;
  }
  if (limit->is_int64()) {
    auto n = limit->get_int64();
    if (n < 1 || n > max_limit)
      return bad_request("\"limit\" must be from 1 to " + std::to_string(max_limit) + ", not " +
                         std::to_string(n));
    r.limit = n;
    return std::nullopt;
  }
  if (limit->is_uint64())
    return bad_request("\"limit\" must be from 1 to " + std::to_string(max_limit));
  return bad_request("\"limit\" must be an integer, or null to remove the LIMIT");
}

std::optional<medha_error> parse_add_columns(const json::object& o, refinement& r) {
  auto* cols = o.if_contains("columns");
  if (!cols || !cols->is_array() || cols->as_array().empty())
    return bad_request("add_columns needs \"columns\", a non-empty array of column names");
  auto& arr = cols->as_array();
  if (arr.size() > max_columns)
    return bad_request("\"columns\" takes at most " + std::to_string(max_columns) + " names");
  for (auto& item : arr) {
    auto name = column_field(item, "each of " + quoted("columns"));
    if (auto* e = std::get_if<medha_error>(&name))
      return *e;
    auto& n = std::get<column_name>(name);
    for (auto& seen : r.columns)
      if (seen.parts == n.parts)
        return bad_request("\"columns\" names a column twice");
    r.columns.push_back(std::move(n));
  }
  return std::nullopt;
}

std::optional<medha_error> parse_change_sort(const json::object& o, refinement& r) {
  auto* col = o.if_contains("column");
  if (!col)
    return bad_request("change_sort needs \"column\"");
  auto name = column_field(*col, quoted("column"));
  if (auto* e = std::get_if<medha_error>(&name))
    return *e;
  r.column = std::move(std::get<column_name>(name));
  r.descending = false;
  if (auto* dir = o.if_contains("direction")) {
    if (dir->is_string() && dir->as_string() == "asc")
      r.descending = false;
    else if (dir->is_string() && dir->as_string() == "desc")
      r.descending = true;
    else
      return bad_request("\"direction\" must be \"asc\" or \"desc\"");
  }
  return std::nullopt;
}

} // namespace

const char* to_string(refine_op op) {
  for (auto& n : refine_op_names)
    if (n.op == op)
      return n.name;
  return "?";
}

const char* to_string(filter_operator op) {
  for (auto& n : operator_names)
    if (n.op == op)
      return n.name;
  return "?";
}

std::optional<column_name> parse_column_name(std::string_view text) {
  column_name out;
  size_t i = 0;
  while (true) {
    std::string part;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        char c = text[i++];
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            part += '"';
            ++i;
          } else {
            closed = true;
            break;
          }
        } else if (c == '\0') {
          return std::nullopt;
        } else {
          part += c;
        }
      }
      if (!closed || part.empty())
        return std::nullopt;
    } else {
      if (i >= text.size() || !is_ident_start(static_cast<unsigned char>(text[i])))
        return std::nullopt;
      while (i < text.size() && is_ident_char(static_cast<unsigned char>(text[i]))) {
        char c = text[i++];
        part += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    }
    if (part.size() > max_identifier_bytes)
      return std::nullopt;
    out.parts.push_back(std::move(part));
    if (out.parts.size() > max_identifier_parts)
      return std::nullopt;
    if (i == text.size())
      return out;
    if (text[i] != '.')
      return std::nullopt;
    ++i;
  }
}

std::variant<refinement, medha_error> parse_refinement(std::string_view body_json) {
  json::error_code ec;
  auto v = json::parse(json::string_view{body_json.data(), body_json.size()}, ec);
  if (ec)
    return bad_request("the refine body is not valid JSON: " + ec.message());
  if (!v.is_object())
    return bad_request("the refine body must be a JSON object");
  auto& o = v.as_object();
  auto* op = o.if_contains("op");
  if (!op || !op->is_string())
    return bad_request("\"op\" is required: one of add_filter, change_limit, add_columns, "
                       "change_sort, simplify");
  std::string_view op_text{op->as_string().data(), op->as_string().size()};
  refinement r;
  bool found = false;
  for (auto& n : refine_op_names)
    if (op_text == n.name) {
      r.op = n.op;
      found = true;
    }
  if (!found)
    return bad_request("unknown op \"" + std::string{op_text.substr(0, 40)} +
                       "\": use add_filter, change_limit, add_columns, change_sort or simplify");
  if (auto err = check_keys(o, r.op))
    return *err;
  std::optional<medha_error> err;
  switch (r.op) {
  case refine_op::add_filter:
    err = parse_add_filter(o, r);
    break;
  case refine_op::change_limit:
    err = parse_change_limit(o, r);
    break;
  case refine_op::add_columns:
    err = parse_add_columns(o, r);
    break;
  case refine_op::change_sort:
    err = parse_change_sort(o, r);
    break;
  case refine_op::simplify:
    break;
  }
  if (err)
    return *err;
  return r;
}

} // namespace medha
