// begin_turn, a turn's start on a shared store (one round trip in
// PostgreSQL), against each store: the same outcome as the calls it stands for.

#include "runtime/conversation_store.hpp"

#include <gtest/gtest.h>

#include "tests/runtime/store_backends.hpp"

namespace medha::testing {
namespace {

template <class Backend>
using begin_turn_test = store_suite<Backend>;

TYPED_TEST_SUITE(begin_turn_test, store_backends, backend_names);

message_record question(const std::string& turn, int64_t at) {
  auto q = msg("c1", "user", "how many orders " + turn, at);
  q.turn_id = turn;
  return q;
}

TYPED_TEST(begin_turn_test, stores_the_question_once_and_reads_the_latest_record) {
  auto& store = *this->store_;
  ASSERT_FALSE(store.put_conversation(conv("alice", "c1", 1000)));
  auto q = question("t1", 5000);
  q.payload_json = R"({"delivery":3})";
  auto first = store.begin_turn("alice", q, std::nullopt);
  ASSERT_FALSE(first.error) << first.error->message;
  EXPECT_TRUE(first.question_stored);
  EXPECT_FALSE(first.lookup.asked);
  EXPECT_FALSE(first.counted);
  EXPECT_EQ(first.record.turn_count, 3u);
  EXPECT_EQ(first.record.state_json, conv("alice", "c1").state_json);
  EXPECT_EQ(first.record.updated_ms, 5000) << "raised by the question, as append_question does";

  // Taken again (a worker died): asked before, not stored twice.
  auto again = store.begin_turn("alice", question("t1", 6000), std::nullopt);
  ASSERT_FALSE(again.error) << again.error->message;
  EXPECT_FALSE(again.question_stored);
  EXPECT_TRUE(again.lookup.asked);
  EXPECT_FALSE(again.lookup.answered);
  EXPECT_EQ(again.lookup.first_delivery, 3u);
  auto ms = store.messages("alice", "c1");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, q.text);
  EXPECT_EQ(ms[0].payload_json, q.payload_json);
}

TYPED_TEST(begin_turn_test, an_answered_turn_reads_its_published_final_event) {
  auto& store = *this->store_;
  auto c = conv("alice", "c1", 1000);
  ASSERT_FALSE(store.put_conversation(c));
  ASSERT_FALSE(store.begin_turn("alice", question("t1", 2000), std::nullopt).error);
  answered_turn end;
  end.answer = msg("c1", "assistant", "There are 5.", 3000);
  end.answer.payload_json = R"({"text":"There are 5."})";
  end.record = c;
  end.record.turn_count = 4;
  end.steps.push_back(step("c1", "t1", 1));
  end.steps.push_back({"c1", "t1", 2,
                       R"({"conv":"c1","turn_id":"t1","seq":2,"step":"answer","status":"done",)"
                       R"("elapsed_ms":1,"data":{"text":"There are 5."}})"});
  ASSERT_FALSE(store.store_answer("alice", end));
  auto again = store.begin_turn("alice", question("t1", 4000), std::nullopt);
  ASSERT_FALSE(again.error) << again.error->message;
  EXPECT_TRUE(again.lookup.answered);
  EXPECT_EQ(again.lookup.final_event, end.steps[1].event_json);
  EXPECT_FALSE(again.question_stored);
  EXPECT_EQ(again.record.turn_count, 4u);
  EXPECT_EQ(store.messages("alice", "c1").size(), 2u);
}

TYPED_TEST(begin_turn_test, reads_the_verified_examples_of_the_data_source) {
  auto& store = *this->store_;
  ASSERT_FALSE(store.put_conversation(conv("alice", "c1")));
  auto example = [](const char* scope, const char* source, std::string question, int64_t at) {
    return example_record{scope, source, std::move(question), "SELECT 1",
                          "o" + std::to_string(at), at};
  };
  std::string odd_bytes("mine \xff\0,\"}", 10);
  ASSERT_FALSE(store.put_example(example("alice", "sales", odd_bytes, 20)));
  ASSERT_FALSE(store.put_example(example("*", "sales", "everyone's", 10)));
  ASSERT_FALSE(store.put_example(example("bob", "sales", "bob's", 5)));
  ASSERT_FALSE(store.put_example(example("*", "hr", "another source", 1)));
  ASSERT_FALSE(store.put_example(example("*", "sales", "", 30)));
  auto start = store.begin_turn("alice", question("t1", 2000), std::nullopt);
  ASSERT_FALSE(start.error) << start.error->message;
  auto expected = store.examples("alice", "sales");
  ASSERT_EQ(expected.size(), 3u);
  ASSERT_EQ(start.examples.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(start.examples[i].question, expected[i].question) << i;
    EXPECT_EQ(start.examples[i].sql, expected[i].sql) << i;
  }
}

TYPED_TEST(begin_turn_test, another_users_or_a_missing_conversation_is_not_found) {
  auto& store = *this->store_;
  ASSERT_FALSE(store.put_conversation(conv("alice", "c1")));
  for (auto user : {"bob", "alice"}) {
    auto q = question("t1", 2000);
    if (std::string{user} == "alice")
      q.conv = "c2";
    auto start = store.begin_turn(user, q, turn_limits{100, 4});
    ASSERT_TRUE(start.error) << user;
    EXPECT_EQ(start.error->code, error_code::not_found);
    EXPECT_FALSE(start.counted);
  }
  EXPECT_TRUE(store.messages("alice", "c1").empty());
  EXPECT_TRUE(store.messages("bob", "c1").empty());
}

} // namespace
} // namespace medha::testing
