// How `medha load` (scripts/chaos) judges what became of each turn.

#include <gtest/gtest.h>

#include "runtime/client/load.hpp"

namespace medha::client {
namespace {

// A conversation of turns a, b, c that went as it should.
load_conversation clean() {
  load_conversation c;
  c.id = "c1";
  c.turn_ids = {"a", "b", "c"};
  c.finals_in_arrival = {"a", "b", "c"};
  c.stored = {{"user", "a"}, {"assistant", "a"}, {"user", "b"},
              {"assistant", "b"}, {"user", "c"}, {"assistant", "c"}};
  return c;
}

std::map<std::string, turn_record> finals_of(const load_conversation& c) {
  std::map<std::string, turn_record> turns;
  for (auto& id : c.finals_in_arrival)
    turns[id].finals += 1;
  return turns;
}

load_report judge(const load_conversation& c) {
  auto turns = finals_of(c);
  return judge_load({c}, turns);
}

TEST(load_judge, every_turn_once_and_in_order_is_clean) {
  auto r = judge(clean());
  EXPECT_EQ(r.turns, 3u);
  EXPECT_EQ(r.answered, 3u);
  EXPECT_EQ(r.lost + r.duplicated + r.out_of_order, 0u);
}

TEST(load_judge, a_final_event_twice_is_a_duplicate) {
  auto c = clean();
  c.finals_in_arrival.push_back("b");
  auto r = judge(c);
  EXPECT_EQ(r.duplicated, 1u);
  EXPECT_EQ(r.out_of_order, 0u) << "a late copy is not a reordering";
}

TEST(load_judge, an_answer_stored_twice_is_a_duplicate) {
  auto c = clean();
  c.stored.insert(c.stored.begin() + 2, {"assistant", "a"});
  EXPECT_EQ(judge(c).duplicated, 1u);
}

TEST(load_judge, a_turn_without_a_stored_answer_or_final_event_is_lost) {
  auto c = clean();
  c.stored.pop_back();
  EXPECT_EQ(judge(c).lost, 1u);
  c = clean();
  c.finals_in_arrival = {"a", "b"};
  EXPECT_EQ(judge(c).lost, 1u);
}

TEST(load_judge, final_events_in_another_order_are_out_of_order) {
  auto c = clean();
  c.finals_in_arrival = {"b", "a", "c"};
  EXPECT_EQ(judge(c).out_of_order, 1u);
}

TEST(load_judge, two_turns_at_once_are_out_of_order) {
  auto c = clean();
  c.stored = {{"user", "a"}, {"user", "b"}, {"assistant", "a"},
              {"assistant", "b"}, {"user", "c"}, {"assistant", "c"}};
  EXPECT_EQ(judge(c).out_of_order, 2u);
}

} // namespace
} // namespace medha::client
