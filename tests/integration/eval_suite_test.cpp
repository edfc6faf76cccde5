// Accuracy suites end to end: `medha eval` as a process against a real medhad,
// nats-server and PostgreSQL, judged by execution accuracy.
//
// - sales: tests/eval/sales_conversations.jsonl (multi-turn conversations over
//   the sample sales database); the execution accuracy must not fall below a floor.
// - defog: the external suite in <shared>/eval/defog, when present; only checks
//   that every question got a final event and that the report is well-formed,
//   and prints the figures.

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

// The engine issue's floors (a general engine may lose some of what was tuned
// on these suites, but not this much). The engine and the data are
// deterministic, so these do not flake. Measured figures: tests/eval/README.md.
constexpr double sales_ex_floor = 0.95;
constexpr double defog_precision_floor = 0.95;
constexpr double defog_ex_floor = 0.60;
constexpr double defog_grouping_ex_floor = 0.70;
// Blind suites: the figures at the end of the round that wrote them, less a
// margin; see tests/eval/README.md.
constexpr double blind_precision_floor = 0.95;
constexpr double blind_ex_floor = 0.58;
// Third blind round (wholesale, media; first run 0.397 / 0.806, now about 0.80 / 0.98).
// Fourth blind round (music, airline; first run 0.411 / 0.795, now about 0.53 / 0.99).
constexpr double blind4_precision_floor = 0.95;
constexpr double blind4_ex_floor = 0.48;
// Rounds five to seven: their first runs and where they stand now are in
// tests/eval/README.md; the floors sit a little under the latter.
constexpr double blind5_precision_floor = 0.95;
constexpr double blind5_ex_floor = 0.60;
constexpr double blind6_precision_floor = 0.90;
constexpr double blind6_ex_floor = 0.38;
constexpr double blind7_precision_floor = 0.80;
constexpr double blind7_ex_floor = 0.33;
// The eighth and ninth rounds, measured after this session's changes made
// for them (first runs: 0.797 / 0.443 and 0.826 / 0.539).
constexpr double blind8_precision_floor = 0.90;
constexpr double blind8_ex_floor = 0.48;
constexpr double blind9_precision_floor = 0.88;
constexpr double blind9_ex_floor = 0.55;
// Rounds ten to twelve, after this session's general mechanisms (first runs:
// 0.797 / 0.375, 0.736 / 0.353, 0.929 / 0.315; tests/eval/README.md).
constexpr double blind10_precision_floor = 0.85;
constexpr double blind10_ex_floor = 0.36;
constexpr double blind11_precision_floor = 0.82;
constexpr double blind11_ex_floor = 0.36;
constexpr double blind12_precision_floor = 0.92;
constexpr double blind12_ex_floor = 0.30;
// Round thirteen (first run 0.759 / 0.278), then general mechanisms, some
// drawn from its failures (measured here with only its own databases).
constexpr double blind13_precision_floor = 0.76;
constexpr double blind13_ex_floor = 0.36;
// Round fourteen (first run 0.776 / 0.298), then the fixes drawn from it.
constexpr double blind14_precision_floor = 0.80;
constexpr double blind14_ex_floor = 0.29;
// Round fifteen (first run 0.559 / 0.093), then general mechanisms, some
// drawn from its kinds of failure: 0.900 / 0.132 with its own databases.
constexpr double blind15_precision_floor = 0.85;
constexpr double blind15_ex_floor = 0.12;
// Round sixteen (first run 0.625 / 0.025; tables named in short forms),
// then general mechanisms, short names read through the schema's comments
// among them: 0.778 / 0.069 with its own databases.
constexpr double blind16_precision_floor = 0.74;
constexpr double blind16_ex_floor = 0.06;
// Round seventeen (first run 0.620 / 0.155), then general mechanisms, some
// drawn from its kinds of failure: 0.833 / 0.200 with its own databases
// (172aaf8), 0.889 / 0.200 with every round's (3115e7a).
constexpr double blind17_precision_floor = 0.80;
constexpr double blind17_ex_floor = 0.18;
// Round eighteen (first run 0.652 / 0.149), then general mechanisms, some
// drawn from its kinds of failure: 0.795 / 0.174 with its own databases
// (e07b5c5).
constexpr double blind18_precision_floor = 0.75;
constexpr double blind18_ex_floor = 0.15;
// Rounds nineteen to twenty-one (first runs 0.597 / 0.099 for nineteen and
// twenty together, 0.581 / 0.123 for twenty-one), then general mechanisms,
// some drawn from their kinds of failure: 0.692 / 0.087, 0.719 / 0.116 and
// 0.722 / 0.128 with every round's databases (849ab93); floors below those.
constexpr double blind19_precision_floor = 0.55;
constexpr double blind19_ex_floor = 0.06;
constexpr double blind20_precision_floor = 0.60;
constexpr double blind20_ex_floor = 0.09;
constexpr double blind21_precision_floor = 0.60;
constexpr double blind21_ex_floor = 0.10;
// Rounds twenty-two and twenty-three (first runs 0.526 / 0.050 and 0.433 /
// 0.066), then general mechanisms, some drawn from their kinds of failure:
// 0.625 / 0.050 and 0.765 / 0.066 with their own databases (7367b35).
constexpr double blind22_precision_floor = 0.50;
constexpr double blind22_ex_floor = 0.04;
constexpr double blind23_precision_floor = 0.65;
constexpr double blind23_ex_floor = 0.05;
// Rounds twenty-four and twenty-five (first runs 0.639 / 0.115 and 0.235 /
// 0.020, at bae774e), then general mechanisms, some drawn from their kinds
// of failure: 0.793 / 0.115 and 0.500 / 0.040 with their own databases
// (c89d829).
constexpr double blind24_precision_floor = 0.75;
constexpr double blind24_ex_floor = 0.10;
constexpr double blind25_precision_floor = 0.45;
constexpr double blind25_ex_floor = 0.03;
// Rounds twenty-six and twenty-seven (first runs 0.722 / 0.065 and 0.533 /
// 0.081, at c89d829), then general mechanisms, some drawn from their kinds
// of failure: 0.765 / 0.065 and 0.962 / 0.126 with their own databases
// (bdaaa9a).
constexpr double blind26_precision_floor = 0.70;
constexpr double blind26_ex_floor = 0.06;
constexpr double blind27_precision_floor = 0.90;
constexpr double blind27_ex_floor = 0.11;
// Rounds twenty-eight to thirty-three (first runs 0.375 / 0.037 for 28 and
// 29 together, 0.605 / 0.065 for 30 and 31, 0.600 / 0.045 for 32 and 0.444 /
// 0.060 for 33, each with every round's databases), then general mechanisms,
// some drawn from rounds 30, 31 and 33, none from 32: with their own
// databases 0.556 / 0.050, 0.538 / 0.070, 0.808 / 0.105, 0.850 / 0.085,
// 0.667 / 0.060 and 0.800 / 0.120; floors below those.
constexpr double blind28_precision_floor = 0.50;
constexpr double blind28_ex_floor = 0.04;
constexpr double blind29_precision_floor = 0.48;
constexpr double blind29_ex_floor = 0.06;
constexpr double blind30_precision_floor = 0.75;
constexpr double blind30_ex_floor = 0.09;
constexpr double blind31_precision_floor = 0.80;
constexpr double blind31_ex_floor = 0.07;
constexpr double blind32_precision_floor = 0.60;
constexpr double blind32_ex_floor = 0.05;
constexpr double blind33_precision_floor = 0.75;
constexpr double blind33_ex_floor = 0.10;
// Rounds 34 and 35 (catering, glazier; riding, pharmacy): first runs with
// every round's databases 0.559 / 0.095 and 0.292 / 0.035; after this
// session's mechanisms, some drawn from them once those runs were recorded,
// 0.645 / 0.100 and 0.579 / 0.055 with their own databases.
constexpr double blind34_precision_floor = 0.60;
constexpr double blind34_ex_floor = 0.09;
constexpr double blind35_precision_floor = 0.50;
constexpr double blind35_ex_floor = 0.04;
constexpr double blind3_precision_floor = 0.95;
constexpr double blind3_ex_floor = 0.75;

