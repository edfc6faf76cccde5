// The conversation store suite: every test runs against each store (RocksDB
// and PostgreSQL), so both keep the same contract (runtime/conversation_store.hpp).

#include "runtime/conversation_store.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "tests/runtime/store_backends.hpp"

namespace medha::testing {
namespace {

template <class Backend>
using conversation_store_test = store_suite<Backend>;

TYPED_TEST_SUITE(conversation_store_test, store_backends, backend_names);

TYPED_TEST(conversation_store_test, conversation_round_trip) {
  auto in = conv("alice", "c1");
  ASSERT_FALSE(this->store_->put_conversation(in));
  auto out = this->store_->get_conversation("alice", "c1");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->id, in.id);
  EXPECT_EQ(out->user, in.user);
  EXPECT_EQ(out->title, in.title);
  EXPECT_EQ(out->data_source, in.data_source);
  EXPECT_EQ(out->created_ms, in.created_ms);
  EXPECT_EQ(out->updated_ms, in.updated_ms);
  EXPECT_EQ(out->state_json, in.state_json);
  EXPECT_EQ(out->turn_count, in.turn_count);
  EXPECT_FALSE(this->store_->get_conversation("alice", "c2"));
}

TYPED_TEST(conversation_store_test, message_round_trip_keeps_any_bytes) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  // Quotes, newlines, NUL and invalid UTF-8 all come back as written.
  std::string odd = "say \"hi\"\n\tpr\xc3\xa9nom \xff\xfe";
  odd.push_back('\0');
  odd += "end";
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", odd)));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "assistant", "Here it is")));
  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, odd);
  EXPECT_EQ(ms[0].role, "user");
  EXPECT_EQ(ms[0].conv, "c1");
  EXPECT_EQ(ms[0].turn_id, "t1");
  EXPECT_EQ(ms[0].created_ms, 2000);
  EXPECT_EQ(ms[1].payload_json, R"({"sql":"SELECT 1","rows":[[1]]})");
  EXPECT_EQ(this->store_->corrupt_reads(), 0u);
}

// A turn's question (written without waiting for the disk) is a message
// like any other: its index follows the last one, it raises updated_ms, and a
// conversation that is not there (or not the user's) refuses it.
TYPED_TEST(conversation_store_test, question_is_appended_like_a_message) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "first", 3000)));
  ASSERT_FALSE(this->store_->append_question("alice", msg("c1", "user", "second", 9000)));
  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].text, "second");
  EXPECT_EQ(ms[1].index, 1u);
  EXPECT_EQ(this->store_->get_conversation("alice", "c1")->updated_ms, 9000);
  auto missing = this->store_->append_question("alice", msg("nope", "user", "x"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, error_code::not_found);
  auto foreign = this->store_->append_question("bob", msg("c1", "user", "x"));
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->code, error_code::not_found);
  auto role = this->store_->append_question("alice", msg("c1", "system", "x"));
  ASSERT_TRUE(role);
  EXPECT_EQ(role->code, error_code::bad_request);
  EXPECT_EQ(this->store_->messages("alice", "c1").size(), 2u);
}

TYPED_TEST(conversation_store_test, append_assigns_indices_in_order) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  // 20 > 16 checks that numeric order survives the hex key encoding.
  for (int i = 0; i < 20; ++i) {
    auto m = msg("c1", i % 2 ? "assistant" : "user", "m" + std::to_string(i));
    m.index = 999; // ignored: the store assigns
    ASSERT_FALSE(this->store_->append_message("alice", m));
  }
  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 20u);
  for (uint64_t i = 0; i < ms.size(); ++i) {
    EXPECT_EQ(ms[i].index, i);
    EXPECT_EQ(ms[i].text, "m" + std::to_string(i));
  }
}

TYPED_TEST(conversation_store_test, append_raises_updated_ms_which_never_goes_back) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1", 1000)));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "hi", 5000)));
  EXPECT_EQ(this->store_->get_conversation("alice", "c1")->updated_ms, 5000);
  // A stale copy written back (the caller read it before the append) keeps 5000.
  auto stale = conv("alice", "c1", 1000);
  stale.title = "Renamed";
  ASSERT_FALSE(this->store_->put_conversation(stale));
  auto now = this->store_->get_conversation("alice", "c1");
  EXPECT_EQ(now->updated_ms, 5000);
  EXPECT_EQ(now->title, "Renamed");
}

