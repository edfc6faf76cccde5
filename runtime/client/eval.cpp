// medha eval: sends every question of a suite through the real pipeline
// (NATS, worker, PostgreSQL) and judges the answers by execution accuracy.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "runtime/client/commands.hpp"
#include "runtime/client/discovery_eval.hpp"
#include "runtime/client/eval_judge.hpp"
#include "runtime/client/eval_suite.hpp"

namespace medha::client {

namespace json = boost::json;

namespace {

// Runs SQL read-only; nullopt (with the reason) when it fails.
std::optional<result_table> run_sql(const std::string& conninfo, const std::string& sql,
                                    std::string& error) {
  try {
    pqxx::connection conn{conninfo};
    pqxx::work tx{conn};
    tx.exec("SET TRANSACTION READ ONLY");
    tx.exec("SET LOCAL statement_timeout = 20000");
    auto res = tx.exec(sql);
    result_table t;
    for (pqxx::row::size_type c = 0; c < res.columns(); ++c)
      t.columns.push_back(res.column_name(c));
    for (auto row : res) {
      std::vector<std::optional<std::string>> cells;
      for (auto f : row)
        cells.push_back(f.is_null() ? std::nullopt : std::optional<std::string>{f.c_str()});
      t.rows.push_back(std::move(cells));
    }
    return t;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

struct tally {
  size_t total = 0, answered = 0, correct = 0;
};

// Confidence buckets of the calibration table: [0.9, 1], [0.8, 0.9), ... [0, 0.5).
constexpr double bucket_floors[] = {0.9, 0.8, 0.7, 0.6, 0.5, 0.0};

size_t bucket_of(double confidence) {
  size_t i = 0;
  while (i + 1 < std::size(bucket_floors) && confidence < bucket_floors[i])
    ++i;
  return i;
}

// Which path wrote an answer's SQL, from its event: the model (a "cache hit"
// when the shared cache spared the call), a verified example, or the engine.
std::string answer_path(const json::object& data) {
  auto text = [&](const char* key) {
    auto* v = data.if_contains(key);
    return v && v->is_string() ? std::string{v->as_string()} : std::string{};
  };
  auto strategy = text("strategy");
  if (strategy == "llm")
    return text("cache") == "hit" ? "llm (cache hit)" : "llm";
  if (text("strategy_reason").find("verified example") != std::string::npos)
    return "verified example";
  return strategy.empty() ? "embedded" : strategy;
}

} // namespace

int run_eval(session& s, const std::vector<std::string>& args) {
  std::string error;
  auto parsed = parse_eval_options(args, error);
  if (!parsed) {
    std::fprintf(stderr, "medha eval: %s\n", error.c_str());
    return 2;
  }
  if (parsed->discovery_only)
    return run_discovery_eval(s, *parsed);
  const auto& suite = parsed->suite;
  const auto& report = parsed->report;
  const auto& pg = parsed->pg;
  const auto& only_db = parsed->only_db;
  const auto limit = parsed->limit;
  const bool verbose = parsed->verbose;
  std::vector<suite_case> cases;
  if (!load_suite(suite, cases, error)) {
    std::fprintf(stderr, "medha eval: %s\n", error.c_str());
    return 2;
  }
  tally all;
  std::map<std::string, tally> by_category;
  std::vector<tally> by_confidence(std::size(bucket_floors));
  std::map<std::string, tally> by_path; // answered turns per path; `total` unused
  std::vector<double> latencies;
  size_t done = 0;
  for (auto& c : cases) {
    if (!only_db.empty() && c.db != only_db)
      continue;
    if (done++ >= limit)
      break;
    auto conv = s.create_conversation(c.db);
    for (auto& t : c.turns) {
      auto& cat = by_category[c.category];
      ++all.total;
      ++cat.total;
      if (!conv)
        continue;
      auto start = std::chrono::steady_clock::now();
      auto out = s.ask(*conv, t.question, "", false);
      latencies.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      std::string verdict = "not answered";
      std::string sql, path, explanation;
      double confidence = -1;
      if (out.finished && out.final_event.step == step_kind::answer) {
        ++all.answered;
        ++cat.answered;
        auto data = json::parse(out.final_event.data_json).as_object();
        sql = std::string{data.at("sql").as_string()};
        if (auto* e = data.if_contains("explanation"); e && e->is_string())
          explanation = std::string{e->as_string()};
        if (auto* c = data.if_contains("confidence"); c && c->is_number())
          confidence = c->to_number<double>();
        auto& bucket = by_confidence[bucket_of(confidence)];
        ++bucket.answered;
        path = answer_path(data);
        auto& answered_by = by_path[path];
        ++answered_by.answered;
        auto conninfo = pg + " dbname=" + c.db;
        auto candidate = run_sql(conninfo, sql, error);
        bool ok = false;
        for (auto& gold_sql : expand_gold(t.gold)) {
          std::string gold_error;
          auto gold = run_sql(conninfo, gold_sql, gold_error);
          if (gold && candidate && results_match(*gold, *candidate, order_matters(t.question, gold_sql))) {
            ok = true;
            break;
          }
        }
        verdict = ok ? "correct" : "wrong";
        if (ok) {
          ++all.correct;
          ++cat.correct;
          ++bucket.correct;
          ++answered_by.correct;
        }
      } else if (out.finished) {
        verdict = std::string{"not answered ("} + to_string(out.final_event.step) + ")";
        // Why it was not answered: what the engine said, the routing's
        // reason (a genuine ambiguity for the user, the engine abstaining)
        // and the choices offered.
        json::error_code ec;
        auto data = json::parse(out.final_event.data_json, ec);
        auto* o = ec ? nullptr : data.if_object();
        if (auto* text = o ? o->if_contains("text") : nullptr; text && text->is_string())
          sql = "(" + std::string{text->as_string()} + ")";
        auto* reason = o ? o->if_contains("strategy_reason") : nullptr;
        if (reason && reason->is_string())
          sql += (sql.empty() ? "(" : " (") + std::string{reason->as_string()} + ")";
        auto* choices = reason ? o->if_contains("choices") : nullptr;
        for (auto& c : choices && choices->is_array() ? choices->as_array() : json::array{})
          if (auto* label = c.is_object() ? c.as_object().if_contains("label") : nullptr;
              label && label->is_string())
            sql += " | " + std::string{label->as_string()};
      }
      if (confidence >= 0)
        verdict += " " + std::to_string(confidence).substr(0, 4);
      if (!path.empty())
        verdict += " " + path;
      if (verbose) {
        std::printf("[%s] %s/%s: %s\n    %s\n", verdict.c_str(), c.db.c_str(), c.category.c_str(),
                    t.question.c_str(), sql.empty() ? "-" : sql.c_str());
        // How the engine read it, so a wrong answer can be traced to the word misread.
        if (!explanation.empty())
          std::printf("    = %s\n", explanation.c_str());
      }
    }
  }
  auto ratio = [](size_t a, size_t b) { return b ? double(a) / double(b) : 0.0; };
  std::printf("\n%-16s %6s %8s %8s %7s %9s\n", "category", "total", "answered", "correct", "ex", "precision");
  json::object cats;
  for (auto& [name, t] : by_category) {
    std::printf("%-16s %6zu %8zu %8zu %7.3f %9.3f\n", name.c_str(), t.total, t.answered, t.correct,
                ratio(t.correct, t.total), ratio(t.correct, t.answered));
    cats[name] = json::object{{"total", t.total}, {"answered", t.answered}, {"correct", t.correct}};
  }
  std::printf("%-16s %6zu %8zu %8zu %7.3f %9.3f\n", "overall", all.total, all.answered, all.correct,
              ratio(all.correct, all.total), ratio(all.correct, all.answered));
  std::printf("\ncalibration: confidence  answered  correct\n");
  json::array calibration;
  for (size_t i = 0; i < by_confidence.size(); ++i) {
    double top = i == 0 ? 1.0 : bucket_floors[i - 1];
    std::printf("             [%.1f, %.1f%c %8zu %8zu\n", bucket_floors[i], top, i == 0 ? ']' : ')',
                by_confidence[i].answered, by_confidence[i].correct);
    calibration.push_back(json::object{{"min", bucket_floors[i]},
                                       {"max", top},
                                       {"answered", by_confidence[i].answered},
                                       {"correct", by_confidence[i].correct}});
  }
  std::printf("\nanswered by     answered  correct\n");
  json::object paths;
  for (auto& [name, t] : by_path) {
    std::printf("%-16s %8zu %8zu\n", name.c_str(), t.answered, t.correct);
    paths[name] = json::object{{"answered", t.answered}, {"correct", t.correct}};
  }
  std::sort(latencies.begin(), latencies.end());
  double p50 = latencies.empty() ? 0 : latencies[latencies.size() / 2];
  double p99 = latencies.empty() ? 0 : latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
  std::printf("turn latency end to end: p50 %.1f ms, p99 %.1f ms\n", p50, p99);
  if (!report.empty()) {
    json::object o{{"total", all.total},
                   {"answered", all.answered},
                   {"correct", all.correct},
                   {"ex", ratio(all.correct, all.total)},
                   {"precision", ratio(all.correct, all.answered)},
                   {"by_category", std::move(cats)},
                   {"calibration", std::move(calibration)},
                   {"by_path", std::move(paths)},
                   {"turn_p50_ms", p50},
                   {"turn_p99_ms", p99}};
    std::ofstream{report} << json::serialize(o) << "\n";
  }
  return 0;
}

} // namespace medha::client