std::string read_text(const std::string& path) {
  std::ifstream in{path};
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool exists(const std::string& path) {
  return std::ifstream{path}.good();
}

std::string pg_prefix() {
  auto& pg = postgres_server::shared();
  return "host=127.0.0.1 port=" + std::to_string(pg.port()) + " user=" + pg.user();
}

/// What one `medha eval --verbose` run printed and reported.
struct eval_run {
  command_result command;
  json::object report;
  size_t verdicts = 0;      // lines "[correct 0.95 embedded] ...", "[wrong 0.95 llm] ...", "[not answered (...)] ..."
  size_t no_final_event = 0; // lines "[not answered] ...": the turn timed out without a final event
};

eval_run run_eval(const nats_server& nats, const std::string& suite, const std::string& dir) {
  eval_run out;
  auto report = dir + "/report.json";
  auto alice = nats.credentials("alice");
  out.command = run_command({build_dir() + "/medha", "--nats", nats.url(), "--user", alice.user,
                             "--password", alice.password, "--timeout",
                             "30", "eval", "--suite", suite, "--report", report, "--pg", pg_prefix(),
                             "--verbose"});
  // An answer's verdict ends with the path that answered ("embedded", "llm", "verified example").
  static const std::regex verdict{
    R"(^\[(correct|wrong|not answered \([a-z_]+\))( [0-9.]+)?( [a-z][a-z() ]*)?\] )"};
  static const std::regex missing{R"(^\[not answered\] )"};
  std::istringstream lines{out.command.output};
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_search(line, verdict))
      ++out.verdicts;
    else if (std::regex_search(line, missing))
      ++out.no_final_event;
  }
  if (exists(report)) {
    json::error_code ec;
    auto v = json::parse(read_text(report), ec);
    if (!ec && v.is_object())
      out.report = v.as_object();
  }
  return out;
}

