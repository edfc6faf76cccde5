// The stream's order check against a real nats-server (loopback, JetStream):
// the next turn of a conversation waits while the turn before it is
// unfinished, and runs as soon as that turn finished on this worker, before
// the stream has processed its ack (a client sends the next turn as soon as
// it sees the last final event). A worker that saw every delivery since its
// conversation's last turn takes the next without asking the stream; one
// that did not (another worker took a turn meanwhile) asks.

#include "runtime/turn_stream.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>

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

// A worker's turn stream on a real nats-server, its turns handed to a
// recording manager.
struct stream_fixture {
  nats_server nats;
  natsConnection* conn = nullptr;
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  std::shared_ptr<taken_turns> taken = std::make_shared<taken_turns>();
  manager_actor manager;
  std::unique_ptr<turn_stream> stream;

  explicit stream_fixture(turn_stream_settings settings = {}) {
    if (natsConnection_ConnectTo(&conn, nats.service_url().c_str()) != NATS_OK)
      throw std::runtime_error("cannot connect to the test nats-server");
    auto recorder = taken;
    manager = sys.spawn([recorder](manager_actor::pointer) -> manager_actor::behavior_type {
      return {
        [recorder](inbound_message& m) { recorder->push(std::move(m)); },
        [](evicted_atom, const std::string&, const std::string&, uint64_t) { return true; },
        [](drain_atom) { return true; },
        [](tick_atom) {},
        [](turn_ended_atom, const std::string&, const std::string&) {},
      };
    });
    auto opened = turn_stream::open(conn, std::move(settings));
    if (auto* err = std::get_if<medha_error>(&opened))
      throw std::runtime_error(err->message);
    stream = std::move(std::get<std::unique_ptr<turn_stream>>(opened));
    stream->start(manager);
  }
  ~stream_fixture() {
    stream->close();
    stream.reset();
    caf::anon_send_exit(manager, caf::exit_reason::user_shutdown);
    natsConnection_Destroy(conn);
  }
  void publish(const char* subject, const char* text) {
    ASSERT_EQ(natsConnection_PublishString(conn, subject, text), NATS_OK);
  }
};

TEST(turn_stream, a_turn_finished_here_does_not_hold_back_the_next) {
  stream_fixture w;
  for (auto text : {"first", "second"})
    w.publish("medha.turn.u.c1", text);

  auto first = w.taken->next(10s);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->data, "first");
  // Unfinished: the second waits (released and offered again meanwhile).
  EXPECT_FALSE(w.taken->next(1s)) << "a turn ran while the one before it was unfinished";
  w.stream->finished(first->delivery);
  auto second = w.taken->next(10s);
  ASSERT_TRUE(second) << "a turn finished here held back the next one until its ack";
  EXPECT_EQ(second->data, "second");
  w.stream->ack(first->delivery);
  w.stream->ack(second->delivery);
}

TEST(turn_stream, the_next_turn_after_one_finished_here_is_taken_without_asking) {
  stream_fixture w;
  w.publish("medha.turn.u.c1", "first");
  auto first = w.taken->next(10s);
  ASSERT_TRUE(first);
  EXPECT_EQ(w.stream->order_checks_asked(), 1u);
  // Another conversation's turn in between, also seen here.
  w.publish("medha.turn.u.c2", "other");
  auto other = w.taken->next(10s);
  ASSERT_TRUE(other);
  w.stream->finished(first->delivery);
  w.stream->ack(first->delivery);
  w.publish("medha.turn.u.c1", "second");
  auto second = w.taken->next(10s);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->data, "second");
  EXPECT_EQ(w.stream->order_checks_asked(), 2u)
    << "the stream was asked about a turn whose predecessor finished here";
  w.stream->finished(other->delivery);
  w.stream->ack(other->delivery);
  w.stream->ack(second->delivery);
}

TEST(turn_stream, a_turn_another_worker_took_meanwhile_is_not_overtaken) {
  turn_stream_settings one_at_a_time;
  one_at_a_time.max_held = 1; // while it holds a turn, this worker pulls none
  stream_fixture w{one_at_a_time};
  w.publish("medha.turn.u.c1", "first");
  auto first = w.taken->next(10s);
  ASSERT_TRUE(first);

  // A second worker, bound to the same consumer, takes the conversation's
  // second turn and holds it.
  natsConnection* other_conn = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&other_conn, w.nats.service_url().c_str()), NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, other_conn, nullptr), NATS_OK);
  jsSubOptions opts;
  jsSubOptions_Init(&opts);
  turn_stream_settings defaults;
  opts.Stream = defaults.stream.c_str();
  opts.Consumer = defaults.consumer.c_str();
  natsSubscription* other = nullptr;
  ASSERT_EQ(js_PullSubscribe(&other, js, "medha.turn.>", defaults.consumer.c_str(), nullptr, &opts,
                             nullptr),
            NATS_OK);
  w.publish("medha.turn.u.c1", "second");
  natsMsgList held{};
  ASSERT_EQ(natsSubscription_Fetch(&held, other, 1, 5000, nullptr), NATS_OK);
  ASSERT_EQ(held.Count, 1);
  EXPECT_EQ(std::string(natsMsg_GetData(held.Msgs[0]), natsMsg_GetDataLength(held.Msgs[0])),
            "second");

  // The first turn finished here; the third comes to this worker.
  w.stream->finished(first->delivery);
  w.stream->ack(first->delivery);
  w.publish("medha.turn.u.c1", "third");
  EXPECT_FALSE(w.taken->next(1500ms)) << "the third turn overtook the second, held elsewhere";
  natsMsg_Ack(held.Msgs[0], nullptr);
  natsMsgList_Destroy(&held);
  auto third = w.taken->next(10s);
  ASSERT_TRUE(third) << "the third turn did not run after the second was answered";
  EXPECT_EQ(third->data, "third");
  w.stream->ack(third->delivery);
  natsSubscription_Destroy(other);
  jsCtx_Destroy(js);
  natsConnection_Destroy(other_conn);
}

} // namespace
} // namespace medha::testing
