// Embedded SQL generation on a large catalog: a synthetic model of 1,000 tables
// (fixed seed, the same on every run) and a mix of question shapes, timed one
// generate() call at a time so the report can give p50 and p99.
//
// Run: medha_benchmarks --benchmark_filter=sqlgen --benchmark_counters_tabular=true
// The first call on a model builds its name index; the cache keeps it for the
// calls after (sqlgen_cold measures the build alone).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/seeded_rng.hpp"
#include "actors/sqlgen/embedded_engine.hpp"

namespace {

using medha::column_info;
using medha::column_role;
using medha::relationship;
using medha::semantic_model;
using medha::table_info;

using rng = medha::seeded_rng;

const std::vector<std::string> nouns = {
  "customer", "order", "product", "invoice", "payment", "shipment", "supplier", "vendor",
  "employee", "department", "ticket", "agent", "account", "contract", "campaign", "lead",
  "opportunity", "warehouse", "store", "territory", "brand", "promotion", "coupon", "refund",
  "subscription", "plan", "license", "asset", "device", "sensor", "session", "visit",
  "budget", "expense", "ledger", "transfer", "loan", "policy", "claim", "patient",
  "appointment", "doctor", "clinic", "course", "student", "teacher", "project", "task",
  "incident", "vehicle",
};
const std::vector<std::string> modifiers = {
  "daily", "monthly", "archived", "pending", "regional", "global", "internal", "external",
  "legacy", "staging", "raw", "clean", "fact", "hist", "current", "annual", "weekly", "core",
  "partner", "retail",
};
const std::vector<std::string> measures = {"amount", "price", "cost", "quantity", "discount",
                                           "score", "weight", "balance", "duration", "margin"};
const std::vector<std::string> categories = {"status", "tier", "segment", "kind", "stage"};
const std::vector<std::string> values = {
  "West", "East", "North", "South", "Gold", "Silver", "Bronze", "Active", "Inactive",
  "Open", "Closed", "Online", "Retail", "Wholesale", "Premium", "Basic", "Enterprise",
  "Consumer", "Corporate", "Urgent",
};

column_info column(std::string name, std::string type, column_role role, bool pk = false) {
  column_info c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.role = role;
  c.primary_key = pk;
  return c;
}

// 1,000 tables "<modifier>_<noun>s", each with a key, a name, two measures, a
// category with values, a date and one or two links to earlier tables.
semantic_model synthetic_model(size_t tables) {
  rng r{42};
  semantic_model m;
  m.data_source = "synthetic";
  m.schema_version = 7;
  for (size_t i = 0; i < tables; ++i) {
    auto noun = nouns[i % nouns.size()];
    auto name = modifiers[(i / nouns.size()) % modifiers.size()] + "_" + noun + "s";
    if (i >= nouns.size() * modifiers.size())
      name += "_" + std::to_string(i);
    table_info t;
    t.name = name;
    t.row_estimate = static_cast<int64_t>(100 + r.below(100000));
    t.columns.push_back(column(noun + "_id", "integer", column_role::identifier, true));
    t.columns.push_back(column("name", "text", column_role::text));
    auto m1 = r.pick(measures), m2 = r.pick(measures);
    t.columns.push_back(column(m1, "numeric", column_role::numeric));
    if (m2 != m1)
      t.columns.push_back(column(m2, "numeric", column_role::numeric));
    auto cat = column(r.pick(categories), "text", column_role::categorical);
    for (int k = 0; k < 4; ++k) {
      auto& v = r.pick(values);
      if (std::find(cat.values.begin(), cat.values.end(), v) == cat.values.end())
        cat.values.push_back(v);
    }
    t.columns.push_back(cat);
    t.columns.push_back(column(noun + "_date", "date", column_role::time));
    size_t links = i == 0 ? 0 : 1 + r.below(2);
    for (size_t k = 0; k < links; ++k) {
      auto& target = m.tables[r.below(m.tables.size())];
      auto fk = target.name + "_id";
      if (t.find_column(fk))
        continue;
      t.columns.push_back(column(fk, "integer", column_role::identifier));
      m.relationships.push_back({name, {fk}, target.name, {target.columns[0].name}, false});
    }
    m.tables.push_back(std::move(t));
  }
  m.metrics.push_back({"revenue", "SUM(retail_orders.amount)", "retail_orders", "", {"sales"}});
  return m;
}

// Questions of every common shape, written from the model's own names.
std::vector<std::string> questions(const semantic_model& m, size_t n) {
  rng r{7};
  std::vector<std::string> out;
  while (out.size() < n) {
    auto& t = m.tables[r.below(m.tables.size())];
    auto words = t.name;
    std::replace(words.begin(), words.end(), '_', ' ');
    auto& measure = t.columns[2].name;
    const column_info* cat = nullptr;
    for (auto& c : t.columns)
      if (c.role == column_role::categorical)
        cat = &c;
    switch (out.size() % 8) {
      case 0: out.push_back("How many " + words + " are there?"); break;
      case 1: out.push_back("total " + measure + " of " + words + " by " + cat->name); break;
      case 2: out.push_back("top 5 " + words + " by " + measure); break;
      case 3: out.push_back("how many " + words + " in 2024"); break;
      case 4: out.push_back("average " + measure + " of " + words + " for " + cat->values[0]); break;
      case 5: out.push_back("list the " + words + " with " + measure + " over 100"); break;
      case 6: out.push_back("monthly " + measure + " of " + words + " last year"); break;
      default: out.push_back("revenue by month in 2024"); break;
    }
  }
  return out;
}

const semantic_model& model() {
  static const semantic_model m = synthetic_model(1000);
  return m;
}

void report(benchmark::State& state, std::vector<double>& micros) {
  std::sort(micros.begin(), micros.end());
  auto at = [&](double p) { return micros[static_cast<size_t>(p * (micros.size() - 1))]; };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = micros.back();
}

// Steady state: the index is cached; each iteration is one question.
void sqlgen_generate(benchmark::State& state) {
  auto& m = model();
  auto qs = questions(m, 400);
  medha::sqlgen::generate(m, qs[0], ""); // warm the cache
  std::vector<double> micros;
  size_t i = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto plan = medha::sqlgen::generate(m, qs[i++ % qs.size()], "");
    benchmark::DoNotOptimize(plan);
    micros.push_back(
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  report(state, micros);
}
BENCHMARK(sqlgen_generate)->Iterations(2000)->Unit(benchmark::kMicrosecond);

// A follow-up edits the previous query structure (carried as JSON).
void sqlgen_follow_up(benchmark::State& state) {
  auto& m = model();
  auto first = medha::sqlgen::generate(m, "total amount of retail orders by status", "");
  std::vector<std::string> follow = {"only 2024", "top 3", "average instead", "by month"};
  std::vector<double> micros;
  size_t i = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto plan = medha::sqlgen::generate(m, follow[i++ % follow.size()], first.query_json);
    benchmark::DoNotOptimize(plan);
    micros.push_back(
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  report(state, micros);
}
BENCHMARK(sqlgen_follow_up)->Iterations(1000)->Unit(benchmark::kMicrosecond);

// A schema the cache has not seen: the first question pays for the index.
void sqlgen_cold(benchmark::State& state) {
  auto m = model();
  for (auto _ : state) {
    ++m.schema_version;
    auto plan = medha::sqlgen::generate(m, "How many retail orders are there?", "");
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(sqlgen_cold)->Iterations(10)->Unit(benchmark::kMillisecond);

} // namespace
