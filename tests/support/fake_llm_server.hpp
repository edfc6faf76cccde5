#pragma once

// A protocol peer for the llm providers: a small HTTP/1.1 server on loopback
// that answers as the OpenAI chat-completions and Anthropic Messages APIs do —
// JSON bodies, server-sent events sent in chunks (split mid-line on purpose),
// 429 with Retry-After, 5xx, error bodies. Each test scripts the replies;
// the server records every request it got.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace medha::llm::testing {

struct recorded_request {
  std::string method;
  std::string target; // path and query
  std::map<std::string, std::string> headers; // names in lower case
  std::string body;
};

struct scripted_reply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;                // sent whole with Content-Length
  std::vector<std::string> chunks; // when set: sent with chunked encoding, one chunk each
};

class fake_llm_server {
public:
  using responder = std::function<scripted_reply(const recorded_request&)>;

  /// `port` 0: any free port (the kernel's choice); else that port, or
  /// std::runtime_error when it is taken.
  explicit fake_llm_server(responder respond, int port = 0);
  ~fake_llm_server();

  std::string base_url() const; // http://127.0.0.1:<port>
  int port() const { return port_; }
  std::vector<recorded_request> requests() const;

private:
  void serve();
  void handle(int fd);

  responder respond_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  mutable std::mutex mx_;
  std::vector<recorded_request> requests_;
};

// -- replies in each protocol's own JSON --

scripted_reply openai_json(const std::string& content);
/// `content` streamed as chat.completion.chunk events in pieces, then (when
/// the request set stream_options.include_usage) a usage chunk, then [DONE].
scripted_reply openai_stream(const std::vector<std::string>& pieces, bool with_usage = false);
scripted_reply anthropic_json(const std::string& content);
/// message_start, content_block_start, text_delta per piece, content_block_stop,
/// message_delta, message_stop; a ping between.
scripted_reply anthropic_stream(const std::vector<std::string>& pieces);
/// An error in the protocol's shape: {"error":{"message","type"}} (openai) or
/// {"type":"error","error":{"type","message"}} (anthropic).
scripted_reply error_reply(int status, const std::string& message, bool anthropic,
                           const std::string& retry_after = "");

/// `content` in the protocol the request used (the path says which), streamed
/// in a few pieces when the request asked for a stream.
scripted_reply reply_as_asked(const recorded_request& req, const std::string& content);

/// The text of every message of a request body (system included), joined.
std::string prompt_text(const recorded_request& req);

/// A request for the answer's sentence (actors/sqlgen/llm/answer_prompt.hpp).
bool asks_for_answer_sentence(const recorded_request& req);
/// Its reply from what it was shown: "The first row is <the first row>.",
/// padded with blanks and a newline as models do.
scripted_reply word_the_first_row(const recorded_request& req);

} // namespace medha::llm::testing
