#include "runtime/prometheus_text.hpp"

#include <cstdio>

namespace medha {

namespace {

// Label values are step names and error codes (tokens), but escape anyway:
// a malformed exposition makes Prometheus drop the whole scrape.
std::string label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.9g", v);
  return buf;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n";
  out += std::string("# TYPE ") + name + " " + type + "\n";
}

} // namespace

std::string prometheus_text(const turn_stats::totals& t) {
  std::string out;
  header(out, "medha_turns_total", "counter", "Turns that ended (a final event went out).");
  out += "medha_turns_total " + std::to_string(t.turns) + "\n";

  header(out, "medha_turn_outcomes_total", "counter", "Turns by how they ended.");
  uint64_t errors = 0;
  for (auto& [code, n] : t.errors)
    errors += n;
  out += "medha_turn_outcomes_total{outcome=\"answer\"} " + std::to_string(t.answers) + "\n";
  out += "medha_turn_outcomes_total{outcome=\"clarify\"} " + std::to_string(t.clarifies) + "\n";
  out += "medha_turn_outcomes_total{outcome=\"error\"} " + std::to_string(errors) + "\n";

  header(out, "medha_errors_total", "counter", "Turns that ended in an error, by error code.");
  for (auto& [code, n] : t.errors)
    out += "medha_errors_total{code=\"" + label(code) + "\"} " + std::to_string(n) + "\n";

  header(out, "medha_live_conversations", "gauge", "Conversation actors in this worker's memory.");
  out += "medha_live_conversations " + std::to_string(t.live_conversations) + "\n";

  header(out, "medha_step_duration_seconds", "histogram",
         "Time per pipeline step of answered turns; step=\"turn\" is the whole turn.");
  auto& bounds = turn_stats::histogram_bounds_ms();
  for (auto& [step, h] : t.latency) {
    auto name = "medha_step_duration_seconds_bucket{step=\"" + label(step) + "\",le=\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < bounds.size(); ++i) {
      cumulative += i < h.buckets.size() ? h.buckets[i] : 0;
      out += name + number(bounds[i] / 1000.0) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += name + "+Inf\"} " + std::to_string(h.count) + "\n";
    out += "medha_step_duration_seconds_sum{step=\"" + label(step) + "\"} "
           + number(h.sum_ms / 1000.0) + "\n";
    out += "medha_step_duration_seconds_count{step=\"" + label(step) + "\"} "
           + std::to_string(h.count) + "\n";
  }
  return out;
}

} // namespace medha