double number(const json::value& v) {
  if (v.is_double())
    return v.as_double();
  if (v.is_int64())
    return double(v.as_int64());
  if (v.is_uint64())
    return double(v.as_uint64());
  ADD_FAILURE() << "not a number: " << json::serialize(v);
  return 0;
}

/// The report has the figures, consistent with each other; prints them.
void expect_well_formed(const json::object& r, const std::string& name) {
  for (auto* key : {"total", "answered", "correct", "ex", "precision", "by_category", "turn_p50_ms", "turn_p99_ms"})
    ASSERT_TRUE(r.contains(key)) << name << " report lacks " << key << ": " << json::serialize(r);
  auto total = number(r.at("total")), answered = number(r.at("answered")), correct = number(r.at("correct"));
  auto ex = number(r.at("ex")), precision = number(r.at("precision"));
  EXPECT_GT(total, 0);
  EXPECT_LE(answered, total);
  EXPECT_LE(correct, answered);
  EXPECT_NEAR(ex, correct / total, 1e-9);
  EXPECT_NEAR(precision, answered > 0 ? correct / answered : 0.0, 1e-9);
  ASSERT_TRUE(r.at("by_category").is_object());
  double sum_total = 0, sum_answered = 0, sum_correct = 0;
  std::printf("[ %s ] %-16s %6s %8s %8s %7s\n", name.c_str(), "category", "total", "answered", "correct", "ex");
  for (auto& [category, v] : r.at("by_category").as_object()) {
    ASSERT_TRUE(v.is_object()) << category;
    auto& c = v.as_object();
    double t = number(c.at("total")), a = number(c.at("answered")), k = number(c.at("correct"));
    sum_total += t;
    sum_answered += a;
    sum_correct += k;
    std::printf("[ %s ] %-16s %6.0f %8.0f %8.0f %7.3f\n", name.c_str(), std::string{category}.c_str(), t, a, k,
                t > 0 ? k / t : 0.0);
  }
  EXPECT_EQ(sum_total, total);
  EXPECT_EQ(sum_answered, answered);
  EXPECT_EQ(sum_correct, correct);
  std::printf("[ %s ] %-16s %6.0f %8.0f %8.0f %7.3f  precision %.3f, turn p50 %.1f ms, p99 %.1f ms\n",
              name.c_str(), "overall", total, answered, correct, ex, precision, number(r.at("turn_p50_ms")),
              number(r.at("turn_p99_ms")));
  std::fflush(stdout);
}

