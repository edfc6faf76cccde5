// medha bench --touch: many conversations touched once each, for the
// worker's memory with that many conversation actors live.

#include "runtime/client/bench_touch.hpp"

#include <chrono>
#include <cstdio>
#include <map>

#include <boost/json.hpp>

namespace medha::client {

namespace json = boost::json;

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) {
  return std::chrono::duration<double>(clock_type::now() - t).count();
}

// live_conversations from one worker's health reply (-1 when unreadable).
int64_t live_conversations(session& s) {
  auto reply = s.api("health", "{}");
  if (!reply)
    return -1;
  json::error_code ec;
  auto v = json::parse(*reply, ec);
  if (ec || !v.is_object())
    return -1;
  auto* n = v.as_object().if_contains("live_conversations");
  return n && n->is_number() ? n->to_number<int64_t>() : -1;
}

} // namespace

int run_touch(session& s, nats_client& nats, const bench_options& o) {
  const auto& user = s.opts().user;
  auto began = clock_type::now();
  auto deadline = began + std::chrono::seconds(o.timeout_s);
  std::vector<std::string> convs;
  convs.reserve(static_cast<size_t>(o.touch));
  for (int i = 0; i < o.touch && clock_type::now() < deadline; ++i) {
    auto id = s.create_conversation(o.data_source);
    if (!id)
      return 1;
    convs.push_back(std::move(*id));
    if ((i + 1) % 10000 == 0)
      std::fprintf(stderr, "medha: %d conversations created\n", i + 1);
  }
  double create_seconds = seconds_since(began);
  if (!nats.subscribe(events_subject(user, "*"))) {
    std::fprintf(stderr, "medha: cannot subscribe to %s\n", events_subject(user, "*").c_str());
    return 1;
  }

  // One question per conversation, at most in_flight at once.
  std::map<std::string, size_t> in_flight; // turn id -> conversation
  size_t next = 0, done = 0, answers = 0;
  std::map<std::string, size_t> errors;
  auto send_next = [&] {
    auto& q = o.questions[next % o.questions.size()];
    auto turn_id = "m" + std::to_string(next);
    in_flight[turn_id] = next;
    json::object body{{"v", 1}, {"turn_id", turn_id}, {"text", q}};
    nats.publish(turn_subject(user, convs[next]), json::serialize(body));
    ++next;
  };
  while (next < convs.size() && in_flight.size() < static_cast<size_t>(o.in_flight))
    send_next();
  while (done < convs.size() && clock_type::now() < deadline) {
    auto msg = nats.next(1000);
    if (!msg)
      continue;
    auto decoded = decode_step_event(*msg);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || !is_final_step(ev->step) || !in_flight.erase(ev->turn_id))
      continue;
    done += 1;
    if (ev->step == step_kind::answer) {
      answers += 1;
    } else {
      json::error_code ec;
      auto data = json::parse(ev->data_json, ec);
      auto* code = !ec && data.is_object() ? data.as_object().if_contains("code") : nullptr;
      errors[code && code->is_string() ? std::string{code->as_string()} : to_string(ev->step)] += 1;
    }
    if (done % 10000 == 0)
      std::fprintf(stderr, "medha: %zu conversations touched\n", done);
    if (next < convs.size())
      send_next();
  }

  json::object error_counts;
  size_t error_total = 0;
  for (auto& [code, n] : errors) {
    error_counts[code] = n;
    error_total += n;
  }
  size_t lost = static_cast<size_t>(o.touch) - done;
  json::object report{
      {"touched", done},
      {"answers", answers},
      {"errors", std::move(error_counts)},
      {"lost", lost},
      {"live_conversations", live_conversations(s)},
      {"create_seconds", create_seconds},
      {"seconds", seconds_since(began)},
  };
  if (!write_report(json::serialize(report), o.report))
    return 1;
  if (lost > 0)
    std::fprintf(stderr, "medha: %zu of %d conversations got no final event within %d s\n", lost,
                 o.touch, o.timeout_s);
  return lost > 0 || error_total > 0 ? 1 : 0;
}

} // namespace medha::client
