// medha bench: end-to-end load through NATS, the workers and PostgreSQL,
// with the floor (what NATS and PostgreSQL alone cost) from the same run.

#include "runtime/client/bench.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>

#include <boost/json.hpp>

#include "messages/percentile.hpp"
#include "runtime/client/bench_floor.hpp"
#include "runtime/client/bench_touch.hpp"

namespace medha::client {

namespace json = boost::json;

namespace {

using clock_type = std::chrono::steady_clock;

double ms_between(clock_type::time_point a, clock_type::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// Questions whose SQL is cheap, so the figures show Medha's own cost rather
// than PostgreSQL's work.
const std::vector<std::string> default_questions = {
    "How many regions are there?",
    "How many categories are there?",
};

struct conversation_load {
  std::string id;
  int sent = 0;
  std::string turn_id;
  clock_type::time_point started;
  double pg_ms = -1; // from the execute event of the turn in flight
  bool seen = false;  // an event of the turn in flight came
};

struct samples {
  std::vector<double> latency, overhead;
  std::map<std::string, std::vector<double>> steps;
  size_t answers = 0, clarifies = 0;
  std::map<std::string, size_t> errors;
};

double number_or(const json::object& o, const char* key, double fallback) {
  auto* v = o.if_contains(key);
  return v && v->is_number() ? v->to_number<double>() : fallback;
}

// Takes one event of a turn in flight; true when it was the final one.
bool take_event(const step_event& ev, conversation_load& conv, clock_type::time_point now,
                samples& out) {
  if (!conv.seen) {
    // From the publish to the turn's start in its conversation actor (the
    // stream, the order check, the manager), plus one event's way back.
    conv.seen = true;
    out.steps["intake"].push_back(ms_between(conv.started, now) - ev.elapsed_ms);
  }
  bool final = ev.step == step_kind::answer || ev.step == step_kind::clarify
               || ev.step == step_kind::error;
  bool executed = ev.step == step_kind::execute && ev.status == step_status::done;
  // The data of the other events is not read: the load generator shares the
  // cores with the worker, and its own work would count in the latency.
  if (!final && !executed)
    return false;
  json::error_code ec;
  auto data = json::parse(ev.data_json, ec);
  static const json::object empty;
  auto& obj = !ec && data.is_object() ? data.as_object() : empty;
  if (executed) {
    conv.pg_ms = number_or(obj, "pg_ms", -1);
    return false;
  }
  double latency = ms_between(conv.started, now);
  out.latency.push_back(latency);
  out.steps["turn"].push_back(latency);
  if (ev.step == step_kind::error) {
    auto* code = obj.if_contains("code");
    out.errors[code && code->is_string() ? std::string{code->as_string()} : "unknown"] += 1;
    return true;
  }
  if (ev.step == step_kind::clarify) {
    out.clarifies += 1;
    return true;
  }
  out.answers += 1;
  // The final event's elapsed_ms runs from the turn's start in its
  // conversation actor to the final event being built, before the turn's
  // end is stored; the rest of the latency is that synced write, NATS both
  // ways, the bridge and the manager's hand-off.
  out.steps["write_and_transport"].push_back(latency - ev.elapsed_ms);
  if (auto* timings = obj.if_contains("timings"); timings && timings->is_object())
    for (auto& [key, value] : timings->as_object()) {
      std::string name{key};
      if (name != "total_ms" && name.size() > 3 && name.substr(name.size() - 3) == "_ms"
          && value.is_number())
        out.steps[name.substr(0, name.size() - 3)].push_back(value.to_number<double>());
    }
  if (conv.pg_ms >= 0) {
    out.steps["postgres"].push_back(conv.pg_ms);
    out.overhead.push_back(latency - conv.pg_ms);
  }
  return true;
}

json::object spread(const std::vector<double>& v) {
  return json::object{{"p50_ms", percentile(v, 0.50)},
                      {"p95_ms", percentile(v, 0.95)},
                      {"p99_ms", percentile(v, 0.99)},
                      {"samples", v.size()}};
}

} // namespace

bool write_report(const std::string& text, const std::string& path) {
  std::printf("%s\n", text.c_str());
  if (path.empty())
    return true;
  std::ofstream out{path};
  out << text << "\n";
  if (!out)
    std::fprintf(stderr, "medha: cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

std::variant<bench_options, std::string> parse_bench_args(const std::vector<std::string>& args) {
  bench_options o;
  auto positive = [](const std::string& flag, const std::string& text, int max) -> std::optional<int> {
    try {
      size_t used = 0;
      int v = std::stoi(text, &used);
      if (used == text.size() && v >= 1 && v <= max)
        return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    auto& a = args[i];
    if (i + 1 >= args.size())
      return "bench: " + a + " needs a value (or is not a bench option)";
    auto& v = args[++i];
    std::optional<int> n;
    if (a == "--conversations" && (n = positive(a, v, 10000)))
      o.conversations = *n;
    else if (a == "--turns" && (n = positive(a, v, 100000)))
      o.turns = *n;
    else if (a == "--floor-samples" && (n = positive(a, v, 100000)))
      o.floor_samples = *n;
    else if (a == "--timeout-s" && (n = positive(a, v, 86400)))
      o.timeout_s = *n;
    else if (a == "--touch" && (n = positive(a, v, 1000000)))
      o.touch = *n;
    else if (a == "--in-flight" && (n = positive(a, v, 10000)))
      o.in_flight = *n;
    else if (a == "--conversations" || a == "--turns" || a == "--floor-samples" || a == "--timeout-s"
             || a == "--touch" || a == "--in-flight")
      return "bench: " + a + " takes a whole number from 1, got '" + v + "'";
    else if (a == "--data-source")
      o.data_source = v;
    else if (a == "--question")
      o.questions.push_back(v);
    else if (a == "--report")
      o.report = v;
    else if (a == "--pg")
      o.pg = v;
    else if (a == "--echo-user")
      o.echo_user = v;
    else if (a == "--echo-password")
      o.echo_password = v;
    else
      return "bench: unknown option " + a;
  }
  if (o.pg.empty())
    return "bench: --pg CONNINFO is needed (the floor's SELECT 1 runs there)";
  if (o.echo_user.empty())
    return "bench: --echo-user is needed (a NATS user allowed medha.bench.>, for the floor)";
  if (o.questions.empty())
    o.questions = default_questions;
  return o;
}

int run_bench(session& s, nats_client& nats, const std::vector<std::string>& args) {
  auto parsed = parse_bench_args(args);
  if (auto* err = std::get_if<std::string>(&parsed)) {
    std::fprintf(stderr, "medha: %s\n", err->c_str());
    return 2;
  }
  auto& o = std::get<bench_options>(parsed);
  if (o.touch > 0)
    return run_touch(s, nats, o);
  const auto& user = s.opts().user;

  std::string error;
  auto floor = measure_floor(s.opts().nats_url, nats_credentials{o.echo_user, o.echo_password, ""},
                             o.pg, o.floor_samples, error);
  if (!floor) {
    std::fprintf(stderr, "medha: %s\n", error.c_str());
    return 1;
  }

  std::vector<conversation_load> convs(static_cast<size_t>(o.conversations));
  for (auto& c : convs) {
    auto id = s.create_conversation(o.data_source);
    if (!id)
      return 1;
    c.id = *id;
  }
  if (!nats.subscribe(events_subject(user, "*"))) {
    std::fprintf(stderr, "medha: cannot subscribe to %s\n", events_subject(user, "*").c_str());
    return 1;
  }
  std::map<std::string, size_t> by_turn; // turn id -> conversation
  std::mt19937_64 rng{std::random_device{}()};
  auto run_tag = std::to_string(rng() % 1000000000ULL);
  auto send_next = [&](size_t k) {
    auto& c = convs[k];
    auto& q = o.questions[static_cast<size_t>(c.sent) % o.questions.size()];
    c.turn_id = "b" + run_tag + "-" + std::to_string(k) + "-" + std::to_string(c.sent);
    c.pg_ms = -1;
    c.seen = false;
    c.sent += 1;
    by_turn[c.turn_id] = k;
    json::object body{{"v", 1}, {"turn_id", c.turn_id}, {"text", q}};
    c.started = clock_type::now();
    nats.publish(turn_subject(user, c.id), json::serialize(body));
  };

  samples got;
  const size_t total = static_cast<size_t>(o.conversations) * static_cast<size_t>(o.turns);
  size_t done = 0;
  auto began = clock_type::now();
  auto deadline = began + std::chrono::seconds(o.timeout_s);
  for (size_t k = 0; k < convs.size(); ++k)
    send_next(k);
  while (done < total && clock_type::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_type::now());
    auto msg = nats.next(static_cast<int>(std::max<int64_t>(1, left.count())));
    if (!msg)
      break;
    auto now = clock_type::now();
    auto decoded = decode_step_event(*msg);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev)
      continue;
    auto found = by_turn.find(ev->turn_id);
    if (found == by_turn.end())
      continue;
    auto k = found->second;
    if (!take_event(*ev, convs[k], now, got))
      continue;
    by_turn.erase(found);
    done += 1;
    if (convs[k].sent < o.turns)
      send_next(k);
  }
  double seconds = ms_between(began, clock_type::now()) / 1000.0;

  json::object steps;
  for (auto& [name, values] : got.steps)
    steps[name] = spread(values);
  json::object errors;
  size_t error_count = 0;
  for (auto& [code, n] : got.errors) {
    errors[code] = n;
    error_count += n;
  }
  size_t lost = total - done;
  json::object report{
      {"turns", done},
      {"tps", seconds > 0 ? static_cast<double>(done) / seconds : 0.0},
      {"p50_ms", percentile(got.latency, 0.50)},
      {"p95_ms", percentile(got.latency, 0.95)},
      {"p99_ms", percentile(got.latency, 0.99)},
      {"overhead_p50_ms", percentile(got.overhead, 0.50)},
      {"overhead_p99_ms", percentile(got.overhead, 0.99)},
      {"floor_ms", floor->total_ms()},
      {"floor", json::object{{"nats_rtt_ms", floor->nats_rtt_ms},
                             {"pg_select1_ms", floor->pg_select1_ms}}},
      {"steps", std::move(steps)},
      {"conversations", o.conversations},
      {"answers", got.answers},
      {"clarifies", got.clarifies},
      {"errors", std::move(errors)},
      {"lost", lost},
      {"seconds", seconds},
  };
  if (!write_report(json::serialize(report), o.report))
    return 1;
  if (lost > 0)
    std::fprintf(stderr, "medha: %zu of %zu turns got no final event within %d s\n", lost, total,
                 o.timeout_s);
  if (error_count > 0)
    std::fprintf(stderr, "medha: %zu turns ended in an error (see \"errors\")\n", error_count);
  return lost > 0 || error_count > 0 ? 1 : 0;
}

} // namespace medha::client
