#include "runtime/client/mcp.hpp"

#include <iostream>
#include <sstream>

#include <boost/json.hpp>

#include "runtime/client/mcp_text.hpp"

namespace medha::client {

namespace json = boost::json;

std::optional<std::string> session_backend::api(const std::string& verb, const std::string& body) {
  return s_.api(verb, body);
}

std::optional<std::string> session_backend::create_conversation(const std::string& data_source) {
  return s_.create_conversation(data_source);
}

turn_outcome session_backend::ask(const std::string& conv, const std::string& text,
                                  const std::string& data_source) {
  return s_.ask(conv, text, data_source, false);
}

namespace {

constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;

// Thrown by handlers for a JSON-RPC error reply.
struct rpc_error {
  int code;
  std::string message;
};

std::string error_reply(const json::value& id, int code, const std::string& message) {
  return json::serialize(json::object{
    {"jsonrpc", "2.0"}, {"id", id}, {"error", json::object{{"code", code}, {"message", message}}}});
}

std::string result_reply(const json::value& id, json::value result) {
  return json::serialize(json::object{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

json::object schema(json::object properties, json::array required) {
  return json::object{{"type", "object"}, {"properties", std::move(properties)},
                      {"required", std::move(required)}};
}

json::object string_prop(const char* description) {
  return json::object{{"type", "string"}, {"description", description}};
}

json::value tools_list() {
  json::array tools;
  tools.push_back(json::object{
    {"name", "ask"},
    {"description", "Ask a question about the data in plain words. Medha picks the data source "
                    "(or uses the one given), writes guarded read-only SQL, runs it and answers "
                    "with text, the SQL, columns and rows. Pass the returned conversation id to "
                    "ask follow-ups (\"only 2024\", \"by region\")."},
    {"inputSchema",
     schema({{"question", string_prop("the question, e.g. \"total revenue by region\"")},
             {"conversation", string_prop("a conversation id from an earlier answer, for follow-ups")},
             {"data_source", string_prop("a data source name (see list_data_sources)")}},
            {"question"})}});
  tools.push_back(json::object{
    {"name", "list_data_sources"},
    {"description", "The data sources this user may query, with their descriptions."},
    {"inputSchema", schema({}, {})}});
  tools.push_back(json::object{
    {"name", "describe_table"},
    {"description", "Describe a table of a data source: its columns and what it holds, from "
                    "Medha's catalog."},
    {"inputSchema", schema({{"data_source", string_prop("the data source name")},
                            {"table", string_prop("the table name")}},
                           {"data_source", "table"})}});
  tools.push_back(json::object{
    {"name", "run_sql"},
    {"description", "Run one read-only SELECT on a data source through Medha's SQL guard "
                    "(an allowlist: safe functions, the data source's own tables) and returns "
                    "columns and rows, capped in rows and bytes and cut by a statement timeout. "
                    "A refused statement names the guard's rule."},
    {"inputSchema", schema({{"data_source", string_prop("the data source name")},
                            {"sql", string_prop("one SELECT statement")}},
                           {"data_source", "sql"})}});
  return json::object{{"tools", std::move(tools)}};
}

json::value initialize_result(const json::object& params) {
  // Answer with the client's version when we know it, else our latest.
  std::string version = "2025-06-18";
  if (auto* v = params.if_contains("protocolVersion"); v && v->is_string()) {
    std::string asked{v->as_string()};
    if (asked == "2024-11-05" || asked == "2025-03-26" || asked == "2025-06-18")
      version = asked;
  }
  return json::object{
    {"protocolVersion", version},
    {"capabilities", json::object{{"tools", json::object{{"listChanged", false}}}}},
    {"serverInfo", json::object{{"name", "medha"}, {"version", "0.1.0"}}},
    {"instructions", "Medha answers questions about PostgreSQL data through a guarded, read-only "
                     "SQL engine. Start with list_data_sources, then ask."}};
}

json::object tool_result(const std::string& text, bool is_error,
                         std::optional<json::object> structured = std::nullopt) {
  json::object out{{"content", json::array{json::object{{"type", "text"}, {"text", text}}}},
                   {"isError", is_error}};
  if (structured)
    out["structuredContent"] = std::move(*structured);
  return out;
}

// A required (or optional) string argument; -32602 when missing or not a string.
std::string string_arg(const json::object& args, const char* key, bool required) {
  auto* v = args.if_contains(key);
  if (!v || v->is_null()) {
    if (required)
      throw rpc_error{invalid_params, std::string{"missing argument \""} + key + "\""};
    return {};
  }
  if (!v->is_string())
    throw rpc_error{invalid_params, std::string{"argument \""} + key + "\" must be a string"};
  std::string s{v->as_string()};
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos)
    throw rpc_error{invalid_params, std::string{"argument \""} + key + "\" must not be empty"};
  return s;
}

class dispatcher {
public:
  explicit dispatcher(mcp_backend& b) : backend_(b) {}

  json::value call(const std::string& method, const json::object& params) {
    if (method == "initialize")
      return initialize_result(params);
    if (method == "ping")
      return json::object{};
    if (method == "tools/list")
      return tools_list();
    if (method == "tools/call")
      return call_tool(params);
    throw rpc_error{method_not_found, "method not found: " + method};
  }

private:
  json::value call_tool(const json::object& params) {
    auto* name = params.if_contains("name");
    if (!name || !name->is_string())
      throw rpc_error{invalid_params, "tools/call needs a tool name"};
    static const json::object no_args;
    const json::object* args = &no_args;
    if (auto* a = params.if_contains("arguments"); a && !a->is_null()) {
      if (!a->is_object())
        throw rpc_error{invalid_params, "arguments must be an object"};
      args = &a->as_object();
    }
    std::string tool{name->as_string()};
    if (tool == "ask")
      return ask(string_arg(*args, "question", true), string_arg(*args, "conversation", false),
                 string_arg(*args, "data_source", false));
    if (tool == "list_data_sources")
      return list_data_sources();
    if (tool == "describe_table") {
      auto ds = string_arg(*args, "data_source", true);
      auto table = string_arg(*args, "table", true);
      return ask("describe the " + table + " table", "", ds);
    }
    if (tool == "run_sql")
      return run_sql(string_arg(*args, "data_source", true), string_arg(*args, "sql", true));
    throw rpc_error{invalid_params, "unknown tool: " + tool};
  }

  json::value ask(const std::string& question, std::string conv, const std::string& data_source) {
    if (conv.empty()) {
      auto id = backend_.create_conversation(data_source);
      if (!id)
        return tool_result("could not start a conversation (is a worker running? see the "
                           "server's stderr)", true);
      conv = *id;
    }
    auto out = backend_.ask(conv, question, data_source);
    if (!out.finished)
      return tool_result("no answer from a worker in time (conversation " + conv + ")", true);
    json::error_code ec;
    auto data = json::parse(out.final_event.data_json, ec);
    json::object d = !ec && data.is_object() ? data.as_object() : json::object{};
    auto text = final_text(conv, out.final_event, d);
    if (out.final_event.step == step_kind::error)
      return tool_result(text, true);
    json::object structured = d;
    structured["conversation"] = conv;
    structured["step"] = to_string(out.final_event.step);
    return tool_result(text, false, std::move(structured));
  }

  // An API verb's reply object when ok; else `failure` is the tool error to return.
  struct api_outcome {
    json::object reply;
    std::optional<json::object> failure;
  };

  api_outcome api_call(const std::string& verb, const std::string& body) {
    auto reply = backend_.api(verb, body);
    if (!reply)
      return {{}, tool_result("no worker answered (is a worker running?)", true)};
    json::error_code ec;
    auto v = json::parse(*reply, ec);
    if (ec || !v.is_object())
      return {{}, tool_result("malformed reply from the worker", true)};
    auto& o = v.as_object();
    if (auto* ok = o.if_contains("ok"); ok && ok->is_bool() && ok->as_bool())
      return {std::move(o), std::nullopt};
    std::string code = "internal", message = "the worker refused";
    json::object error;
    if (auto* e = o.if_contains("error"); e && e->is_object()) {
      error = e->as_object();
      if (auto* c = error.if_contains("code"); c && c->is_string())
        code = std::string{c->as_string()};
      if (auto* m = error.if_contains("message"); m && m->is_string())
        message = std::string{m->as_string()};
    }
    return {{}, tool_result("error " + code + ": " + message, true,
                            json::object{{"error", std::move(error)}})};
  }

  json::value list_data_sources() {
    auto reply = api_call("datasource.list", "{}");
    if (reply.failure)
      return std::move(*reply.failure);
    auto& o = reply.reply;
    std::ostringstream text;
    json::array sources;
    if (auto* ds = o.if_contains("data_sources"); ds && ds->is_array())
      sources = ds->as_array();
    for (auto& s : sources)
      if (s.is_object()) {
        auto& so = s.as_object();
        text << "- " << (so.if_contains("name") ? cell_text(so.at("name")) : "?");
        if (auto* d = so.if_contains("description"); d && d->is_string() && !d->as_string().empty())
          text << ": " << cell_text(*d);
        text << "\n";
      }
    if (sources.empty())
      text << "no data sources are available to this user\n";
    return tool_result(text.str(), false, json::object{{"data_sources", std::move(sources)}});
  }

  // The worker's guard and executor (the sql.run verb), as the user.
  json::value run_sql(const std::string& data_source, const std::string& sql) {
    auto reply = api_call("sql.run",
                          json::serialize(json::object{{"data_source", data_source}, {"sql", sql}}));
    if (reply.failure)
      return std::move(*reply.failure);
    auto& o = reply.reply;
    o.erase("v");
    o.erase("ok");
    std::ostringstream text;
    text << "data source: " << data_source << "\n" << result_table_text(o);
    if (auto* n = o.if_contains("row_count"))
      text << "\nrows read: " << cell_text(*n) << "\n";
    return tool_result(text.str(), false, std::move(o));
  }

  mcp_backend& backend_;
};

} // namespace

std::optional<std::string> mcp_server::handle(const std::string& line) {
  if (line.find_first_not_of(" \t\r\n") == std::string::npos)
    return std::nullopt;
  json::error_code ec;
  auto msg = json::parse(line, ec);
  if (ec)
    return error_reply(nullptr, parse_error, "parse error: " + ec.message());
  if (!msg.is_object())
    return error_reply(nullptr, invalid_request, "a request must be a JSON object");
  auto& o = msg.as_object();
  auto* id = o.if_contains("id");
  bool notification = id == nullptr;
  json::value reply_id = id ? *id : json::value(nullptr);
  // A number too large for an integer parses as a double, possibly infinite,
  // which has no JSON spelling to echo back: only strings and integers are ids.
  if (id && !id->is_string() && !id->is_int64() && !id->is_uint64() && !id->is_null())
    return error_reply(nullptr, invalid_request, "id must be a string or an integer");
  auto* version = o.if_contains("jsonrpc");
  auto* method = o.if_contains("method");
  if (!method) {
    // A response from the client (we send no requests): ignore it.
    if (o.if_contains("result") || o.if_contains("error"))
      return std::nullopt;
  }
  if (!version || !version->is_string() || version->as_string() != "2.0" || !method
      || !method->is_string()) {
    if (notification)
      return std::nullopt;
    return error_reply(reply_id, invalid_request, "not a JSON-RPC 2.0 request");
  }
  json::object params;
  if (auto* p = o.if_contains("params"); p && !p->is_null()) {
    if (!p->is_object()) {
      if (notification)
        return std::nullopt;
      return error_reply(reply_id, invalid_params, "params must be an object");
    }
    params = p->as_object();
  }
  if (notification)
    return std::nullopt; // notifications/initialized, cancelled, ...: no reply, nothing to do
  try {
    dispatcher d{backend_};
    return result_reply(reply_id, d.call(std::string{method->as_string()}, params));
  } catch (const rpc_error& e) {
    return error_reply(reply_id, e.code, e.message);
  } catch (const std::exception& e) {
    return error_reply(reply_id, -32603, std::string{"internal error: "} + e.what());
  }
}

int run_mcp(mcp_backend& backend, std::istream& in, std::ostream& out) {
  mcp_server server{backend};
  for (std::string line; std::getline(in, line);) {
    if (auto reply = server.handle(line)) {
      out << *reply << "\n";
      out.flush();
    }
  }
  return 0;
}

} // namespace medha::client