// -- sales conversations through worker_harness ---------------------------------------------

TEST(eval_suite, sales_conversations_reach_the_floor) {
  auto suite = source_dir() + "/tests/eval/sales_conversations.jsonl";
  ASSERT_TRUE(exists(suite)) << suite;
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  worker_harness worker{nats, opts};
  worker.start();
  auto dir = make_temp_dir("medha-eval-sales-");
  auto run = run_eval(nats, suite, dir);
  run_command({"rm", "-rf", dir});
  ASSERT_EQ(run.command.exit_code, 0) << run.command.output << "\n" << worker.log_tail();
  ASSERT_FALSE(run.report.empty()) << "no report:\n" << run.command.output;
  expect_well_formed(run.report, "sales");
  auto total = number(run.report.at("total"));
  EXPECT_GE(total, 80) << "the suite has at least 80 turns";
  EXPECT_EQ(run.no_final_event, 0u) << run.command.output << "\n" << worker.log_tail();
  EXPECT_EQ(double(run.verdicts), total) << run.command.output;
  EXPECT_GE(number(run.report.at("ex")), sales_ex_floor) << run.command.output;
}

// -- defog through a worker with one data source per defog database --------------------------

std::string shared_dir() {
  if (auto* v = std::getenv("MEDHA_SHARED_DIR"); v && *v)
    return v;
  return source_dir() + "/../shared";
}

// medhad as a child with a config of its own (the harness only knows the sample databases):
// one data source per database, with DIR/<db>.json descriptions when there are any.
class suite_worker {
public:
  suite_worker(const nats_server& nats, const std::string& databases, const std::vector<std::string>& names)
    : nats_url_(nats.url()), service_(nats.credentials(nats_server::service_user)),
      dir_(make_temp_dir("medha-eval-defog-")) {
    auto& pg = postgres_server::shared();
    json::array sources;
    for (auto& name : names) {
      json::object source{{"name", name}, {"conninfo", pg.conninfo(name)}, {"description", name + " database"}};
      if (exists(databases + "/" + name + ".json"))
        source["model_file"] = databases + "/" + name + ".json";
      sources.push_back(std::move(source));
    }
    json::object cfg{{"nats_url", nats_url_}, {"nats_user", service_.user}, {"nats_password", service_.password},
                     {"store_path", dir_ + "/store"}, {"data_sources", std::move(sources)},
                     {"turns_per_minute", 1000000}}; // a suite is one long burst
    std::ofstream{dir_ + "/medhad.json"} << json::serialize(cfg);
  }
  ~suite_worker() {
    if (pid_ > 0) {
      kill_process(pid_, SIGTERM);
      if (!wait_process_for(pid_, std::chrono::seconds(10))) {
        kill_process(pid_, SIGKILL);
        wait_process(pid_);
      }
    }
    run_command({"rm", "-rf", dir_});
  }
  suite_worker(const suite_worker&) = delete;
  suite_worker& operator=(const suite_worker&) = delete;

  void start() {
    pid_ = spawn_process({build_dir() + "/medhad", "--config", dir_ + "/medhad.json"}, dir_ + "/medhad.log");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      if (run_command({build_dir() + "/medha", "--nats", nats_url_, "--user", service_.user, "--password",
                       service_.password, "--timeout", "2", "health"})
              .exit_code == 0)
        return;
      if (wait_process_for(pid_, std::chrono::milliseconds(200))) {
        pid_ = -1;
        throw std::runtime_error("medhad exited during startup:\n" + log_tail());
      }
    }
    throw std::runtime_error("medhad did not become healthy:\n" + log_tail());
  }
  std::string log_tail() const { return file_tail(dir_ + "/medhad.log"); }

