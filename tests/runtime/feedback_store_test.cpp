// Feedback and verified examples in both stores (the same contract).

#include "runtime/conversation_store.hpp"

#include <gtest/gtest.h>

#include "tests/runtime/store_backends.hpp"

namespace medha::testing {
namespace {

template <class Backend>
using feedback_store_test = store_suite<Backend>;

TYPED_TEST_SUITE(feedback_store_test, store_backends, backend_names);

feedback_record thumbs(const std::string& conv, uint64_t message, bool positive,
                       const std::string& comment = "") {
  return {conv, message, positive, comment, "accuracy", 1000 + static_cast<int64_t>(message)};
}

example_record example(const std::string& scope, const std::string& question, int64_t at) {
  return {scope, "sales", question, "SELECT 1 -- " + question, "alice/c1/" + question, at};
}

TYPED_TEST(feedback_store_test, feedback_is_kept_per_message_and_replaced) {
  auto& store = *this->store_;
  ASSERT_FALSE(store.put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store.put_feedback("alice", thumbs("c1", 3, false, "wrong year \xff")));
  ASSERT_FALSE(store.put_feedback("alice", thumbs("c1", 1, true)));
  ASSERT_FALSE(store.put_feedback("alice", thumbs("c1", 3, true, "fixed")));
  auto all = store.feedback("alice", "c1");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].message, 1u);
  EXPECT_EQ(all[1].message, 3u);
  EXPECT_TRUE(all[1].positive);
  EXPECT_EQ(all[1].comment, "fixed");
  EXPECT_EQ(all[1].category, "accuracy");
  // Another user's conversation, or none, takes no feedback.
  auto refused = store.put_feedback("bob", thumbs("c1", 1, true));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, error_code::not_found);
  EXPECT_TRUE(store.feedback("bob", "c1").empty());
  // Deleted with the conversation.
  ASSERT_FALSE(store.delete_conversation("alice", "c1"));
  ASSERT_FALSE(store.put_conversation(conv("alice", "c1")));
  EXPECT_TRUE(store.feedback("alice", "c1").empty());
}

TYPED_TEST(feedback_store_test, a_user_sees_their_own_examples_and_everyones) {
  auto& store = *this->store_;
  ASSERT_FALSE(store.put_example(example("alice", "mine", 2)));
  ASSERT_FALSE(store.put_example(example("bob", "his", 1)));
  ASSERT_FALSE(store.put_example(example(everyone_scope, "approved", 3)));
  auto alice = store.examples("alice", "sales");
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[0].question, "mine");
  EXPECT_EQ(alice[1].question, "approved");
  EXPECT_EQ(alice[1].scope, "*");
  auto bob = store.examples("bob", "sales");
  ASSERT_EQ(bob.size(), 2u);
  EXPECT_EQ(bob[0].question, "his");
  EXPECT_TRUE(store.examples("carol", "hr").empty());
  // The same origin replaces; examples outlive their conversation.
  auto again = example("alice", "mine", 5);
  again.sql = "SELECT 2";
  ASSERT_FALSE(store.put_example(again));
  alice = store.examples("alice", "sales");
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[1].sql, "SELECT 2");
  auto bad = example("not a user!", "x", 1);
  ASSERT_TRUE(store.put_example(bad));
  EXPECT_EQ(store.put_example(bad)->code, error_code::bad_request);
}

} // namespace
} // namespace medha::testing
