// The worker's Prometheus endpoint: a real medhad with --metrics-port, real
// nats-server and PostgreSQL, scraped with real HTTP requests on loopback.

#include <regex>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/worker_harness.hpp"
#include "tests/support/http_get.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

namespace json = boost::json;

// The value of one sample line ("name{labels} value"); -1 when absent.
double sample(const std::string& text, const std::string& series) {
  auto at = text.find("\n" + series + " ");
  if (at == std::string::npos)
    return -1;
  auto start = at + series.size() + 2;
  return std::stod(text.substr(start, text.find('\n', start) - start));
}

// Every bucket line of one step's histogram, in order.
std::vector<double> buckets(const std::string& text, const std::string& step) {
  std::vector<double> out;
  std::regex line{"medha_step_duration_seconds_bucket\\{step=\"" + step + "\",le=\"[^\"]+\"\\} (\\d+)"};
  for (std::sregex_iterator i{text.begin(), text.end(), line}, end; i != end; ++i)
    out.push_back(std::stod((*i)[1]));
  return out;
}

TEST(metrics_endpoint, counts_turns_errors_conversations_and_step_latencies) {
  postgres_server::shared().load_sample("sales");
  nats_server nats;
  worker_options opts;
  opts.sources = {"sales"};
  int port = free_port();
  opts.extra_json = ",\"metrics_port\":" + std::to_string(port);
  worker_harness worker{nats, opts};
  worker.start();

  auto before = http_request(port, "GET", "/metrics");
  ASSERT_EQ(before.status, 200) << worker.log_tail();
  EXPECT_NE(before.headers.find("text/plain; version=0.0.4"), std::string::npos);
  EXPECT_EQ(sample(before.body, "medha_turns_total"), 0);
  EXPECT_EQ(sample(before.body, "medha_live_conversations"), 0);

  auto conv = worker.create_conversation("alice", "sales");
  auto answered = worker.ask("alice", conv, "What's the total revenue?");
  ASSERT_EQ(answered.last().step, step_kind::answer) << answered.last().data_json;
  auto refused = worker.send_turn("alice", conv, "{\"text\": ", "");
  ASSERT_EQ(data_field(refused.last(), "code"), "bad_request");

  auto after = http_request(port, "GET", "/metrics");
  ASSERT_EQ(after.status, 200);
  auto& text = after.body;
  EXPECT_EQ(sample(text, "medha_turns_total"), 2) << text;
  EXPECT_EQ(sample(text, "medha_turn_outcomes_total{outcome=\"answer\"}"), 1);
  EXPECT_EQ(sample(text, "medha_turn_outcomes_total{outcome=\"error\"}"), 1);
  EXPECT_EQ(sample(text, "medha_errors_total{code=\"bad_request\"}"), 1);
  EXPECT_EQ(sample(text, "medha_live_conversations"), 1);
  // One histogram per step of the answered turn, plus the whole turns.
  for (auto step : {"sql", "validate", "execute", "visualize"}) {
    auto b = buckets(text, step);
    ASSERT_FALSE(b.empty()) << step << "\n" << text;
    EXPECT_TRUE(std::is_sorted(b.begin(), b.end())) << step; // cumulative
    EXPECT_EQ(b.back(), 1) << step;                           // le="+Inf"
    EXPECT_EQ(sample(text, std::string("medha_step_duration_seconds_count{step=\"") + step + "\"}"), 1);
    EXPECT_GT(sample(text, std::string("medha_step_duration_seconds_sum{step=\"") + step + "\"}"), 0);
  }
  EXPECT_EQ(buckets(text, "turn").back(), 2);

  // The same counts as the stats verb over NATS.
  auto stats = json::parse(worker.api("ops", "stats", "{}")).as_object();
  EXPECT_EQ(stats.at("turns").to_number<double>(), sample(text, "medha_turns_total"));

  EXPECT_EQ(http_request(port, "GET", "/").status, 404);
  EXPECT_EQ(http_request(port, "POST", "/metrics").status, 405);
  EXPECT_EQ(http_request(port, "GET", "/metrics?x=1").status, 200);
}

TEST(metrics_endpoint, a_taken_port_stops_the_worker_with_a_clear_error) {
  nats_server nats;
  // Another program holds the port.
  int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(::bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::listen(holder, 1), 0);
  socklen_t len = sizeof(addr);
  ::getsockname(holder, reinterpret_cast<sockaddr*>(&addr), &len);
  auto port = std::to_string(ntohs(addr.sin_port));

  auto creds = nats.credentials(nats_server::service_user);
  auto store = make_temp_dir("medha-metrics-store");
  auto run = run_command({build_dir() + "/medhad", "--nats", nats.url(), "--nats-user", creds.user,
                          "--nats-password", creds.password, "--store", store, "--metrics-port",
                          port});
  ::close(holder);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot listen for metrics on 127.0.0.1:" + port), std::string::npos)
      << run.output;
}

} // namespace
} // namespace medha::testing