private:
  std::string nats_url_;
  nats_credentials service_;
  std::string dir_;
  pid_t pid_ = -1;
};

TEST(eval_suite, defog_every_question_gets_a_final_event) {
  auto root = shared_dir() + "/eval/defog";
  auto suite = root + "/questions_gen_postgres.csv";
  auto databases = root + "/databases";
  if (!exists(suite))
    GTEST_SKIP() << "no defog suite at " << suite << " (set MEDHA_SHARED_DIR to the folder holding eval/defog)";
  // The databases the questions use; loaded today, as their CURRENT_DATE-relative rows require.
  const std::vector<std::string> names = {"academic",       "advising",   "atis",     "broker",
                                          "car_dealership", "derm_treatment", "ewallet", "geography",
                                          "restaurants",    "scholar",    "yelp"};
  auto& pg = postgres_server::shared();
  for (auto& name : names) {
    ASSERT_TRUE(exists(databases + "/" + name + ".sql")) << databases << "/" << name << ".sql";
    pg.create_database(name);
    pg.load_sql_file(name, databases + "/" + name + ".sql");
  }
  nats_server nats;
  suite_worker worker{nats, databases, names};
  worker.start();
  auto dir = make_temp_dir("medha-eval-defog-report-");
  auto run = run_eval(nats, suite, dir);
  run_command({"rm", "-rf", dir});
  ASSERT_EQ(run.command.exit_code, 0) << run.command.output << "\n" << worker.log_tail();
  ASSERT_FALSE(run.report.empty()) << "no report:\n" << run.command.output;
  expect_well_formed(run.report, "defog");
  EXPECT_EQ(number(run.report.at("total")), 210) << "the suite has 210 questions";
  EXPECT_EQ(run.no_final_event, 0u) << run.command.output << "\n" << worker.log_tail();
  EXPECT_EQ(double(run.verdicts), number(run.report.at("total"))) << run.command.output;
  EXPECT_GE(number(run.report.at("precision")), defog_precision_floor) << run.command.output;
  EXPECT_GE(number(run.report.at("ex")), defog_ex_floor) << run.command.output;
  auto& by = run.report.at("by_category").as_object();
  double grouping_total = 0, grouping_correct = 0;
  for (auto* category : {"group_by", "order_by"}) {
    ASSERT_TRUE(by.contains(category)) << category;
    grouping_total += number(by.at(category).at("total"));
    grouping_correct += number(by.at(category).at("correct"));
  }
  ASSERT_GT(grouping_total, 0);
  EXPECT_GE(grouping_correct / grouping_total, defog_grouping_ex_floor) << run.command.output;
}

// The blind suites: databases the engine was never developed on, with
// conversations written before its first run on them (tests/eval/README.md).
// Kept as a regression floor: what generalised must keep generalising.
// Loads each database, runs the suites against one worker, and holds the
// figures to their floor.
void expect_floor(const std::string& name, const std::string& databases, const std::vector<std::string>& names,
                  const std::vector<std::string>& suites, double precision_floor, double ex_floor) {
  auto& pg = postgres_server::shared();
  auto dir = make_temp_dir("medha-eval-" + name + "-");
  std::ofstream suite{dir + "/" + name + ".jsonl"};
  for (auto& db : names) {
    pg.create_database(db);
    pg.load_sql_file(db, databases + "/" + db + ".sql");
  }
  for (auto& file : suites)
    suite << read_text(source_dir() + "/tests/eval/" + file);
  suite.close();
  nats_server nats;
  suite_worker worker{nats, databases, names};
  worker.start();
  auto run = run_eval(nats, dir + "/" + name + ".jsonl", dir);
  run_command({"rm", "-rf", dir});
  ASSERT_EQ(run.command.exit_code, 0) << run.command.output << "\n" << worker.log_tail();
  ASSERT_FALSE(run.report.empty()) << "no report:\n" << run.command.output;
  expect_well_formed(run.report, name);
  EXPECT_EQ(run.no_final_event, 0u) << run.command.output << "\n" << worker.log_tail();
  EXPECT_GE(number(run.report.at("precision")), precision_floor) << run.command.output;
  EXPECT_GE(number(run.report.at("ex")), ex_floor) << run.command.output;
}

