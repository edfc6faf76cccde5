// The store actor's front keeps the verified examples when its worker is the
// store's only writer: a turn reads them without a trip to a writer, and a
// write of an example is seen by the next read.

#include "runtime/store_actor.hpp"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <gtest/gtest.h>

#include "runtime/rocksdb_store.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {
namespace {

example_record example(const std::string& scope, const std::string& origin,
                       const std::string& question) {
  example_record e;
  e.scope = scope;
  e.data_source = "sales";
  e.question = question;
  e.sql = "SELECT 1";
  e.origin = origin;
  e.created_ms = 1000;
  return e;
}

TEST(store_actor_examples, a_write_is_seen_by_the_next_read) {
  auto dir = make_temp_dir("medha-store-actor");
  std::shared_ptr<conversation_store> store;
  {
    auto opened = rocksdb_store::open(dir);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<rocksdb_store>>(opened));
    store = std::move(std::get<std::unique_ptr<rocksdb_store>>(opened));
  }
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  {
    auto front = spawn_store_actor(sys, store, true);
    caf::scoped_actor self{sys};
    auto read = [&](const std::string& user) {
      std::vector<example_record> out;
      self->request(front, std::chrono::seconds(10), examples_atom_v, user, std::string{"sales"})
        .receive([&](std::vector<example_record>& found) { out = std::move(found); },
                 [&](caf::error& err) { ADD_FAILURE() << caf::to_string(err); });
      return out;
    };
    auto write = [&](const example_record& e) {
      self->request(front, std::chrono::seconds(10), example_atom_v, e)
        .receive([&](store_ack& ack) { EXPECT_FALSE(ack.error); },
                 [&](caf::error& err) { ADD_FAILURE() << caf::to_string(err); });
    };
    EXPECT_TRUE(read("alice").empty()); // kept: nothing yet
    write(example("alice", "m1", "how many orders"));
    auto after_one = read("alice");
    ASSERT_EQ(after_one.size(), 1u);
    EXPECT_EQ(after_one[0].question, "how many orders");
    EXPECT_EQ(read("alice").size(), 1u); // kept, still right
    write(example("*", "m2", "total revenue")); // everyone's: alice sees it too
    EXPECT_EQ(read("alice").size(), 2u);
    EXPECT_EQ(read("bob").size(), 1u);
    caf::anon_send_exit(front, caf::exit_reason::user_shutdown);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

// The writer runs a turn end's on_stored (which sends the final event) right
// after the write, unless other writes wait for it: then it goes on to them,
// and the conversation sends the final event on the reply.
TEST(store_actor_answers, on_stored_runs_after_the_write_unless_writes_wait) {
  auto dir = make_temp_dir("medha-store-actor");
  std::shared_ptr<conversation_store> store;
  {
    auto opened = rocksdb_store::open(dir);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<rocksdb_store>>(opened));
    store = std::move(std::get<std::unique_ptr<rocksdb_store>>(opened));
  }
  conversation_record rec;
  rec.id = "c1";
  rec.user = "alice";
  rec.created_ms = rec.updated_ms = 1000;
  ASSERT_FALSE(store->put_conversation(rec));
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  {
    auto front = spawn_store_actor(sys, store, true);
    std::mutex mx;
    std::condition_variable cv;
    bool first_running = false, release_first = false;
    std::atomic<int> ran[3] = {0, 0, 0};
    auto end = [&](int i) {
      answered_turn t;
      t.answer.conv = "c1";
      t.answer.turn_id = "t" + std::to_string(i);
      t.answer.role = "assistant";
      t.answer.text = "answer " + std::to_string(i);
      t.answer.created_ms = 2000 + i;
      t.record = rec;
      t.record.turn_count = static_cast<uint64_t>(i + 1);
      t.on_stored = [&, i] {
        ran[i] += 1;
        if (i != 0)
          return;
        // The first holds its writer until the other two are queued behind it.
        std::unique_lock<std::mutex> lock{mx};
        first_running = true;
        cv.notify_all();
        cv.wait(lock, [&] { return release_first; });
      };
      return t;
    };
    caf::scoped_actor self{sys};
    // The front answers a read of examples it keeps without a writer: once
    // it has, it has passed on everything sent to it before.
    auto front_caught_up = [&] {
      self->request(front, std::chrono::seconds(30), examples_atom_v, std::string{"alice"},
                    std::string{"sales"})
        .receive([](std::vector<example_record>&) {},
                 [](caf::error& err) { ADD_FAILURE() << caf::to_string(err); });
    };
    front_caught_up(); // read once through the writer: kept from now on
    self->send(front, answer_atom_v, std::string{"alice"}, end(0));
    {
      std::unique_lock<std::mutex> lock{mx};
      cv.wait(lock, [&] { return first_running; });
    }
    self->send(front, answer_atom_v, std::string{"alice"}, end(1));
    self->send(front, answer_atom_v, std::string{"alice"}, end(2));
    front_caught_up(); // both wait in the writer's mailbox now
    int acks = 0;
    {
      std::lock_guard<std::mutex> lock{mx};
      release_first = true;
      cv.notify_all();
    }
    for (int i = 0; i < 3; ++i)
      self->receive([&](store_ack& ack) {
        EXPECT_FALSE(ack.error);
        ++acks;
      });
    EXPECT_EQ(acks, 3);
    EXPECT_EQ(ran[0].load(), 1) << "nothing waited behind the first write";
    EXPECT_EQ(ran[1].load(), 0) << "the second ran its on_stored with a write waiting";
    EXPECT_EQ(ran[2].load(), 1) << "the last write, nothing behind it, did not run on_stored";
    EXPECT_EQ(store->get_conversation("alice", "c1")->turn_count, 3u);
    caf::anon_send_exit(front, caf::exit_reason::user_shutdown);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

} // namespace
} // namespace medha::testing
