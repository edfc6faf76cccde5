// medha eval --discovery-only: how well discovery finds a question's data
// source and tables. Every question of the suite goes to the workers' discover
// API; its gold SQL says which data source (db_name) and tables (parsed with
// libpg_query) the ranking should put first.

#include "runtime/client/discovery_eval.hpp"

#include "messages/percentile.hpp"

#include "runtime/client/eval_judge.hpp"
#include "runtime/client/eval_suite.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <boost/json.hpp>
#include <pg_query.h>

namespace medha::client {

namespace json = boost::json;

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return s;
}

void collect(const json::value& v, std::set<std::string>& relations, std::set<std::string>& ctes) {
  if (v.is_array()) {
    for (auto& e : v.as_array())
      collect(e, relations, ctes);
    return;
  }
  if (!v.is_object())
    return;
  for (auto& [key, value] : v.as_object()) {
    if (key == "RangeVar" && value.is_object()) {
      if (auto* name = value.as_object().if_contains("relname"); name && name->is_string())
        relations.insert(lower(std::string{name->as_string()}));
    } else if (key == "CommonTableExpr" && value.is_object()) {
      if (auto* name = value.as_object().if_contains("ctename"); name && name->is_string())
        ctes.insert(lower(std::string{name->as_string()}));
    }
    collect(value, relations, ctes);
  }
}

struct question_case {
  std::string db;
  std::string question;
  std::string gold;
};

// Every turn of the suite is one question (discovery needs no conversation).
bool load_questions(const std::string& path, std::vector<question_case>& out, std::string& error) {
  std::vector<suite_case> cases;
  if (!load_suite(path, cases, error))
    return false;
  for (auto& c : cases)
    for (auto& t : c.turns)
      out.push_back({c.db, t.question, t.gold});
  return true;
}

struct tally {
  size_t total = 0, top1 = 0, recall = 0, failed = 0;
  std::map<std::string, size_t> confused_with; // wrong first source -> times
};

} // namespace

std::vector<std::vector<std::string>> gold_tables(const std::string& gold) {
  std::vector<std::vector<std::string>> out;
  // Brace subsets differ only in the select list: their tables are the same.
  for (auto& statement : expand_gold(gold)) {
    auto parsed = pg_query_parse(statement.c_str());
    if (!parsed.error && parsed.parse_tree) {
      json::error_code ec;
      auto tree = json::parse(parsed.parse_tree, ec);
      if (!ec) {
        std::set<std::string> relations, ctes;
        collect(tree, relations, ctes);
        std::vector<std::string> tables;
        for (auto& r : relations)
          if (!ctes.count(r))
            tables.push_back(r);
        if (!tables.empty() && std::find(out.begin(), out.end(), tables) == out.end())
          out.push_back(std::move(tables));
      }
    }
    pg_query_free_parse_result(parsed);
  }
  return out;
}

discovery_verdict judge_discovery(const std::vector<ranked_source>& ranking, const std::string& db,
                                  const std::vector<std::vector<std::string>>& gold, size_t k) {
  discovery_verdict v;
  v.source_top1 = !ranking.empty() && ranking[0].data_source == db;
  auto it = std::find_if(ranking.begin(), ranking.end(),
                         [&](const ranked_source& s) { return s.data_source == db; });
  if (it == ranking.end())
    return v;
  std::set<std::string> top;
  for (size_t i = 0; i < it->tables.size() && i < k; ++i)
    top.insert(lower(it->tables[i]));
  for (auto& alternative : gold) {
    if (std::all_of(alternative.begin(), alternative.end(),
                    [&](const std::string& t) { return top.count(t) > 0; })) {
      v.table_recall = true;
      break;
    }
  }
  return v;
}

