// store_answer, the one write that ends a turn, against each store.

#include "runtime/conversation_store.hpp"

#include <gtest/gtest.h>

#include "tests/runtime/store_backends.hpp"

namespace medha::testing {
namespace {

template <class Backend>
using store_answer_test = store_suite<Backend>;

TYPED_TEST_SUITE(store_answer_test, store_backends, backend_names);

answered_turn turn_end(const conversation_record& before, const std::string& text, int64_t at) {
  answered_turn t;
  t.answer = msg(before.id, "assistant", text, at);
  t.answer.payload_json = "{\"odd\":\"\\u0000 '; DROP TABLE x; --\"}";
  t.record = before;
  t.record.turn_count += 1;
  t.record.state_json = "{\"last_sql\":\"SELECT 'it''s'\"}";
  t.record.updated_ms = at;
  for (uint64_t seq : {1, 2, 3})
    t.steps.push_back(step(before.id, "t1", seq));
  t.steps.back().event_json = std::string{"final \xff\x00 bytes", 14};
  return t;
}

TYPED_TEST(store_answer_test, writes_steps_answer_and_record_at_once) {
  auto c = conv("alice", "c1", 1000);
  ASSERT_FALSE(this->store_->put_conversation(c));
  ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "how many", 2000)));
  auto t = turn_end(c, "There are 5.", 3000);
  ASSERT_FALSE(this->store_->store_answer("alice", t));

  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].index, 1u);
  EXPECT_EQ(ms[1].role, "assistant");
  EXPECT_EQ(ms[1].text, "There are 5.");
  EXPECT_EQ(ms[1].payload_json, t.answer.payload_json);
  auto steps = this->store_->steps("alice", "c1", "t1");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[2].event_json, t.steps[2].event_json);
  auto rec = this->store_->get_conversation("alice", "c1");
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->turn_count, c.turn_count + 1);
  EXPECT_EQ(rec->state_json, t.record.state_json);
  EXPECT_EQ(rec->updated_ms, 3000);
}

TYPED_TEST(store_answer_test, keeps_the_later_updated_ms_and_the_next_index) {
  auto c = conv("alice", "c1", 1000);
  ASSERT_FALSE(this->store_->put_conversation(c));
  for (int i = 0; i < 3; ++i)
    ASSERT_FALSE(this->store_->append_message("alice", msg("c1", "user", "q", 9000)));
  // A record read before the appends: updated_ms must not go back.
  ASSERT_FALSE(this->store_->store_answer("alice", turn_end(c, "a", 4000)));
  EXPECT_EQ(this->store_->get_conversation("alice", "c1")->updated_ms, 9000);
  auto ms = this->store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[3].index, 3u);
}

TYPED_TEST(store_answer_test, turn_messages_are_the_turns_question_and_answer) {
  auto c = conv("alice", "c1", 1000);
  ASSERT_FALSE(this->store_->put_conversation(c));
  for (auto turn : {"t1", "t2", "t3"}) {
    auto q = msg("c1", "user", std::string{"q "} + turn);
    q.turn_id = turn;
    ASSERT_FALSE(this->store_->append_message("alice", q));
    auto a = turn_end(c, std::string{"a "} + turn, 3000);
    a.answer.turn_id = turn;
    ASSERT_FALSE(this->store_->store_answer("alice", a));
  }
  auto t2 = this->store_->turn_messages("alice", "c1", "t2");
  ASSERT_EQ(t2.size(), 2u);
  EXPECT_EQ(t2[0].text, "q t2");
  EXPECT_EQ(t2[0].index, 2u);
  EXPECT_EQ(t2[1].text, "a t2");
  EXPECT_TRUE(this->store_->turn_messages("alice", "c1", "t9").empty());
  EXPECT_TRUE(this->store_->turn_messages("bob", "c1", "t2").empty());
}

TYPED_TEST(store_answer_test, a_missing_conversation_stores_nothing) {
  auto c = conv("alice", "gone", 1000);
  auto err = this->store_->store_answer("alice", turn_end(c, "a", 2000));
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, error_code::not_found);
  EXPECT_TRUE(this->store_->steps("alice", "gone", "t1").empty());
  EXPECT_FALSE(this->store_->get_conversation("alice", "gone"));
  // Another user's conversation is as missing.
  ASSERT_FALSE(this->store_->put_conversation(conv("bob", "c1")));
  auto foreign = turn_end(conv("alice", "c1"), "a", 2000);
  err = this->store_->store_answer("alice", foreign);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, error_code::not_found);
  EXPECT_TRUE(this->store_->messages("bob", "c1").empty());
  // And a turn naming two conversations is refused before anything is written.
  auto mixed = turn_end(conv("bob", "c1"), "a", 2000);
  mixed.steps[0].conv = "other";
  err = this->store_->store_answer("bob", mixed);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, error_code::bad_request);
  EXPECT_TRUE(this->store_->messages("bob", "c1").empty());
}

} // namespace
} // namespace medha::testing
