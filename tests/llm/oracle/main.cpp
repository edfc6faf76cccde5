// medha-llm-oracle: a model that always answers correctly (tests/llm/oracle/
// gold_oracle.hpp) on 127.0.0.1, for `scripts/eval --llm-url`.
//
//   medha-llm-oracle --suite FILE [--suite FILE...] [--port P] [--max-seconds N]
//
// Prints "listening on http://127.0.0.1:P/v1" once it takes requests, one
// line per request it answered, and serves until SIGTERM, SIGINT or N
// seconds (default 7200). Without --port it draws a free one outside the
// kernel's ephemeral range. Exits 2 on bad arguments or an unreadable suite,
// 3 when it cannot listen.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/llm/oracle/gold_oracle.hpp"
#include "tests/support/servers.hpp"

namespace {

volatile std::sig_atomic_t stop_requested = 0;
void on_signal(int) { stop_requested = 1; }

int usage(const char* why) {
  std::fprintf(stderr, "medha-llm-oracle: %s\nusage: medha-llm-oracle --suite FILE [--suite FILE...] "
                       "[--port P] [--max-seconds N]\n", why);
  return 2;
}

} // namespace

int main(int argc, char** argv) {
  using namespace medha;
  std::vector<client::suite_case> cases;
  int port = 0;
  long max_seconds = 7200;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc)
      return usage((flag + " needs a value").c_str());
    std::string value = argv[++i];
    if (flag == "--suite") {
      std::string error;
      if (!client::load_suite(value, cases, error))
        return usage(error.c_str());
    } else if (flag == "--port") {
      port = std::atoi(value.c_str());
      if (port <= 0 || port > 65535)
        return usage("--port takes 1 to 65535");
    } else if (flag == "--max-seconds") {
      max_seconds = std::atol(value.c_str());
      if (max_seconds <= 0)
        return usage("--max-seconds takes a positive number");
    } else {
      return usage(("unknown argument " + flag).c_str());
    }
  }
  if (cases.empty())
    return usage("--suite FILE is required");

  auto oracle = std::make_shared<llm::testing::gold_oracle>(std::move(cases));
  auto respond = [oracle](const llm::testing::recorded_request& req) {
    auto found = oracle->answer(req);
    std::printf("%s: %s\n",
                llm::testing::asks_for_answer_sentence(req)                      ? "sentence"
                : found.what == llm::testing::oracle_answer::kind::gold         ? "gold"
                : found.what == llm::testing::oracle_answer::kind::unanswerable ? "unanswerable"
                                                                                : "unknown",
                found.question.c_str());
    std::fflush(stdout);
    return oracle->reply(req);
  };
  std::unique_ptr<llm::testing::fake_llm_server> server;
  // A drawn port is free only when drawn: draw again when it was taken.
  for (int attempt = 0; attempt < 5 && !server; ++attempt) {
    try {
      server = std::make_unique<llm::testing::fake_llm_server>(
        respond, port > 0 ? port : testing::free_port());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "medha-llm-oracle: %s\n", e.what());
      if (port > 0)
        return 3;
    }
  }
  if (!server)
    return 3;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::printf("listening on %s/v1\n", server->base_url().c_str());
  std::fflush(stdout);
  for (long tenths = 0; !stop_requested && tenths < max_seconds * 10; ++tenths)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::printf("stopping after %zu requests\n", server->requests().size());
  return 0;
}
