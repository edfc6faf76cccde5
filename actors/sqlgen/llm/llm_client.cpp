#include "actors/sqlgen/llm/llm_client.hpp"

#include <ctime>
#include <thread>

#include "actors/sqlgen/llm/retry.hpp"
#include "actors/sqlgen/llm/sse.hpp"

namespace medha::llm {

llm_client::llm_client(llm_settings settings, std::string api_key)
  : settings_(std::move(settings)), api_key_(std::move(api_key)),
    provider_(make_provider(settings_)) {}

namespace {

struct one_attempt {
  http_response http;
  std::optional<completion> reply;
  std::optional<medha_error> error; // a reply that cannot be read (not retried)
};

} // namespace

std::variant<completion, medha_error> llm_client::complete(const chat_prompt& prompt,
                                                           const delta_fn& on_delta,
                                                           const retry_fn& on_retry,
                                                           const sleep_fn& sleep) const {
  if (!provider_)
    return medha_error{error_code::internal,
                       "llm.provider must be \"openai\" or \"anthropic\", got \""
                         + settings_.provider + "\""};
  bool stream = settings_.stream && static_cast<bool>(on_delta);
  auto request = provider_->build_request(prompt, stream, api_key_);
  std::string last_failure;
  for (int attempt = 1;; ++attempt) {
    one_attempt a;
    completion streamed;
    bool done = false;
    size_t events = 0;
    std::optional<medha_error> stream_error;
    sse_reader reader{[&](const std::string& event, const std::string& data) {
      ++events;
      if (stream_error || done)
        return;
      std::string delta;
      stream_error = provider_->read_event(event, data, streamed, delta, done);
      if (!stream_error && !delta.empty())
        on_delta(delta);
    }};
    body_chunk_fn on_chunk;
    if (stream)
      on_chunk = [&](long status, std::string_view chunk) {
        if (status >= 200 && status < 300)
          reader.feed(chunk);
      };
    a.http = http_post(request, on_chunk);
    long status = a.http.status;
    if (status >= 200 && status < 300) {
      if (!stream)
        return provider_->parse_reply(a.http.body);
      reader.finish();
      if (stream_error)
        return *stream_error;
      // A server that ignores "stream" answers with one JSON body.
      if (events == 0)
        return provider_->parse_reply(a.http.body);
      return streamed;
    }
    last_failure = status == 0 ? a.http.transport_error
                               : "HTTP " + std::to_string(status) + ": "
                                   + provider::error_message(status, a.http.body);
    if (!is_retryable(status) || attempt > settings_.max_retries)
      return medha_error{error_code::internal,
                         "the language model did not answer"
                           + (attempt > 1 ? " after " + std::to_string(attempt) + " attempts" : std::string{})
                           + " (" + last_failure + ")"};
    auto wait = retry_delay(attempt, a.http.retry_after,
                            std::chrono::milliseconds(settings_.backoff_ms), longest_wait,
                            std::time(nullptr));
    if (!wait)
      return medha_error{error_code::internal, "the language model asks to wait "
                                                 + a.http.retry_after.value_or("")
                                                 + " s before the next call (" + last_failure
                                                 + ")"};
    if (on_retry)
      on_retry(attempt, status, *wait, last_failure);
    if (sleep)
      sleep(*wait);
    else
      std::this_thread::sleep_for(*wait);
  }
}

} // namespace medha::llm