TEST(eval_suite, blind_suites_hold_their_floor) {
  auto databases = shared_dir() + "/eval/blind";
  if (!exists(databases + "/pagila.sql"))
    GTEST_SKIP() << "no blind databases at " << databases << " (set MEDHA_SHARED_DIR to the folder holding eval/blind)";
  // The first round, and the second on the same databases (tests/eval/README.md).
  expect_floor("blind", databases, {"pagila", "happiness_index", "periodic_table"},
               {"blind_pagila.jsonl", "blind_happiness_index.jsonl", "blind_periodic_table.jsonl", "blind2_pagila.jsonl"},
               blind_precision_floor, blind_ex_floor);
}

// The third blind round's databases were designed for it and live in the
// repository, so this floor holds on every machine (tests/eval/README.md).
TEST(eval_suite, third_blind_round_holds_its_floor) {
  expect_floor("blind3", source_dir() + "/tests/eval/databases", {"wholesale", "media"},
               {"blind3_wholesale.jsonl", "blind3_media.jsonl"}, blind3_precision_floor, blind3_ex_floor);
}

TEST(eval_suite, fourth_blind_round_holds_its_floor) {
  expect_floor("blind4", source_dir() + "/tests/eval/databases4", {"music", "airline"},
               {"blind4_music.jsonl", "blind4_airline.jsonl"}, blind4_precision_floor, blind4_ex_floor);
}

TEST(eval_suite, fifth_blind_round_holds_its_floor) {
  expect_floor("blind5", source_dir() + "/tests/eval/databases5", {"clinic", "saas"},
               {"blind5_clinic.jsonl", "blind5_saas.jsonl"}, blind5_precision_floor, blind5_ex_floor);
}

TEST(eval_suite, sixth_blind_round_holds_its_floor) {
  expect_floor("blind6", source_dir() + "/tests/eval/databases6", {"hr", "market"},
               {"blind6_hr.jsonl", "blind6_market.jsonl"}, blind6_precision_floor, blind6_ex_floor);
  // This round's "hr" shares its name with the sample database other tests
  // of this process load once and keep: put the sample back.
  auto& pg = postgres_server::shared();
  pg.create_database("hr");
  pg.load_sql_file("hr", source_dir() + "/scripts/sample-data/hr.sql");
}

TEST(eval_suite, seventh_blind_round_holds_its_floor) {
  expect_floor("blind7", source_dir() + "/tests/eval/databases7", {"campus", "fleet"},
               {"blind7_campus.jsonl", "blind7_fleet.jsonl"}, blind7_precision_floor, blind7_ex_floor);
}

TEST(eval_suite, eighth_blind_round_holds_its_floor) {
  expect_floor("blind8", source_dir() + "/tests/eval/databases8", {"insure", "kitchen"},
               {"blind8_insure.jsonl", "blind8_kitchen.jsonl"}, blind8_precision_floor, blind8_ex_floor);
}

TEST(eval_suite, ninth_blind_round_holds_its_floor) {
  expect_floor("blind9", source_dir() + "/tests/eval/databases9", {"utility", "gym"},
               {"blind9_utility.jsonl", "blind9_gym.jsonl"}, blind9_precision_floor, blind9_ex_floor);
}

TEST(eval_suite, tenth_blind_round_holds_its_floor) {
  expect_floor("blind10", source_dir() + "/tests/eval/databases10", {"hotel", "library"},
               {"blind10_hotel.jsonl", "blind10_library.jsonl"}, blind10_precision_floor, blind10_ex_floor);
}

TEST(eval_suite, eleventh_blind_round_holds_its_floor) {
  expect_floor("blind11", source_dir() + "/tests/eval/databases11", {"ticketing", "charity"},
               {"blind11_ticketing.jsonl", "blind11_charity.jsonl"}, blind11_precision_floor, blind11_ex_floor);
}

