// The store actor's front keeps the verified examples when its worker is the
// store's only writer: a turn reads them without a trip to a writer, and a
// write of an example is seen by the next read.

#include "runtime/store_actor.hpp"

#include <filesystem>

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

} // namespace
} // namespace medha::testing
