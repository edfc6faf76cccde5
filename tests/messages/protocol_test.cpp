// The wire codecs: round trips, and malformed input that must give a clear
// error with a stable code, never a crash.

#include <gtest/gtest.h>

#include "messages/data_source_grants.hpp"
#include "messages/protocol.hpp"

namespace medha {
namespace {

medha_error error_of(const parsed<turn_request>& p) {
  EXPECT_TRUE(std::holds_alternative<medha_error>(p));
  return std::holds_alternative<medha_error>(p) ? std::get<medha_error>(p) : medha_error{};
}

TEST(protocol, parses_a_turn) {
  auto p = parse_turn("medha.turn.alice.c1",
                      R"({"v":1,"turn_id":"t1","text":"total revenue","data_source":"sales"})", 65536);
  ASSERT_TRUE(std::holds_alternative<turn_request>(p));
  auto& t = std::get<turn_request>(p);
  EXPECT_EQ(t.user, "alice");
  EXPECT_EQ(t.conv, "c1");
  EXPECT_EQ(t.turn_id, "t1");
  EXPECT_EQ(t.text, "total revenue");
  ASSERT_TRUE(t.data_source.has_value());
  EXPECT_EQ(*t.data_source, "sales");
}

struct bad_turn {
  const char* subject;
  std::string payload;
  error_code code;
};

class malformed_turns : public ::testing::TestWithParam<bad_turn> {};

TEST_P(malformed_turns, are_rejected_with_a_stable_code) {
  auto& c = GetParam();
  auto err = error_of(parse_turn(c.subject, c.payload, 1024));
  EXPECT_EQ(err.code, c.code) << err.message;
  EXPECT_FALSE(err.message.empty());
}

INSTANTIATE_TEST_SUITE_P(
  table, malformed_turns,
  ::testing::Values(
    bad_turn{"medha.turn.alice.c1", "{\"text\": ", error_code::bad_request},            // truncated JSON
    bad_turn{"medha.turn.alice.c1", "[1,2]", error_code::bad_request},                  // not an object
    bad_turn{"medha.turn.alice.c1", "{\"v\":1}", error_code::bad_request},              // missing text
    bad_turn{"medha.turn.alice.c1", "{\"text\":42}", error_code::bad_request},          // wrong type
    bad_turn{"medha.turn.alice.c1", "{\"text\":\"   \"}", error_code::bad_request},     // blank
    bad_turn{"medha.turn.alice.c1", "{\"v\":2,\"text\":\"x\"}", error_code::bad_request}, // version
    bad_turn{"medha.turn.alice.c1", "{\"text\":\"x\",\"turn_id\":\"a.b\"}", error_code::bad_request},
    bad_turn{"medha.turn.alice.c1", "{\"text\":\"x\",\"data_source\":7}", error_code::bad_request},
    bad_turn{"medha.turn.alice.c1", std::string{"{\"text\":\"\xff\xfe\"}"}, error_code::bad_request}, // bad UTF-8
    bad_turn{"medha.turn.alice.c1", "{\"text\":\"" + std::string(2000, 'a') + "\"}",
             error_code::payload_too_large},
    bad_turn{"medha.turn.al*ce.c1", "{\"text\":\"x\"}", error_code::bad_request},       // wildcard user
    bad_turn{"medha.turn.alice", "{\"text\":\"x\"}", error_code::bad_request},          // no conversation
    bad_turn{"medha.turn.alice.c1.extra", "{\"text\":\"x\"}", error_code::bad_request}));

TEST(protocol, deep_nesting_is_rejected_not_a_crash) {
  std::string deep = "{\"text\":\"x\",\"a\":" + std::string(200, '[') + std::string(200, ']') + "}";
  auto err = error_of(parse_turn("medha.turn.alice.c1", deep, 65536));
  EXPECT_EQ(err.code, error_code::bad_request);
}

TEST(protocol, tokens) {
  EXPECT_TRUE(is_valid_token("abc_DEF-09"));
  EXPECT_FALSE(is_valid_token(""));
  EXPECT_FALSE(is_valid_token("a.b"));
  EXPECT_FALSE(is_valid_token(">"));
  EXPECT_FALSE(is_valid_token("a b"));
  EXPECT_FALSE(is_valid_token(std::string(65, 'a')));
}

TEST(protocol, step_event_round_trip) {
  step_event ev;
  ev.conv = "c1";
  ev.turn_id = "t9";
  ev.seq = 7;
  ev.step = step_kind::execute;
  ev.status = step_status::done;
  ev.elapsed_ms = 12.5;
  ev.data_json = R"({"row_count":3})";
  auto wire = encode_step_event(ev);
  EXPECT_NE(wire.find("\"v\":1"), std::string::npos);
  auto back = decode_step_event(wire);
  ASSERT_TRUE(std::holds_alternative<step_event>(back));
  auto& b = std::get<step_event>(back);
  EXPECT_EQ(b.conv, "c1");
  EXPECT_EQ(b.turn_id, "t9");
  EXPECT_EQ(b.seq, 7u);
  EXPECT_EQ(b.step, step_kind::execute);
  EXPECT_EQ(b.status, step_status::done);
  EXPECT_DOUBLE_EQ(b.elapsed_ms, 12.5);
  EXPECT_EQ(b.data_json, R"({"row_count":3})");
}

// Found by fuzz_event: a negative seq made the client throw (to_number).
TEST(protocol, step_event_seq_must_be_a_non_negative_integer) {
  for (auto seq : {"-2", "1.5", "1e30", "\"3\""}) {
    auto r = decode_step_event(std::string{R"({"v":1,"step":"sql","status":"done","seq":)"} + seq + "}");
    ASSERT_TRUE(std::holds_alternative<medha_error>(r)) << seq;
    EXPECT_EQ(std::get<medha_error>(r).code, error_code::bad_request);
  }
  // Found by fuzz_event: 1e999 in the data became "Infinity", which is not JSON.
  auto inf = decode_step_event(R"({"step":"answer","status":"done","data":{"rows":[[1e999]]}})");
  ASSERT_TRUE(std::holds_alternative<medha_error>(inf));
  EXPECT_EQ(std::get<medha_error>(inf).code, error_code::bad_request);
  auto turn = parse_turn("medha.turn.u.c", R"({"text":"x","n":-1e400})", 65536);
  EXPECT_TRUE(std::holds_alternative<medha_error>(turn));
  auto big = decode_step_event(R"({"step":"sql","status":"done","seq":18446744073709551615})");
  ASSERT_TRUE(std::holds_alternative<step_event>(big));
  EXPECT_EQ(std::get<step_event>(big).seq, 18446744073709551615ull);
}

TEST(protocol, api_requests) {
  auto p = parse_api_request("medha.api.bob.conversations.create", "", 1024);
  ASSERT_TRUE(std::holds_alternative<api_request>(p));
  EXPECT_EQ(std::get<api_request>(p).verb, "conversations.create");
  EXPECT_EQ(std::get<api_request>(p).body_json, "{}");
  auto bad = parse_api_request("medha.api.bob.health", "nope", 1024);
  ASSERT_TRUE(std::holds_alternative<medha_error>(bad));
  EXPECT_EQ(std::get<medha_error>(bad).code, error_code::bad_request);
}

TEST(protocol, replies_carry_codes) {
  auto err = encode_error_reply({error_code::not_found, "no conversation \"x\""});
  EXPECT_NE(err.find("\"ok\":false"), std::string::npos);
  EXPECT_NE(err.find("\"code\":\"not_found\""), std::string::npos);
  auto ok = encode_ok_reply(R"({"id":"c1"})");
  EXPECT_NE(ok.find("\"ok\":true"), std::string::npos);
  EXPECT_NE(ok.find("\"id\":\"c1\""), std::string::npos);
}

TEST(protocol, error_codes_round_trip) {
  for (int i = 0; i <= static_cast<int>(error_code::internal); ++i) {
    auto code = static_cast<error_code>(i);
    error_code back;
    ASSERT_TRUE(from_string(to_string(code), back));
    EXPECT_EQ(back, code);
  }
}

} // namespace
} // namespace medha

// -- data-source grants --

TEST(data_source_grants, absent_means_everyone_and_groups_and_star_grant) {
  medha::data_source_grants open;
  EXPECT_TRUE(open.allows("anyone", "hr"));
  medha::data_source_grants g;
  g.configured = true;
  g.grants = {{"alice", {"sales", "support"}}, {"bob", {"hr"}}, {"admins", {"*"}}};
  g.groups = {{"admins", {"carol"}}};
  EXPECT_TRUE(g.allows("alice", "sales"));
  EXPECT_FALSE(g.allows("alice", "hr"));
  EXPECT_TRUE(g.allows("carol", "hr"));
  EXPECT_FALSE(g.allows("dave", "sales")) << "a user the grants do not name gets nothing";
  EXPECT_EQ(g.granted("alice", {"hr", "sales", "support"}),
            (std::vector<std::string>{"sales", "support"}));
}
