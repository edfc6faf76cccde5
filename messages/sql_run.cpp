#include "messages/sql_run.hpp"

#include <boost/json.hpp>

#include "messages/result_json.hpp"

namespace medha {

namespace json = boost::json;

namespace {

medha_error bad_request(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

} // namespace

parsed<sql_run_request> decode_sql_run(std::string_view body_json) {
  json::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  auto v = json::parse(json::string_view{body_json.data(), body_json.size()}, ec, {}, opts);
  if (ec || !v.is_object())
    return bad_request("the request body must be a JSON object");
  auto& o = v.as_object();
  for (auto& kv : o)
    if (kv.key() != "v" && kv.key() != "data_source" && kv.key() != "sql")
      return bad_request("unknown key \"" + std::string{kv.key()} + "\"; sql.run takes data_source and sql");
  sql_run_request req;
  auto* source = o.if_contains("data_source");
  if (!source || !source->is_string() || !is_valid_token(source->as_string()))
    return bad_request("\"data_source\" is required and must match [A-Za-z0-9_-]{1,64}");
  req.data_source = std::string{source->as_string()};
  auto* sql = o.if_contains("sql");
  if (!sql || !sql->is_string())
    return bad_request("\"sql\" is required and must be a string");
  req.sql = std::string{sql->as_string()};
  if (req.sql.find_first_not_of(" \t\r\n") == std::string::npos)
    return bad_request("\"sql\" must not be blank");
  if (req.sql.size() > max_sql_run_bytes)
    return bad_request("\"sql\" is " + std::to_string(req.sql.size()) + " bytes; the limit is "
                       + std::to_string(max_sql_run_bytes));
  return req;
}

std::string sql_run_reply(const std::string& data_source, const result_set& rows) {
  json::object o;
  o["data_source"] = data_source;
  put_result(o, rows);
  o["query_ms"] = rows.elapsed_ms;
  return json::serialize(o);
}

} // namespace medha
