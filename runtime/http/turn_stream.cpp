// A turn over HTTP: its step events as server-sent events, one `data:` line
// each, ending with the final one. A turn refused before any step ran (an
// unknown conversation, a data source not granted, a rate limit) is answered
// as a plain JSON error with the code's status instead, so a client can tell
// it apart without reading a stream.

#include <atomic>
#include <chrono>
#include <random>

#include <boost/json.hpp>

#include "messages/protocol.hpp"
#include "runtime/client/session.hpp"
#include "runtime/http/routes.hpp"

namespace medha::http {

namespace json = boost::json;

namespace {

std::string new_turn_id() {
  static std::atomic<uint64_t> count{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return "h" + std::to_string(rng() % 1000000000ULL) + "-" + std::to_string(++count);
}

// The error of a failed final event's data ({"code","message",…}).
json::object error_of(const step_event& ev) {
  json::error_code ec;
  auto v = json::parse(ev.data_json, ec);
  if (!ec && v.is_object())
    return v.as_object();
  return json::object{{"code", "internal"}, {"message", "the turn failed"}};
}

// Relays the events of `turn_id` until its final one. The subscription is on.
void relay(user_link& link, const std::string& conv, const std::string& turn_id,
           response_writer& out) {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(link.turn_timeout_ms);
  bool streaming = false;
  std::string raw;
  while (auto ev = client::next_turn_event(link.nats, turn_id, deadline, raw)) {
    if (!streaming) {
      if (ev->step == step_kind::error && ev->seq <= 1) {
        return void(send_worker_error(out, error_of(*ev)));
      }
      if (!out.start_stream(200, "text/event-stream"))
        return;
      streaming = true;
    }
    if (!out.write("data: " + raw + "\n\n"))
      return; // the client left; the turn still finishes and is stored
    if (client::is_final_step(ev->step))
      return;
  }
  std::string message = "no final event within " + std::to_string(link.turn_timeout_ms / 1000) +
                        " s (is a worker running?)";
  if (!streaming)
    return void(send_error(out, "unavailable", message));
  // The stream ends with a final event in every case.
  step_event timeout;
  timeout.conv = conv;
  timeout.turn_id = turn_id;
  timeout.step = step_kind::error;
  timeout.status = step_status::failed;
  timeout.data_json = json::serialize(json::object{{"code", "internal"}, {"message", message}});
  out.write("data: " + encode_step_event(timeout) + "\n\n");
}

} // namespace

void stream_message(user_link& link, const std::string& conv, const std::string& body,
                    response_writer& out) {
  json::object in = json::parse(body).as_object(); // the gateway checked it is an object
  auto* text = in.if_contains("text");
  if (!text || !text->is_string() || text->as_string().empty())
    return void(send_error(out, "bad_request", "\"text\" is required: the question, a string"));
  auto* source = in.if_contains("data_source");
  if (source && !source->is_string() && !source->is_null())
    return void(send_error(out, "bad_request", "\"data_source\" must be a string"));
  auto turn_id = new_turn_id();
  json::object turn{{"v", protocol_version}, {"turn_id", turn_id}, {"text", *text}};
  if (source && source->is_string() && !source->as_string().empty())
    turn["data_source"] = *source;
  if (!link.nats.subscribe(events_subject(link.user, conv)))
    return void(send_error(out, "unavailable", "cannot subscribe to the conversation's events"));
  if (!link.nats.publish(turn_subject(link.user, conv), json::serialize(turn)))
    return void(send_error(out, "unavailable", "cannot publish the turn"));
  relay(link, conv, turn_id, out);
}

void stream_refine(user_link& link, const std::string& conv, const std::string& body,
                   response_writer& out) {
  // Subscribed first: the refined turn's events may come before the reply.
  if (!link.nats.subscribe(events_subject(link.user, conv)))
    return void(send_error(out, "unavailable", "cannot subscribe to the conversation's events"));
  auto reply = request_verb(link, "refine", body, out);
  if (!reply)
    return;
  auto& o = *reply;
  if (auto* err = o.if_contains("error"); err && err->is_object())
    return void(send_worker_error(out, err->as_object()));
  auto* turn_id = o.if_contains("turn_id");
  if (!turn_id || !turn_id->is_string())
    return void(send_error(out, "internal", "the refine reply carries no turn_id"));
  relay(link, conv, std::string{turn_id->as_string()}, out);
}

} // namespace medha::http