TEST(eval_suite, twelfth_blind_round_holds_its_floor) {
  expect_floor("blind12", source_dir() + "/tests/eval/databases12", {"lettings", "bikeshare"},
               {"blind12_lettings.jsonl", "blind12_bikeshare.jsonl"}, blind12_precision_floor, blind12_ex_floor);
}

TEST(eval_suite, thirteenth_blind_round_holds_its_floor) {
  expect_floor("blind13", source_dir() + "/tests/eval/databases13", {"courier", "farmcoop"},
               {"blind13_courier.jsonl", "blind13_farmcoop.jsonl"}, blind13_precision_floor, blind13_ex_floor);
}

TEST(eval_suite, fourteenth_blind_round_holds_its_floor) {
  expect_floor("blind14", source_dir() + "/tests/eval/databases14", {"vetpractice", "winemerchant"},
               {"blind14_vetpractice.jsonl", "blind14_winemerchant.jsonl"}, blind14_precision_floor,
               blind14_ex_floor);
}

TEST(eval_suite, fifteenth_blind_round_holds_its_floor) {
  expect_floor("blind15", source_dir() + "/tests/eval/databases15", {"plumbing", "storage"},
               {"blind15_plumbing.jsonl", "blind15_storage.jsonl"}, blind15_precision_floor, blind15_ex_floor);
}

TEST(eval_suite, sixteenth_blind_round_holds_its_floor) {
  expect_floor("blind16", source_dir() + "/tests/eval/databases16", {"drivingschool", "gardencentre"},
               {"blind16_drivingschool.jsonl", "blind16_gardencentre.jsonl"}, blind16_precision_floor,
               blind16_ex_floor);
}

TEST(eval_suite, seventeenth_blind_round_holds_its_floor) {
  expect_floor("blind17", source_dir() + "/tests/eval/databases17", {"printshop", "boathire"},
               {"blind17_printshop.jsonl", "blind17_boathire.jsonl"}, blind17_precision_floor, blind17_ex_floor);
}

TEST(eval_suite, eighteenth_blind_round_holds_its_floor) {
  expect_floor("blind18", source_dir() + "/tests/eval/databases18", {"brewery", "recruitment"},
               {"blind18_brewery.jsonl", "blind18_recruitment.jsonl"}, blind18_precision_floor, blind18_ex_floor);
}

TEST(eval_suite, nineteenth_blind_round_holds_its_floor) {
  expect_floor("blind19", source_dir() + "/tests/eval/databases19", {"theatre", "fundraising"},
               {"blind19_theatre.jsonl", "blind19_fundraising.jsonl"}, blind19_precision_floor, blind19_ex_floor);
}

TEST(eval_suite, twentieth_blind_round_holds_its_floor) {
  expect_floor("blind20", source_dir() + "/tests/eval/databases20", {"wastecollect", "museum"},
               {"blind20_wastecollect.jsonl", "blind20_museum.jsonl"}, blind20_precision_floor, blind20_ex_floor);
}

TEST(eval_suite, twenty_first_blind_round_holds_its_floor) {
  expect_floor("blind21", source_dir() + "/tests/eval/databases21", {"pestcontrol", "translation"},
               {"blind21_pestcontrol.jsonl", "blind21_translation.jsonl"}, blind21_precision_floor, blind21_ex_floor);
}

TEST(eval_suite, twenty_second_blind_round_holds_its_floor) {
  expect_floor("blind22", source_dir() + "/tests/eval/databases22", {"solarfit", "nursery"},
               {"blind22_solarfit.jsonl", "blind22_nursery.jsonl"}, blind22_precision_floor, blind22_ex_floor);
}

TEST(eval_suite, twenty_third_blind_round_holds_its_floor) {
  expect_floor("blind23", source_dir() + "/tests/eval/databases23", {"removals", "cowork"},
               {"blind23_removals.jsonl", "blind23_cowork.jsonl"}, blind23_precision_floor, blind23_ex_floor);
}

