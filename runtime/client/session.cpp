#include "runtime/client/session.hpp"

#include <chrono>
#include <cstdio>
#include <random>

#include <boost/json.hpp>

#include "runtime/client/event_printer.hpp"

namespace medha::client {

namespace json = boost::json;

bool is_final_step(step_kind step) {
  return step == step_kind::answer || step == step_kind::clarify || step == step_kind::error;
}

std::optional<step_event> next_turn_event(nats_client& nats, const std::string& turn_id,
                                          std::chrono::steady_clock::time_point deadline,
                                          std::string& raw) {
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                  deadline - std::chrono::steady_clock::now())
                  .count();
    auto msg = nats.next(static_cast<int>(std::max<long long>(1, left)));
    if (!msg)
      return std::nullopt;
    auto decoded = decode_step_event(*msg);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || (ev->turn_id != turn_id && !ev->turn_id.empty()))
      continue;
    raw = std::move(*msg);
    return std::move(*ev);
  }
  return std::nullopt;
}

std::optional<std::string> session::api(const std::string& verb, const std::string& body) {
  std::string error;
  auto reply = nats_.request(api_subject(opts_.user, verb), body, 10000, error);
  if (!reply)
    std::fprintf(stderr, "medha: %s\n", error.c_str());
  return reply;
}

std::optional<std::string> session::create_conversation(const std::string& data_source) {
  json::object body;
  if (!data_source.empty())
    body["data_source"] = data_source;
  auto reply = api("conversations.create", json::serialize(body));
  if (!reply)
    return std::nullopt;
  json::error_code ec;
  auto v = json::parse(*reply, ec);
  if (!ec && v.is_object())
    if (auto* c = v.as_object().if_contains("conversation"); c && c->is_object())
      if (auto* id = c->as_object().if_contains("id"); id && id->is_string())
        return std::string{id->as_string()};
  print_api_reply(stderr, *reply);
  return std::nullopt;
}

turn_outcome session::ask(const std::string& conv, const std::string& text,
                          const std::string& data_source, bool print) {
  turn_outcome out;
  static std::mt19937_64 rng{std::random_device{}()};
  auto turn_id = "c" + std::to_string(rng() % 1000000000ULL) + "-" + std::to_string(++turns_);
  if (!nats_.subscribe(events_subject(opts_.user, conv))) {
    std::fprintf(stderr, "medha: cannot subscribe to the conversation's events\n");
    return out;
  }
  json::object body{{"v", 1}, {"turn_id", turn_id}, {"text", text}};
  if (!data_source.empty())
    body["data_source"] = data_source;
  // Sent again (a retry) within the stream's duplicate window, it is stored once.
  nats_.publish(turn_subject(opts_.user, conv), json::serialize(body),
                turn_message_id(opts_.user, conv, turn_id));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(opts_.timeout_ms);
  std::string raw;
  while (auto ev = next_turn_event(nats_, turn_id, deadline, raw)) {
    if (print) {
      if (opts_.json)
        std::printf("%s\n", raw.c_str());
      else
        print_event(stdout, *ev);
      std::fflush(stdout);
    }
    if (is_final_step(ev->step)) {
      out.finished = true;
      out.final_event = std::move(*ev);
      return out;
    }
  }
  std::fprintf(stderr, "medha: no answer within %d ms (is a worker running?)\n", opts_.timeout_ms);
  return out;
}

} // namespace medha::client
