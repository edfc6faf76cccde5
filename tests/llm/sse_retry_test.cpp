// The server-sent events reader and the retry rules, on their own.

#include <gtest/gtest.h>

#include "actors/sqlgen/llm/retry.hpp"
#include "actors/sqlgen/llm/sse.hpp"

namespace medha::llm {
namespace {

using events = std::vector<std::pair<std::string, std::string>>;

events read_all(const std::vector<std::string>& chunks) {
  events out;
  sse_reader reader{[&](const std::string& e, const std::string& d) { out.emplace_back(e, d); }};
  for (auto& c : chunks)
    reader.feed(c);
  reader.finish();
  return out;
}

TEST(sse_reader, joins_lines_split_across_chunks) {
  auto got = read_all({"event: content_blo", "ck_delta\nda", "ta: {\"a\":1}\n", "\n", "data: [DONE]\n\n"});
  EXPECT_EQ(got, (events{{"content_block_delta", "{\"a\":1}"}, {"message", "[DONE]"}}));
}

TEST(sse_reader, handles_crlf_cr_comments_and_multiline_data) {
  auto got = read_all({": keep-alive\r\n", "data: one\r", "\ndata: two\r\n\r\n", "event: x\rdata:three\r\r"});
  EXPECT_EQ(got, (events{{"message", "one\ntwo"}, {"x", "three"}}));
}

TEST(sse_reader, an_event_left_open_at_the_end_is_still_read) {
  EXPECT_EQ(read_all({"data: last"}), (events{{"message", "last"}}));
  EXPECT_TRUE(read_all({"event: only-a-name\n\n"}).empty()) << "no data, no event";
}

TEST(retry, which_statuses_are_retried) {
  for (long s : {0L, 408L, 429L, 500L, 502L, 503L, 529L})
    EXPECT_TRUE(is_retryable(s)) << s;
  for (long s : {200L, 400L, 401L, 403L, 404L, 413L, 422L})
    EXPECT_FALSE(is_retryable(s)) << s;
}

TEST(retry, delays_follow_retry_after_else_double) {
  using ms = std::chrono::milliseconds;
  ms base{500}, longest{60000};
  std::time_t now = 1445412480; // Wed, 21 Oct 2015 07:28:00 GMT
  EXPECT_EQ(retry_delay(1, std::nullopt, base, longest, now), ms(500));
  EXPECT_EQ(retry_delay(2, std::nullopt, base, longest, now), ms(1000));
  EXPECT_EQ(retry_delay(3, std::nullopt, base, longest, now), ms(2000));
  EXPECT_EQ(retry_delay(30, std::nullopt, base, longest, now), longest);
  EXPECT_EQ(retry_delay(1, std::string{"3"}, base, longest, now), ms(3000));
  EXPECT_EQ(retry_delay(1, std::string{"1.5"}, base, longest, now), ms(1500));
  EXPECT_EQ(retry_delay(1, std::string{"Wed, 21 Oct 2015 07:28:20 GMT"}, base, longest, now), ms(20000));
  EXPECT_EQ(retry_delay(1, std::string{"Wed, 21 Oct 2015 07:27:00 GMT"}, base, longest, now), ms(0));
  EXPECT_EQ(retry_delay(2, std::string{"soon"}, base, longest, now), ms(1000)) << "unreadable: backoff";
  EXPECT_EQ(retry_delay(1, std::string{"61"}, base, longest, now), std::nullopt);
}

} // namespace
} // namespace medha::llm