int run_discovery_eval(session& s, const eval_options& options) {
  const auto& suite = options.suite;
  const auto& report = options.report;
  const auto& only_db = options.only_db;
  const auto limit = options.limit;
  const bool verbose = options.verbose;
  std::vector<question_case> cases;
  std::string error;
  if (!load_questions(suite, cases, error)) {
    std::fprintf(stderr, "medha eval: %s\n", error.c_str());
    return 2;
  }

  tally all;
  std::map<std::string, tally> by_db;
  std::vector<double> lookup_ms, round_trip_ms;
  size_t unparsed = 0, clear_winners = 0, done = 0;
  for (auto& c : cases) {
    if (!only_db.empty() && c.db != only_db)
      continue;
    if (done++ >= limit)
      break;
    auto& db = by_db[c.db];
    ++all.total;
    ++db.total;
    auto gold = gold_tables(c.gold);
    if (gold.empty())
      ++unparsed;

    const auto start = std::chrono::steady_clock::now();
    auto reply = s.api("discover", json::serialize(json::object{{"v", 1}, {"question", c.question}}));
    const double rtt = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                                 - start)
                         .count();
    std::vector<ranked_source> ranking;
    bool ok = false;
    if (reply) {
      json::error_code ec;
      auto v = json::parse(*reply, ec);
      if (!ec && v.is_object()) {
        auto& o = v.as_object();
        auto* okv = o.if_contains("ok");
        ok = okv && okv->is_bool() && okv->as_bool();
        if (ok) {
          round_trip_ms.push_back(rtt);
          if (auto* ms = o.if_contains("lookup_ms"); ms && ms->is_number())
            lookup_ms.push_back(ms->to_number<double>());
          if (auto* cw = o.if_contains("clear_winner"); cw && cw->is_bool() && cw->as_bool())
            ++clear_winners;
          if (auto* sources = o.if_contains("sources"); sources && sources->is_array())
            for (auto& sv : sources->as_array()) {
              if (!sv.is_object())
                continue;
              ranked_source rs;
              if (auto* n = sv.as_object().if_contains("data_source"); n && n->is_string())
                rs.data_source = std::string{n->as_string()};
              if (auto* ts = sv.as_object().if_contains("tables"); ts && ts->is_array())
                for (auto& tv : ts->as_array())
                  if (tv.is_object())
                    if (auto* n = tv.as_object().if_contains("table"); n && n->is_string())
                      rs.tables.push_back(std::string{n->as_string()});
              ranking.push_back(std::move(rs));
            }
        } else if (all.failed == 0) {
          std::fprintf(stderr, "medha eval: discover failed: %s\n", reply->c_str());
        }
      }
    }
    if (!ok) {
      ++all.failed;
      ++db.failed;
    }
    auto verdict = judge_discovery(ranking, c.db, gold);
    all.top1 += verdict.source_top1;
    db.top1 += verdict.source_top1;
    all.recall += verdict.table_recall;
    db.recall += verdict.table_recall;
    if (!verdict.source_top1 && !ranking.empty())
      ++db.confused_with[ranking[0].data_source];

    if (verbose && (!verdict.source_top1 || !verdict.table_recall)) {
      std::printf("[%s%s] %s: %s\n", verdict.source_top1 ? "source ok" : "SOURCE",
                  verdict.table_recall ? "" : " TABLES", c.db.c_str(), c.question.c_str());
      std::string want;
      for (auto& t : gold.empty() ? std::vector<std::string>{} : gold[0])
        want += (want.empty() ? "" : ", ") + t;
      std::printf("    gold tables: %s\n", want.empty() ? "(unparsed)" : want.c_str());
      for (size_t i = 0; i < ranking.size() && i < 3; ++i) {
        std::string tables;
        for (auto& t : ranking[i].tables)
          tables += (tables.empty() ? "" : ", ") + t;
        std::printf("    %zu. %s: %s\n", i + 1, ranking[i].data_source.c_str(), tables.c_str());
      }
    }
  }

  auto ratio = [](size_t a, size_t b) { return b ? double(a) / double(b) : 0.0; };
  std::printf("\n%-20s %6s %11s %17s  %s\n", "database", "total", "source_top1",
              "table_recall_at_5", "most often ranked first instead");
  json::object per_db;
  for (auto& [name, t] : by_db) {
    std::string confusion;
    size_t worst = 0;
    for (auto& [other, n] : t.confused_with)
      if (n > worst) {
        worst = n;
        confusion = other + " (" + std::to_string(n) + ")";
      }
    std::printf("%-20s %6zu %11.3f %17.3f  %s\n", name.c_str(), t.total, ratio(t.top1, t.total),
                ratio(t.recall, t.total), confusion.c_str());
    per_db[name] = json::object{{"total", t.total},
                                {"source_top1", ratio(t.top1, t.total)},
                                {"table_recall_at_5", ratio(t.recall, t.total)}};
  }
  const double p50 = percentile(lookup_ms, 0.50), p99 = percentile(lookup_ms, 0.99);
  const double rtt50 = percentile(round_trip_ms, 0.50), rtt99 = percentile(round_trip_ms, 0.99);
  std::printf("%-20s %6zu %11.3f %17.3f\n", "overall", all.total, ratio(all.top1, all.total),
              ratio(all.recall, all.total));
  std::printf("lookup (discovery actor): p50 %.3f ms, p99 %.3f ms; round trip: p50 %.3f ms, "
              "p99 %.3f ms\n",
              p50, p99, rtt50, rtt99);
  if (all.failed)
    std::printf("%zu discover calls failed\n", all.failed);
  if (unparsed)
    std::printf("%zu gold queries did not parse (table recall counts them as misses)\n", unparsed);

  if (!report.empty()) {
    json::object o{{"total", all.total},
                   {"source_top1", ratio(all.top1, all.total)},
                   {"table_recall_at_5", ratio(all.recall, all.total)},
                   {"p50_ms", p50},
                   {"p99_ms", p99},
                   {"round_trip_p50_ms", rtt50},
                   {"round_trip_p99_ms", rtt99},
                   {"clear_winner", ratio(clear_winners, all.total)},
                   {"failed", all.failed},
                   {"gold_unparsed", unparsed},
                   {"by_database", std::move(per_db)}};
    std::ofstream out{report};
    out << json::serialize(o) << "\n";
    if (!out) {
      std::fprintf(stderr, "medha eval: cannot write %s\n", report.c_str());
      return 1;
    }
  }
  return all.failed == all.total && all.total > 0 ? 1 : 0;
}

} // namespace medha::client
