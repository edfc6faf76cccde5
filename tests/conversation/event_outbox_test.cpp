// A conversation's outbox, shared by the actor and the store's writer:
// events in order, the final one once, and the actor learns who sent it.

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "actors/conversation/event_outbox.hpp"
#include "runtime/event_sink.hpp"

namespace medha {
namespace {

// Records what is published, in order.
class sink : public event_sink {
public:
  struct sent {
    std::string subject;
    std::string data;
  };
  void publish(const std::string& subject, const std::string& data) override {
    std::lock_guard<std::mutex> guard{mx_};
    out_.push_back({subject, data});
  }
  bool connected() const override { return true; }
  std::vector<sent> so_far() {
    std::lock_guard<std::mutex> guard{mx_};
    return out_;
  }

private:
  std::mutex mx_;
  std::vector<sent> out_;
};

TEST(event_outbox, the_writer_sends_what_is_held_then_the_armed_final_event_once) {
  auto events = std::make_shared<sink>();
  auto outbox = std::make_shared<event_outbox>(events, "medha.events.u.c");
  outbox->hold("e1");
  outbox->hold("e2");
  outbox->arm(7, {"final", "reply.subject", nullptr, 0});
  std::thread writer([&] { outbox->stored(7); });
  writer.join();
  outbox->flush();   // nothing left: both went out before the final one
  outbox->stored(7); // a second report sends nothing
  auto out = events->so_far();
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].data, "e1");
  EXPECT_EQ(out[1].data, "e2");
  EXPECT_EQ(out[2].data, "final");
  EXPECT_EQ(out[2].subject, "medha.events.u.c");
  EXPECT_EQ(out[3].subject, "reply.subject");
  EXPECT_TRUE(outbox->disarm(7)) << "the actor must learn that the final event went out";
}

TEST(event_outbox, a_final_event_taken_back_is_never_sent_by_the_writer) {
  auto events = std::make_shared<sink>();
  auto outbox = std::make_shared<event_outbox>(events, "medha.events.u.c");
  outbox->arm(3, {"final", "", nullptr, 0});
  EXPECT_FALSE(outbox->disarm(3));
  outbox->stored(3);
  EXPECT_TRUE(events->so_far().empty());
  // A later end write has its own ticket; the old one's report changes nothing.
  outbox->arm(4, {"final-4", "", nullptr, 0});
  outbox->stored(3);
  EXPECT_TRUE(events->so_far().empty());
  outbox->stored(4);
  ASSERT_EQ(events->so_far().size(), 1u);
  EXPECT_EQ(events->so_far()[0].data, "final-4");
  EXPECT_TRUE(outbox->disarm(4));
}

} // namespace
} // namespace medha