TYPED_TEST(conversation_store_test, other_users_see_nothing) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "secret")));
  ASSERT_FALSE(this->store_->append_step("alice", step("c1", "t1", 1)));

  EXPECT_FALSE(this->store_->get_conversation("bob", "c1"));
  EXPECT_TRUE(this->store_->list_conversations("bob").empty());
  EXPECT_TRUE(this->store_->messages("bob", "c1").empty());
  EXPECT_TRUE(this->store_->steps("bob", "c1", "t1").empty());
  auto append = this->store_->append_message("bob", msg("c1", "user", "mine now"));
  ASSERT_TRUE(append);
  EXPECT_EQ(append->code, error_code::not_found);
  auto st = this->store_->append_step("bob", step("c1", "t1", 2));
  ASSERT_TRUE(st);
  EXPECT_EQ(st->code, error_code::not_found);
  auto del = this->store_->delete_conversation("bob", "c1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->code, error_code::not_found);
  // A user whose name is a prefix of another's must not see theirs either.
  EXPECT_TRUE(this->store_->list_conversations("alic").empty());

  EXPECT_TRUE(this->store_->get_conversation("alice", "c1"));
  EXPECT_EQ(this->store_->messages("alice", "c1").size(), 1u);
}

TYPED_TEST(conversation_store_test, bad_ids_are_rejected_not_stored) {
  auto bad_user = this->store_->put_conversation(conv("a.b", "c1"));
  ASSERT_TRUE(bad_user);
  EXPECT_EQ(bad_user->code, error_code::bad_request);
  auto slash = this->store_->put_conversation(conv("alice", "c/1"));
  ASSERT_TRUE(slash);
  EXPECT_EQ(slash->code, error_code::bad_request);
  EXPECT_FALSE(this->store_->get_conversation("alice", "c/1"));
  EXPECT_TRUE(this->store_->list_conversations("a.b").empty());

  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  auto role = this->store_->append_message("alice", msg("c1", "system", "x"));
  ASSERT_TRUE(role);
  EXPECT_EQ(role->code, error_code::bad_request);
  auto missing = this->store_->append_message("alice", msg("nope", "user", "x"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, error_code::not_found);
}

TYPED_TEST(conversation_store_test, list_is_most_recent_first) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "old", 100)));
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "new", 300)));
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "mid", 200)));
  ASSERT_FALSE(this->store_->put_conversation(conv("bob", "other", 999)));
  auto list = this->store_->list_conversations("alice");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, "new");
  EXPECT_EQ(list[1].id, "mid");
  EXPECT_EQ(list[2].id, "old");
  // A new message moves its conversation to the top.
  ASSERT_FALSE(this->store_->append_message("alice", msg("old", "user", "again", 400)));
  EXPECT_EQ(this->store_->list_conversations("alice")[0].id, "old");
}

TYPED_TEST(conversation_store_test, steps_are_per_turn_in_seq_order) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  for (uint64_t seq : {3, 1, 2, 17})
    ASSERT_FALSE(this->store_->append_step("alice", step("c1", "t1", seq)));
  ASSERT_FALSE(this->store_->append_step("alice", step("c1", "t2", 1)));
  // Same seq again replaces (a retried publish must not duplicate).
  auto again = step("c1", "t1", 2);
  again.event_json = R"({"retry":true})";
  ASSERT_FALSE(this->store_->append_step("alice", again));

  auto t1 = this->store_->steps("alice", "c1", "t1");
  ASSERT_EQ(t1.size(), 4u);
  EXPECT_EQ(t1[0].seq, 1u);
  EXPECT_EQ(t1[1].seq, 2u);
  EXPECT_EQ(t1[1].event_json, R"({"retry":true})");
  EXPECT_EQ(t1[2].seq, 3u);
  EXPECT_EQ(t1[3].seq, 17u);
  EXPECT_EQ(t1[3].turn_id, "t1");
  EXPECT_EQ(this->store_->steps("alice", "c1", "t2").size(), 1u);
  EXPECT_TRUE(this->store_->steps("alice", "c1", "t3").empty());
}

