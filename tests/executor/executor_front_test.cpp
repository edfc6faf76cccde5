// The executor's front with fake runners: a runner that dies fails only its
// own query and is replaced; cancel reaches the runner that runs the query.

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <gtest/gtest.h>

#include "actors/executor/executor_actor.hpp"

namespace medha {
namespace {

struct recording_canceller : query_canceller {
  std::mutex mx;
  std::vector<std::string> ids;
  bool cancel(const std::string& id) override {
    std::lock_guard<std::mutex> lock{mx};
    ids.push_back(id);
    return true;
  }
};

struct executor_front_test : ::testing::Test {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  std::shared_ptr<recording_canceller> canceller = std::make_shared<recording_canceller>();
  executor_actor front;

  executor_front_test() {
    auto c = canceller;
    // "crash" throws inside the runner (as a bug in a driver would), "slow"
    // takes a while, anything else answers one row.
    runner_maker fake = [c](const data_source& source, const executor_settings&) {
      runner_parts parts;
      parts.canceller = c;
      parts.run = [name = source.name](const std::string& sql, const relation_set&,
                                       const std::string&) {
        if (sql == "crash")
          throw std::runtime_error("runner crashed");
        if (sql == "slow")
          std::this_thread::sleep_for(std::chrono::milliseconds(500));
        result_set rows;
        rows.columns = {{"source", "text"}};
        rows.rows = {{name}};
        rows.row_count = 1;
        return execute_reply{rows, std::nullopt};
      };
      return parts;
    };
    front = spawn_executor_actor(sys, {{"a", "x", "", ""}, {"b", "y", "", ""}},
                                 executor_settings{1, 1000, 10}, fake);
  }

  ~executor_front_test() override { caf::anon_send_exit(front, caf::exit_reason::user_shutdown); }

  execute_reply run(const std::string& source, const std::string& sql, const std::string& id = "") {
    caf::scoped_actor self{sys};
    execute_reply out;
    self->request(front, std::chrono::seconds(30), execute_atom_v, source, sql, relation_set{}, id)
      .receive([&](execute_reply& r) { out = std::move(r); },
               [&](const caf::error& e) {
                 out.error = medha_error{error_code::internal, "no reply: " + caf::to_string(e)};
               });
    return out;
  }
};

TEST_F(executor_front_test, a_runner_crash_fails_only_its_query) {
  ASSERT_FALSE(run("a", "SELECT 1").error);
  auto crashed = run("a", "crash");
  ASSERT_TRUE(crashed.error);
  EXPECT_EQ(crashed.error->code, error_code::internal);
  EXPECT_NE(crashed.error->message.find("\"a\""), std::string::npos) << crashed.error->message;
  // The front, the other data source and a fresh runner for "a" still work.
  auto other = run("b", "SELECT 1");
  ASSERT_FALSE(other.error) << other.error->message;
  EXPECT_EQ(*other.rows->rows[0][0], "b");
  auto again = run("a", "SELECT 1");
  ASSERT_FALSE(again.error) << again.error->message;
  EXPECT_EQ(*again.rows->rows[0][0], "a");
}

TEST_F(executor_front_test, cancel_reaches_the_runner_of_the_query) {
  caf::scoped_actor self{sys};
  auto pending = self->request(front, std::chrono::seconds(30), execute_atom_v, std::string{"a"},
                               std::string{"slow"}, relation_set{}, std::string{"q1"});
  // The front reads the cancel while the runner is busy with the query.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  self->send(front, cancel_atom_v, std::string{"q1"});
  self->send(front, cancel_atom_v, std::string{"not-running"});
  pending.receive([](execute_reply&) {}, [](const caf::error&) {});
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard<std::mutex> lock{canceller->mx};
      if (!canceller->ids.empty())
        break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::lock_guard<std::mutex> lock{canceller->mx};
  EXPECT_EQ(canceller->ids, std::vector<std::string>{"q1"});
}

} // namespace
} // namespace medha
