// Turns, API requests and the events a client reads.

#include "tests/fuzz/harness/decoders.hpp"

#include <cstdio>

#include <boost/json.hpp>

#include "actors/conversation/api_payloads.hpp"
#include "actors/refine/refine_sql.hpp"
#include "messages/protocol.hpp"
#include "messages/sql_run.hpp"
#include "runtime/client/event_printer.hpp"
#include "runtime/client/mcp_text.hpp"

namespace medha::fuzz {

namespace json = boost::json;

namespace {

constexpr size_t max_payload = 65536;
const std::vector<error_code> request_errors = {error_code::bad_request,
                                                error_code::payload_too_large};

// An error reply must be JSON that names the same code.
std::string check_error_reply(const medha_error& err) {
  if (auto broken = check_error(err, request_errors); !broken.empty())
    return broken;
  json::error_code ec;
  auto v = json::parse(encode_error_reply(err), ec);
  if (ec || !v.is_object() || v.as_object().at("error").at("code") != to_string(err.code))
    return "the error reply does not carry the code";
  return {};
}

template <class T>
std::string check_parsed(const std::variant<T, medha_error>& r) {
  if (auto* err = std::get_if<medha_error>(&r))
    return check_error_reply(*err);
  return {};
}

std::string check_field(const std::string& body, const char* key, bool token) {
  auto f = string_field(body, key, token);
  if (f.error)
    return check_error_reply(*f.error);
  if (token && f.value && !is_valid_token(*f.value))
    return std::string{"field "} + key + " passed with a bad token";
  return {};
}

std::FILE* sink() {
  static std::FILE* devnull = std::fopen("/dev/null", "w");
  return devnull;
}

} // namespace

// "<subject>\n<payload>"; no newline: the whole input is the payload.
std::string fuzz_turn(std::string_view input) {
  auto [subject, payload] = first_line(input);
  if (subject.empty())
    subject = "medha.turn.u.c1";
  auto r = parse_turn(subject, payload, max_payload);
  if (auto* req = std::get_if<turn_request>(&r)) {
    if (!is_valid_token(req->user) || !is_valid_token(req->conv))
      return "a turn passed with a bad subject token";
    if (req->text.empty() || req->text.size() > 4000)
      return "a turn passed with a blank or oversized text";
    if (req->data_source && !is_valid_token(*req->data_source))
      return "a turn passed with a bad data source";
    return {};
  }
  return check_parsed(r);
}

// "<verb>\n<body>": the envelope, then what each verb reads of the body.
std::string fuzz_api(std::string_view input) {
  auto [verb, body] = first_line(input);
  auto subject = "medha.api.u." + std::string{verb.empty() ? std::string_view{"health"} : verb};
  auto r = parse_api_request(subject, body, max_payload);
  if (auto* err = std::get_if<medha_error>(&r))
    return check_error_reply(*err);
  auto& req = std::get<api_request>(r);
  for (auto [key, token] : {std::pair{"conversation", true}, {"data_source", true},
                            {"turn_id", true}, {"title", false}, {"question", false}})
    if (auto broken = check_field(req.body_json, key, token); !broken.empty())
      return broken;
  if (auto broken = check_parsed(parse_refinement(req.body_json)); !broken.empty())
    return "refine: " + broken;
  if (auto broken = check_parsed(decode_sql_run(req.body_json)); !broken.empty())
    return "sql.run: " + broken;
  return {};
}

// A payload on the events subject (or an API reply): decoded, printed, and
// rendered as the MCP text, as the client does with what it receives.
std::string fuzz_event(std::string_view input) {
  auto r = decode_step_event(input);
  client::print_api_reply(sink(), std::string{input});
  if (auto* err = std::get_if<medha_error>(&r))
    return check_error(*err, request_errors);
  auto& ev = std::get<step_event>(r);
  client::print_event(sink(), ev);
  json::error_code ec;
  auto data = json::parse(ev.data_json, ec);
  if (ec)
    return "a decoded event whose data is not JSON";
  if (data.is_object()) {
    client::final_text("c1", ev, data.as_object());
    client::result_table_text(data.as_object());
  }
  return {};
}

} // namespace medha::fuzz
