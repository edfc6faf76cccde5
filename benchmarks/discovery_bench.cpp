// Discovery at catalog scale: index build, rank latency and persistence on a
// synthetic catalog of 1,000 and 10,000 tables (~20 columns each), generated
// from business word lists with a fixed seed so every run sees the same data.
//
// Run: medha_benchmarks --benchmark_filter=discovery
// Growth from 1,000 to 10,000 tables (build time, index memory, rank p50/p99):
//   medha_benchmarks --benchmark_filter='discovery_(build|rank)' --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <malloc.h>
#include <memory>
#include <string>
#include <vector>

#include "runtime/seeded_rng.hpp"
#include "actors/discovery/catalog.hpp"

namespace {

using medha::column_info;
using medha::column_role;
using medha::semantic_model;
using medha::table_info;

using rng = medha::seeded_rng;

const std::vector<std::string> nouns = {
  "customer", "order", "product", "invoice", "payment", "shipment", "supplier", "vendor",
  "employee", "department", "salary", "ticket", "agent", "account", "contract", "campaign",
  "lead", "opportunity", "warehouse", "inventory", "store", "region", "territory", "channel",
  "category", "brand", "promotion", "coupon", "refund", "return", "subscription", "plan",
  "license", "asset", "device", "sensor", "reading", "event", "session", "visit", "page",
  "click", "impression", "budget", "expense", "ledger", "journal", "transaction", "transfer",
  "loan", "policy", "claim", "patient", "appointment", "prescription", "doctor", "clinic",
  "course", "student", "enrollment", "grade", "teacher", "project", "task", "milestone",
  "sprint", "release", "incident", "alert", "vehicle", "route", "driver", "trip", "fuel",
  "booking", "reservation", "room", "guest", "flight", "passenger", "carrier", "parcel",
  "article", "author", "comment", "review", "survey", "response", "question", "partner",
  "reseller", "quote", "forecast", "target", "quota", "commission", "timesheet", "shift",
};
const std::vector<std::string> modifiers = {
  "daily", "monthly", "archived", "pending", "regional", "global", "internal", "external",
  "legacy", "staging", "raw", "clean", "fact", "dim", "hist", "current", "annual", "weekly",
};
const std::vector<std::string> attributes = {
  "name", "code", "status", "type", "amount", "total", "price", "cost", "quantity",
  "discount", "tax", "currency", "country", "city", "email", "phone", "score", "rating",
  "priority", "level", "count", "duration", "weight", "volume", "balance", "margin",
  "revenue", "description", "notes", "source", "segment", "tier", "stage", "reason",
};
const std::vector<std::string> category_suffixes = {"status", "type", "tier", "region",
                                                    "segment"};
const std::vector<std::string> time_suffixes = {"date", "created_at", "updated_at", "closed_at",
                                                "started_on", "due_date"};
const std::vector<std::string> values = {
  "West", "East", "North", "South", "Gold", "Silver", "Bronze", "Platinum", "Active",
  "Inactive", "Open", "Closed", "Online", "Retail", "Wholesale", "Premium", "Basic",
  "Enterprise", "Consumer", "Corporate", "Germany", "France", "Brazil", "Japan", "Canada",
  "Mobile", "Desktop", "Email", "Partner", "Direct", "Low", "Medium", "High", "Urgent",
};
const std::vector<std::string> comment_words = {
  "the", "amount", "of", "each", "record", "in", "local", "currency", "when", "customer",
  "placed", "last", "change", "to", "status", "reference", "used", "for", "reporting",
  "billing", "audit", "sync", "from", "upstream", "system", "nightly", "load",
};

std::string plural(const std::string& noun) {
  if (noun.back() == 'y')
    return noun.substr(0, noun.size() - 1) + "ies";
  if (noun.back() == 's' || noun.back() == 'h')
    return noun + "es";
  return noun + "s";
}

std::string sentence(rng& r, size_t words) {
  std::string s;
  for (size_t i = 0; i < words; ++i)
    s += (i ? " " : "") + r.pick(comment_words);
  return s;
}

std::vector<std::shared_ptr<const semantic_model>> synthetic_catalog(size_t tables) {
  rng r{42};
  const size_t per_source = 200;
  std::vector<std::shared_ptr<const semantic_model>> out;
  for (size_t first = 0, s = 0; first < tables; first += per_source, ++s) {
    auto m = std::make_shared<semantic_model>();
    m->data_source = "source_" + std::to_string(s) + "_" + r.pick(nouns);
    m->description = "Operational data about " + plural(r.pick(nouns)) + " and "
                     + plural(r.pick(nouns));
    const size_t n = std::min(per_source, tables - first);
    for (size_t t = 0; t < n; ++t) {
      table_info ti;
      const auto& noun = r.pick(nouns);
      ti.name = (r.below(3) == 0 ? r.pick(modifiers) + "_" : std::string{}) + plural(noun) + "_"
                + std::to_string(t);
      if (r.below(4) == 0)
        ti.comment = sentence(r, 6);
      column_info key;
      key.name = noun + "_id";
      key.type = "bigint";
      key.role = column_role::identifier;
      key.primary_key = true;
      ti.columns.push_back(std::move(key));
      for (size_t c = 1; c < 20; ++c) {
        column_info ci;
        switch (r.below(6)) {
          case 1:
            ci.name = r.pick(time_suffixes);
            ci.type = "date";
            ci.role = column_role::time;
            break;
          case 2: // a categorical column with sampled values
            ci.name = r.pick(nouns) + "_" + r.pick(category_suffixes);
            ci.type = "text";
            ci.role = column_role::categorical;
            for (size_t v = 0, k = 3 + r.below(6); v < k; ++v)
              ci.values.push_back(r.pick(values));
            break;
          case 0: // a foreign key into an earlier table of the source
            if (t > 0) {
              const auto& target = m->tables[r.below(t)];
              ci.name = target.columns[0].name;
              ci.type = "bigint";
              ci.role = column_role::identifier;
              m->relationships.push_back(
                medha::relationship{ti.name, {ci.name}, target.name, {ci.name}, false});
              break;
            }
            [[fallthrough]]; // the first table has nothing to point at
          default:
            ci.name = r.pick(nouns) + "_" + r.pick(attributes);
            ci.type = "numeric";
            ci.role = column_role::numeric;
        }
        if (r.below(3) == 0)
          ci.comment = sentence(r, 5);
        // Keep names unique within the table, as PostgreSQL would.
        if (ti.find_column(ci.name))
          ci.name += "_" + std::to_string(c);
        ti.columns.push_back(std::move(ci));
      }
      m->tables.push_back(std::move(ti));
    }
    for (size_t k = 0; k < 5; ++k) {
      const auto& t = m->tables[r.below(m->tables.size())];
      m->metrics.push_back(medha::metric{r.pick(nouns) + "_" + r.pick(attributes), "SUM(1)",
                                         t.name, sentence(r, 4), {r.pick(nouns)}});
      m->glossary.push_back(medha::glossary_term{r.pick(nouns), t.name, {r.pick(nouns)}});
    }
    out.push_back(std::move(m));
  }
  return out;
}

// Questions a person might type: a few business words, sometimes a value, a
// misspelling, or a word the catalog has never seen.
std::vector<std::string> synthetic_questions(size_t count) {
  rng r{7};
  const std::vector<std::string> openers = {"show", "total", "average", "how many", "list",
                                            "top 10", ""};
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) {
    std::string q = r.pick(openers) + " " + plural(r.pick(nouns)) + " by " + r.pick(attributes);
    switch (r.below(5)) {
      case 0: q += " in " + r.pick(values); break;
      case 1: { // drop a letter: a typo
        auto w = plural(r.pick(nouns));
        w.erase(1 + r.below(w.size() - 2), 1);
        q += " for " + w;
        break;
      }
      case 2: q += " last year per " + r.pick(nouns); break;
      case 3: q += " hello wibble"; break;
      default: break;
    }
    out.push_back(std::move(q));
  }
  return out;
}