TEST(eval_suite, twenty_fourth_blind_round_holds_its_floor) {
  expect_floor("blind24", source_dir() + "/tests/eval/databases24", {"architects", "drycleaner"},
               {"blind24_architects.jsonl", "blind24_drycleaner.jsonl"}, blind24_precision_floor, blind24_ex_floor);
}

TEST(eval_suite, twenty_fifth_blind_round_holds_its_floor) {
  expect_floor("blind25", source_dir() + "/tests/eval/databases25", {"dealership", "kennels"},
               {"blind25_dealership.jsonl", "blind25_kennels.jsonl"}, blind25_precision_floor, blind25_ex_floor);
}

TEST(eval_suite, twenty_sixth_blind_round_holds_its_floor) {
  expect_floor("blind26", source_dir() + "/tests/eval/databases26", {"langschool", "carwash"},
               {"blind26_langschool.jsonl", "blind26_carwash.jsonl"}, blind26_precision_floor, blind26_ex_floor);
}

TEST(eval_suite, twenty_seventh_blind_round_holds_its_floor) {
  expect_floor("blind27", source_dir() + "/tests/eval/databases27", {"weddings", "cyclefix"},
               {"blind27_weddings.jsonl", "blind27_cyclefix.jsonl"}, blind27_precision_floor, blind27_ex_floor);
}

TEST(eval_suite, twenty_eighth_blind_round_holds_its_floor) {
  expect_floor("blind28", source_dir() + "/tests/eval/databases28", {"opticians", "holidaypark"},
               {"blind28_opticians.jsonl", "blind28_holidaypark.jsonl"}, blind28_precision_floor, blind28_ex_floor);
}

TEST(eval_suite, twenty_ninth_blind_round_holds_its_floor) {
  expect_floor("blind29", source_dir() + "/tests/eval/databases29", {"roastery", "escaperooms"},
               {"blind29_roastery.jsonl", "blind29_escaperooms.jsonl"}, blind29_precision_floor, blind29_ex_floor);
}

TEST(eval_suite, thirtieth_blind_round_holds_its_floor) {
  expect_floor("blind30", source_dir() + "/tests/eval/databases30", {"cleaning", "coachtours"},
               {"blind30_cleaning.jsonl", "blind30_coachtours.jsonl"}, blind30_precision_floor, blind30_ex_floor);
}

TEST(eval_suite, thirty_first_blind_round_holds_its_floor) {
  expect_floor("blind31", source_dir() + "/tests/eval/databases31", {"bakery", "arborist"},
               {"blind31_bakery.jsonl", "blind31_arborist.jsonl"}, blind31_precision_floor, blind31_ex_floor);
}

TEST(eval_suite, thirty_second_blind_round_holds_its_floor) {
  expect_floor("blind32", source_dir() + "/tests/eval/databases32", {"florist", "locksmith"},
               {"blind32_florist.jsonl", "blind32_locksmith.jsonl"}, blind32_precision_floor, blind32_ex_floor);
}

TEST(eval_suite, thirty_third_blind_round_holds_its_floor) {
  expect_floor("blind33", source_dir() + "/tests/eval/databases33", {"scaffolding", "framing"},
               {"blind33_scaffolding.jsonl", "blind33_framing.jsonl"}, blind33_precision_floor, blind33_ex_floor);
}

TEST(eval_suite, thirty_fourth_blind_round_holds_its_floor) {
  expect_floor("blind34", source_dir() + "/tests/eval/databases34", {"catering", "glazier"},
               {"blind34_catering.jsonl", "blind34_glazier.jsonl"}, blind34_precision_floor, blind34_ex_floor);
}

TEST(eval_suite, thirty_fifth_blind_round_holds_its_floor) {
  expect_floor("blind35", source_dir() + "/tests/eval/databases35", {"riding", "pharmacy"},
               {"blind35_riding.jsonl", "blind35_pharmacy.jsonl"}, blind35_precision_floor, blind35_ex_floor);
}

} // namespace
} // namespace medha::testing
