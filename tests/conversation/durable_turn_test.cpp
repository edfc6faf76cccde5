// Turns taken from the JetStream stream, as one conversation actor sees
// them: acknowledged only once the answer is stored, and a turn taken again
// is not run twice nor asked twice. (The stream itself is tested against a
// real nats-server in tests/integration/durable_turns_test.cpp.)

#include "tests/conversation/conversation_fixture.hpp"

#include "runtime/turn_acks.hpp"

namespace medha {
namespace {

// Records acknowledgements, and whether the turn's answer was stored by then.
class ack_recorder : public turn_acks {
public:
  explicit ack_recorder(std::shared_ptr<conversation_store> store) : store_(std::move(store)) {}

  void ack(uint64_t delivery) override {
    bool stored = false;
    for (auto& m : store_->messages("u", "c1"))
      stored = stored || m.role == "assistant";
    std::lock_guard<std::mutex> lock{mx_};
    acked_[delivery] = stored;
    cv_.notify_all();
  }
  void finished(uint64_t delivery) override {
    bool stored = false;
    for (auto& m : store_->messages("u", "c1"))
      stored = stored || m.role == "assistant";
    std::lock_guard<std::mutex> lock{mx_};
    finished_[delivery] = stored && !acked_.count(delivery);
  }
  void release(uint64_t delivery, std::chrono::milliseconds) override {
    std::lock_guard<std::mutex> lock{mx_};
    released_.push_back(delivery);
  }

  /// Whether an answer was stored when `delivery` was acknowledged (nullopt: never acked).
  std::optional<bool> acked_with_answer(uint64_t delivery) {
    std::unique_lock<std::mutex> lock{mx_};
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return acked_.count(delivery) > 0; });
    if (!acked_.count(delivery))
      return std::nullopt;
    return acked_[delivery];
  }

  /// Whether `delivery` was said finished with its answer stored and before its ack.
  bool finished_in_order(uint64_t delivery) {
    std::lock_guard<std::mutex> lock{mx_};
    return finished_.count(delivery) && finished_[delivery];
  }

private:
  std::shared_ptr<conversation_store> store_;
  std::map<uint64_t, bool> finished_;
  std::mutex mx_;
  std::condition_variable cv_;
  std::map<uint64_t, bool> acked_;
  std::vector<uint64_t> released_;
};

struct durable_turn : conversation_unit {
  std::shared_ptr<ack_recorder> acks = std::make_shared<ack_recorder>(store);
  durable_turn() { deps.acks = acks; }

  turn_request from_stream(const std::string& id, uint64_t delivery) {
    auto t = turn(id, "how many orders");
    t.delivery = delivery;
    return t;
  }

  std::vector<std::pair<std::string, std::string>> stored() {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& m : store->messages("u", "c1"))
      out.emplace_back(m.role, m.turn_id);
    return out;
  }
};

TEST_F(durable_turn, a_turn_is_acknowledged_once_its_answer_is_stored) {
  auto conv = start("sales");
  caf::anon_send(conv, from_stream("t1", 7));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::answer);
  EXPECT_EQ(acks->acked_with_answer(7), std::optional<bool>{true});
  // The stream hears the turn is over (so the next may start here) once it
  // is stored, ahead of the ack.
  EXPECT_TRUE(acks->finished_in_order(7));
}

TEST_F(durable_turn, an_answered_turn_taken_again_is_published_from_the_store) {
  auto conv = start("sales");
  caf::anon_send(conv, from_stream("t1", 7));
  auto first = events->turn("t1");
  ASSERT_FALSE(first.empty());
  ASSERT_TRUE(acks->acked_with_answer(7));
  // A later turn ends after the copy of t1 is handled (turns run in order).
  caf::anon_send(conv, from_stream("t1", 8));
  caf::anon_send(conv, from_stream("t2", 9));
  ASSERT_FALSE(events->turn("t2").empty());
  ASSERT_TRUE(acks->acked_with_answer(8));
  auto again = events->turn("t1");
  ASSERT_EQ(again.size(), first.size() + 1) << "t1 ran again instead of being published";
  EXPECT_EQ(encode_step_event(again.back()), encode_step_event(first.back()));
  EXPECT_EQ(seen->executor_calls, 2); // t1 once, t2 once
  std::vector<std::pair<std::string, std::string>> expected{
    {"user", "t1"}, {"assistant", "t1"}, {"user", "t2"}, {"assistant", "t2"}};
  EXPECT_EQ(stored(), expected);
}

TEST_F(durable_turn, a_turn_asked_but_not_answered_runs_without_asking_twice) {
  auto conv = start("sales");
  // A worker stored the question, then died.
  message_record question;
  question.conv = "c1";
  question.turn_id = "t1";
  question.role = "user";
  question.text = "how many orders";
  ASSERT_FALSE(store->append_message("u", question));
  caf::anon_send(conv, from_stream("t1", 7));
  auto evs = events->turn("t1");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs.back().step, step_kind::answer);
  std::vector<std::pair<std::string, std::string>> expected{{"user", "t1"}, {"assistant", "t1"}};
  EXPECT_EQ(stored(), expected);
}

} // namespace
} // namespace medha