// Heap in use: small blocks in the arenas plus large blocks malloc maps on
// its own (uordblks alone misses every vector above the mmap threshold).
size_t heap_in_use() {
  const auto m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

void discovery_build(benchmark::State& state) {
  const auto models = synthetic_catalog(static_cast<size_t>(state.range(0)));
  size_t columns = 0;
  for (auto& m : models)
    for (auto& t : m->tables)
      columns += t.columns.size();
  double heap_mib = 0;
  for (auto _ : state) {
    const auto before = heap_in_use();
    medha::discovery::catalog c;
    for (auto& m : models)
      c.add(m);
    heap_mib = static_cast<double>(heap_in_use() - before) / (1024.0 * 1024.0);
    benchmark::DoNotOptimize(c.table_count());
  }
  // The models themselves (what introspection holds anyway) and the index
  // built over them: together the catalog's memory.
  const auto before_models = heap_in_use();
  auto copies = synthetic_catalog(static_cast<size_t>(state.range(0)));
  const double models_mib = static_cast<double>(heap_in_use() - before_models) / (1024.0 * 1024.0);
  benchmark::DoNotOptimize(copies.data());
  state.counters["columns"] = static_cast<double>(columns);
  state.counters["index_MiB"] = heap_mib;
  state.counters["models_MiB"] = models_mib;
  state.counters["total_MiB"] = models_mib + heap_mib;
}
BENCHMARK(discovery_build)->Arg(1000)->Arg(2500)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Per-query latency percentiles, wall clock and thread CPU time: on a shared
// machine the wall-clock tail measures the scheduler as much as the code.
double thread_cpu_us() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

double percentile(std::vector<double>& v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

void discovery_rank(benchmark::State& state) {
  const auto models = synthetic_catalog(static_cast<size_t>(state.range(0)));
  medha::discovery::catalog c;
  for (auto& m : models)
    c.add(m);
  const auto questions = synthetic_questions(500);
  std::vector<double> wall;
  std::vector<double> cpu;
  wall.reserve(1 << 16);
  cpu.reserve(1 << 16);
  size_t i = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const auto cpu_start = thread_cpu_us();
    auto r = c.rank(questions[i++ % questions.size()]);
    cpu.push_back(thread_cpu_us() - cpu_start);
    wall.push_back(
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    benchmark::DoNotOptimize(r.sources.data());
  }
  state.counters["wall_p50_us"] = percentile(wall, 0.50);
  state.counters["wall_p99_us"] = percentile(wall, 0.99);
  state.counters["cpu_p50_us"] = percentile(cpu, 0.50);
  state.counters["cpu_p99_us"] = percentile(cpu, 0.99);
  state.counters["cpu_max_us"] = cpu.empty() ? 0 : cpu.back();
}
BENCHMARK(discovery_rank)->Arg(1000)->Arg(2500)->Arg(5000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void discovery_load(benchmark::State& state) {
  const auto models = synthetic_catalog(static_cast<size_t>(state.range(0)));
  medha::discovery::catalog c;
  for (auto& m : models)
    c.add(m);
  const auto saved = c.save();
  for (auto _ : state) {
    auto loaded = medha::discovery::catalog::load(saved);
    benchmark::DoNotOptimize(loaded->table_count());
  }
  state.counters["saved_MiB"] = static_cast<double>(saved.size()) / (1024.0 * 1024.0);
}
BENCHMARK(discovery_load)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace
