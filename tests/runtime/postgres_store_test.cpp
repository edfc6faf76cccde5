// What only the PostgreSQL store does: schema migrations at open, several
// stores (workers) on one database. The shared contract is in
// conversation_store_test.cpp.

#include "runtime/postgres_store.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <atomic>
#include <thread>
#include <vector>

#include "runtime/postgres_migrations.hpp"
#include "tests/runtime/store_backends.hpp"

namespace medha::testing {
namespace {

class postgres_store_test : public ::testing::Test {
protected:
  postgres_backend backend_; // a fresh database per test
};

TEST_F(postgres_store_test, migrations_are_applied_once_and_recorded) {
  auto first = backend_.open();
  ASSERT_TRUE(first);
  auto second = backend_.open(); // a restart: nothing left to apply
  ASSERT_TRUE(second);
  pqxx::connection c{backend_.conninfo()};
  EXPECT_EQ(apply_migrations(c, conversation_store_migrations()), 0);
  pqxx::work tx{c};
  auto rows = tx.exec("SELECT version FROM medha_schema_migrations ORDER BY version");
  auto& all = conversation_store_migrations();
  ASSERT_EQ(rows.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(rows[i][0].as<int>(), all[i].version);
}

TEST_F(postgres_store_test, workers_starting_together_both_open) {
  // Without the migration lock one of them fails on "relation already exists".
  std::vector<std::unique_ptr<conversation_store>> stores(4);
  std::vector<std::thread> starts;
  for (auto& s : stores)
    starts.emplace_back([&s, this] { s = backend_.open(); });
  for (auto& t : starts)
    t.join();
  for (auto& s : stores)
    EXPECT_TRUE(s);
}

TEST_F(postgres_store_test, two_stores_share_one_conversation) {
  auto a = backend_.open();
  auto b = backend_.open();
  ASSERT_TRUE(a && b);
  ASSERT_FALSE(a->put_conversation(conv("alice", "c1")));
  ASSERT_TRUE(b->get_conversation("alice", "c1"));
  // Both append to the same conversation at once, as two workers would.
  constexpr int per_store = 15;
  std::vector<std::thread> writers;
  for (auto* s : {a.get(), b.get()})
    writers.emplace_back([s] {
      for (int i = 0; i < per_store; ++i)
        EXPECT_FALSE(s->append_message("alice", msg("c1", "user", std::to_string(i))));
    });
  for (auto& t : writers)
    t.join();
  for (auto* s : {a.get(), b.get()}) {
    auto ms = s->messages("alice", "c1");
    ASSERT_EQ(ms.size(), 2u * per_store);
    for (uint64_t i = 0; i < ms.size(); ++i)
      EXPECT_EQ(ms[i].index, i);
  }
  ASSERT_FALSE(b->delete_conversation("alice", "c1"));
  EXPECT_TRUE(a->list_conversations("alice").empty());
}

// Two stores stand for two workers: the limits are one user's, wherever counted.
TEST_F(postgres_store_test, turn_limits_are_shared_by_every_store) {
  auto a = backend_.open();
  auto b = backend_.open();
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(a->admit_turn("ann", "c1", 3, 1));
  auto busy = b->admit_turn("ann", "c2", 3, 1); // one running on the other worker
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->code, error_code::rate_limited);
  EXPECT_EQ(busy->retry_after_ms, 1000);
  EXPECT_FALSE(b->admit_turn("bo", "c1", 3, 1)) << "another user is not limited";
  a->finish_turn("ann", "c1");
  EXPECT_FALSE(b->admit_turn("ann", "c2", 3, 1));
  b->finish_turn("ann", "c2");
  EXPECT_FALSE(a->admit_turn("ann", "c3", 3, 1));
  a->finish_turn("ann", "c3");
  auto fourth = b->admit_turn("ann", "c4", 3, 1); // the fourth in a minute
  ASSERT_TRUE(fourth);
  EXPECT_EQ(fourth->code, error_code::rate_limited);
  EXPECT_GT(fourth->retry_after_ms, 50000);
  EXPECT_LE(fourth->retry_after_ms, 60000);
}

// A turn counted as it starts (begin_turn) stops counting with its end
// write when that says so (release), on whichever worker it ends.
TEST_F(postgres_store_test, a_turn_counted_at_its_start_ends_with_its_end_write) {
  auto a = backend_.open();
  auto b = backend_.open();
  ASSERT_TRUE(a && b);
  for (auto id : {"c1", "c2"})
    ASSERT_FALSE(a->put_conversation(conv("ann", id)));
  auto ask = [](conversation_store& s, const std::string& c, const std::string& turn) {
    auto q = msg(c, "user", "how many", 2000);
    q.turn_id = turn;
    return s.begin_turn("ann", q, turn_limits{100, 1});
  };
  auto end = [](const std::string& c, const std::string& turn, bool release) {
    answered_turn t;
    t.answer = msg(c, "assistant", "5", 3000);
    t.answer.turn_id = turn;
    t.record = conv("ann", c);
    t.steps.push_back(step(c, turn, 1));
    t.release = release;
    return t;
  };
  auto first = ask(*a, "c1", "t1");
  ASSERT_FALSE(first.error) << first.error->message;
  EXPECT_TRUE(first.counted);
  auto busy = ask(*b, "c2", "t2"); // one running already, on the other worker
  ASSERT_TRUE(busy.error);
  EXPECT_EQ(busy.error->code, error_code::rate_limited);
  EXPECT_TRUE(b->messages("ann", "c2").empty()) << "a refused turn writes nothing";
  ASSERT_FALSE(b->store_answer("ann", end("c1", "t1", true)));
  auto second = ask(*b, "c2", "t2");
  ASSERT_FALSE(second.error) << second.error->message;
  ASSERT_FALSE(a->store_answer("ann", end("c2", "t2", false)));
  auto third = ask(*a, "c1", "t3");
  ASSERT_TRUE(third.error) << "an end write without release leaves the turn counted";
  b->finish_turn("ann", "c2");
  EXPECT_FALSE(ask(*a, "c1", "t3").error);
}

// Admissions racing from several workers at once: the user's lock makes
// them take turns, and each sees the ones admitted before it, so exactly
// the limit gets in (a count read before the lock was taken would let more).
TEST_F(postgres_store_test, racing_admissions_admit_exactly_the_limit) {
  constexpr int stores = 4, each = 5, at_once = 6;
  std::vector<std::unique_ptr<conversation_store>> workers;
  for (int i = 0; i < stores; ++i) {
    workers.push_back(backend_.open());
    ASSERT_TRUE(workers.back());
  }
  std::atomic<int> admitted{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < stores; ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < each; ++k) {
        auto err = workers[i]->admit_turn("ann", "c" + std::to_string(i * each + k), 1000, at_once);
        if (!err)
          admitted += 1;
        else if (err->code == error_code::rate_limited)
          refused += 1;
      }
    });
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(admitted.load(), at_once);
  EXPECT_EQ(refused.load(), stores * each - at_once);
}

TEST(postgres_store, unreachable_server_is_an_error_not_a_throw) {
  auto conninfo = "host=127.0.0.1 port=" + std::to_string(free_port())
                  + " dbname=x user=x password=hunter2 connect_timeout=2";
  auto r = postgres_store::open(conninfo);
  ASSERT_TRUE(std::holds_alternative<medha_error>(r));
  auto& err = std::get<medha_error>(r);
  EXPECT_NE(err.message.find("PostgreSQL"), std::string::npos) << err.message;
  EXPECT_EQ(err.message.find("hunter2"), std::string::npos) << err.message;
}

} // namespace
} // namespace medha::testing
