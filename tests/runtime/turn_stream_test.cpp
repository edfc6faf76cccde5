// The stream's order check against a real nats-server (loopback, JetStream):
// the next turn of a conversation waits while the turn before it is
// unfinished, and runs as soon as that turn finished on this worker, before
// the stream has processed its ack (a client sends the next turn as soon as
// it sees the last final event).

#include "runtime/turn_stream.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/typed_event_based_actor.hpp>
#include <gtest/gtest.h>
#include <nats/nats.h>

#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

using namespace std::chrono_literals;

// What the stream hands to the manager, for the test thread to wait on.
struct taken_turns {
  std::mutex mx;
  std::condition_variable cv;
  std::deque<inbound_message> turns;

  void push(inbound_message m) {
    std::lock_guard<std::mutex> lock{mx};
    turns.push_back(std::move(m));
    cv.notify_all();
  }
  std::optional<inbound_message> next(std::chrono::milliseconds within) {
    std::unique_lock<std::mutex> lock{mx};
    if (!cv.wait_for(lock, within, [&] { return !turns.empty(); }))
      return std::nullopt;
    auto m = std::move(turns.front());
    turns.pop_front();
    return m;
  }
};

TEST(turn_stream, a_turn_finished_here_does_not_hold_back_the_next) {
  nats_server nats;
  natsConnection* conn = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&conn, nats.service_url().c_str()), NATS_OK);
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  auto taken = std::make_shared<taken_turns>();
  manager_actor manager = sys.spawn([taken](manager_actor::pointer) -> manager_actor::behavior_type {
    return {
      [taken](inbound_message& m) { taken->push(std::move(m)); },
      [](evicted_atom, const std::string&, const std::string&, uint64_t) { return true; },
      [](drain_atom) { return true; },
      [](tick_atom) {},
      [](turn_ended_atom, const std::string&, const std::string&) {},
    };
  });
  auto opened = turn_stream::open(conn, turn_stream_settings{});
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<turn_stream>>(opened))
    << std::get<medha_error>(opened).message;
  auto& stream = *std::get<std::unique_ptr<turn_stream>>(opened);
  stream.start(manager);
  for (auto text : {"first", "second"})
    ASSERT_EQ(natsConnection_PublishString(conn, "medha.turn.u.c1", text), NATS_OK);

  auto first = taken->next(10s);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->data, "first");
  // Unfinished: the second waits (released and offered again meanwhile).
  EXPECT_FALSE(taken->next(1s)) << "a turn ran while the one before it was unfinished";
  stream.finished(first->delivery);
  auto second = taken->next(10s);
  ASSERT_TRUE(second) << "a turn finished here held back the next one until its ack";
  EXPECT_EQ(second->data, "second");
  stream.ack(first->delivery);
  stream.ack(second->delivery);
  stream.close();
  caf::anon_send_exit(manager, caf::exit_reason::user_shutdown);
  natsConnection_Destroy(conn);
}

} // namespace
} // namespace medha::testing
