#include "runtime/turn_stats.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/json.hpp>

#include "messages/percentile.hpp"
#include "messages/protocol.hpp"

namespace medha {

namespace json = boost::json;

void turn_stats::publish(const std::string& subject, const std::string& data) {
  // A final event also goes to the turn's reply subject: count the events
  // subject only, so each turn counts once. Counted before it goes out, so a
  // client that has seen the event never reads a count without it.
  if (subject.rfind("medha.events.", 0) == 0)
    record(data);
  inner_->publish(subject, data);
}

void turn_stats::publish_step(const std::string& subject, const std::string& data, bool final) {
  // Only final events count (record() skips the rest after decoding them).
  if (final && subject.rfind("medha.events.", 0) == 0)
    record(data);
  inner_->publish(subject, data);
}

void turn_stats::record(const std::string& data) {
  // It runs between the turn's stored end and its final event going out:
  // one parse of the event, its data read in place (decoding the event
  // would write the data out again, to be parsed a second time here), the
  // tree in one arena.
  unsigned char buffer[16384];
  json::monotonic_resource arena{buffer, sizeof buffer};
  json::error_code ec;
  auto wire = json::parse(data, ec, json::storage_ptr{&arena});
  auto* event = ec ? nullptr : wire.if_object();
  auto* step_field = event ? event->if_contains("step") : nullptr;
  if (!step_field || !step_field->is_string())
    return;
  auto step = step_field->as_string();
  bool answer = step == to_string(step_kind::answer);
  bool clarify = step == to_string(step_kind::clarify);
  bool error = step == to_string(step_kind::error);
  if (!answer && !clarify && !error)
    return;
  double elapsed_ms = 0;
  if (auto* e = event->if_contains("elapsed_ms"); e && e->is_number())
    elapsed_ms = e->to_number<double>();
  auto* payload = event->if_contains("data");
  auto* obj = payload ? payload->if_object() : nullptr;
  std::lock_guard<std::mutex> guard(mutex_);
  ++turns_;
  if (answer)
    ++answers_;
  else if (clarify)
    ++clarifies_;
  if (error) {
    auto* code = obj ? obj->if_contains("code") : nullptr;
    ++errors_[code && code->is_string() ? std::string{code->as_string()} : "unknown"];
  }
  if (auto* strategy = obj ? obj->if_contains("strategy") : nullptr; strategy && strategy->is_string())
    ++strategies_[std::string{strategy->as_string()}];
  if (auto* cache = obj ? obj->if_contains("cache") : nullptr; cache && cache->is_string()) {
    if (cache->as_string() == "hit")
      ++sql_cache_hits_;
    else if (cache->as_string() == "miss")
      ++sql_cache_misses_;
  }
  if (auto* cache = obj ? obj->if_contains("result_cache") : nullptr; cache && cache->is_string()) {
    if (cache->as_string() == "hit")
      ++result_cache_hits_;
    else if (cache->as_string() == "miss")
      ++result_cache_misses_;
  }
  daily_usage::model_calls llm;
  if (auto* usage = obj ? obj->if_contains("usage") : nullptr; usage && usage->is_object()) {
    auto count = [&](const char* key) -> int64_t {
      auto* v = usage->as_object().if_contains(key);
      return v && v->is_int64() ? v->as_int64() : 0;
    };
    ++llm_turns_;
    llm.calls = count("calls");
    llm.input_tokens = count("input_tokens");
    llm.output_tokens = count("output_tokens");
    if (auto* cost = usage->as_object().if_contains("cost"); cost && cost->is_number())
      llm.cost = cost->to_number<double>();
    llm_calls_ += llm.calls;
    input_tokens_ += llm.input_tokens;
    output_tokens_ += llm.output_tokens;
    cost_ += llm.cost;
  }
  days_.add(now_(), elapsed_ms, llm);
  auto add = [this](const std::string& step, double ms) {
    auto& values = latency_[step];
    values.push_back(ms);
    if (values.size() > window_)
      values.pop_front();
    auto& h = histograms_[step];
    auto& bounds = histogram_bounds_ms();
    if (h.buckets.empty())
      h.buckets.assign(bounds.size() + 1, 0);
    auto slot = std::lower_bound(bounds.begin(), bounds.end(), ms) - bounds.begin();
    h.buckets[static_cast<size_t>(slot)] += 1;
    h.count += 1;
    h.sum_ms += ms;
  };
  add("turn", elapsed_ms);
  // Answers carry each stage's time as "<step>_ms" (total_ms is the turn's).
  auto* timings = obj ? obj->if_contains("timings") : nullptr;
  if (timings && timings->is_object())
    for (auto& [key, value] : timings->as_object()) {
      std::string name{key};
      if (name == "total_ms" || name.size() <= 3 || name.compare(name.size() - 3, 3, "_ms") != 0
          || !value.is_number())
        continue;
      add(name.substr(0, name.size() - 3), value.to_number<double>());
    }
}

const std::vector<double>& turn_stats::histogram_bounds_ms() {
  static const std::vector<double> bounds{0.25, 0.5, 1,    2.5,  5,     10,    25,   50,
                                          100,  250, 500,  1000, 2500,  5000,  10000, 30000};
  return bounds;
}

turn_stats::totals turn_stats::current() const {
  std::lock_guard<std::mutex> guard(mutex_);
  totals out;
  out.turns = turns_;
  out.answers = answers_;
  out.clarifies = clarifies_;
  out.errors = errors_;
  out.latency = histograms_;
  out.live_conversations = live_.load(std::memory_order_relaxed);
  return out;
}

std::string turn_stats::snapshot_json(size_t live_conversations) const {
  std::lock_guard<std::mutex> guard(mutex_);
  json::object errors;
  for (auto& [code, n] : errors_)
    errors[code] = n;
  json::object latency;
  for (auto& [step, values] : latency_) {
    std::vector<double> copy(values.begin(), values.end());
    latency[step] = json::object{{"p50", percentile(copy, 0.50)},
                                 {"p99", percentile(copy, 0.99)},
                                 {"samples", copy.size()}};
  }
  json::object strategies;
  for (auto& [name, n] : strategies_)
    strategies[name] = n;
  json::object caches{{"sql", json::object{{"hits", sql_cache_hits_}, {"misses", sql_cache_misses_}}},
                      {"results", json::object{{"hits", result_cache_hits_},
                                               {"misses", result_cache_misses_}}}};
  if (cache_counts_)
    for (auto& [kind, n] : cache_counts_())
      caches[kind] = json::object{{"hits", n.hits}, {"misses", n.misses}};
  json::object llm{{"turns", llm_turns_},
                   {"calls", llm_calls_},
                   {"input_tokens", input_tokens_},
                   {"output_tokens", output_tokens_},
                   {"cost", cost_}};
  return json::serialize(json::object{{"turns", turns_},
                                      {"answers", answers_},
                                      {"clarifies", clarifies_},
                                      {"errors", std::move(errors)},
                                      {"strategies", std::move(strategies)},
                                      {"llm", std::move(llm)},
                                      {"cache", std::move(caches)},
                                      {"latency_ms", std::move(latency)},
                                      {"live_conversations", live_conversations},
                                      {"days", days_.json()}});
}

} // namespace medha