TYPED_TEST(conversation_store_test, delete_removes_conversation_messages_and_steps) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c10"))); // shares a prefix
  for (auto id : {"c1", "c10"}) {
    ASSERT_FALSE(this->store_->append_message("alice", msg(id, "user", "q")));
    ASSERT_FALSE(this->store_->append_step("alice", step(id, "t1", 1)));
  }
  ASSERT_FALSE(this->store_->delete_conversation("alice", "c1"));
  EXPECT_FALSE(this->store_->get_conversation("alice", "c1"));
  // Re-creating the id must start empty: the old rows are gone, not hidden.
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  EXPECT_TRUE(this->store_->messages("alice", "c1").empty());
  EXPECT_TRUE(this->store_->steps("alice", "c1", "t1").empty());
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "fresh")));
  EXPECT_EQ(this->store_->messages("alice", "c1")[0].index, 0u);
  // The neighbour is untouched.
  EXPECT_EQ(this->store_->messages("alice", "c10").size(), 1u);
  EXPECT_EQ(this->store_->steps("alice", "c10", "t1").size(), 1u);

  auto again = this->store_->delete_conversation("alice", "gone");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->code, error_code::not_found);
}

TYPED_TEST(conversation_store_test, expire_idle_deletes_only_idle_conversations) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "stale", 1000)));
  ASSERT_FALSE(this->store_->put_conversation(conv("bob", "stale2", 2000)));
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "fresh", 9000)));
  ASSERT_FALSE(this->store_->append_message("alice", msg("stale", "user", "old", 1000)));
  // now=10000, ttl=5000: idle means updated before 5000.
  EXPECT_EQ(this->store_->expire_idle(10000, 5000), 2u);
  EXPECT_FALSE(this->store_->get_conversation("alice", "stale"));
  EXPECT_FALSE(this->store_->get_conversation("bob", "stale2"));
  EXPECT_TRUE(this->store_->messages("alice", "stale").empty());
  EXPECT_TRUE(this->store_->get_conversation("alice", "fresh"));
  EXPECT_EQ(this->store_->expire_idle(10000, 5000), 0u);
}

TYPED_TEST(conversation_store_test, data_survives_reopen) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "one")));
  ASSERT_FALSE(this->store_->append_step("alice", step("c1", "t1", 1)));
  ASSERT_FALSE(this->store_->put_blob("catalog/sales", "cached"));
  this->store_.reset();
  this->store_ = this->open_store();
  ASSERT_TRUE(this->store_);
  EXPECT_TRUE(this->store_->get_conversation("alice", "c1"));
  EXPECT_EQ(this->store_->steps("alice", "c1", "t1").size(), 1u);
  EXPECT_EQ(this->store_->get_blob("catalog/sales"), "cached");
  // Indices continue after the last stored one.
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "assistant", "two")));
  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].index, 1u);
}

TYPED_TEST(conversation_store_test, blobs) {
  EXPECT_FALSE(this->store_->get_blob("k"));
  std::string binary("a\0b\xff", 4);
  ASSERT_FALSE(this->store_->put_blob("k", binary));
  EXPECT_EQ(this->store_->get_blob("k"), binary);
  ASSERT_FALSE(this->store_->put_blob("k", "v2"));
  EXPECT_EQ(this->store_->get_blob("k"), "v2");
  auto empty = this->store_->put_blob("", "x");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->code, error_code::bad_request);
  // Blob keys live in their own space: a blob named like a conversation key
  // does not create a conversation.
  ASSERT_FALSE(this->store_->put_blob("c/alice/c1", "{}"));
  EXPECT_TRUE(this->store_->list_conversations("alice").empty());
}

TYPED_TEST(conversation_store_test, concurrent_appends_get_distinct_indices) {
  ASSERT_FALSE(this->store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(this->store_->put_conversation(conv("bob", "c2")));
  constexpr int threads = 4, per_thread = 10;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        auto user = t % 2 ? "bob" : "alice";
        auto id = t % 2 ? "c2" : "c1";
        EXPECT_FALSE(this->store_->append_message(user, msg(id, "user", std::to_string(i))));
        EXPECT_FALSE(this->store_->append_step(user, step(id, "t" + std::to_string(t), i + 1)));
      }
    });
  for (auto& th : pool)
    th.join();
  for (auto [user, id] : {std::pair{"alice", "c1"}, std::pair{"bob", "c2"}}) {
    auto ms = this->store_->messages(user, id);
    ASSERT_EQ(ms.size(), 2u * per_thread);
    for (uint64_t i = 0; i < ms.size(); ++i)
      EXPECT_EQ(ms[i].index, i);
  }
}

} // namespace
} // namespace medha::testing
