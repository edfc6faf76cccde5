#include "tests/support/fake_llm_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include <boost/json.hpp>

namespace medha::llm::testing {

namespace json = boost::json;

namespace {

bool send_all(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0)
      return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 529: return "Overloaded";
    default: return "Status";
  }
}

std::string sse(const std::string& event, const json::value& data) {
  return (event.empty() ? std::string{} : "event: " + event + "\n") + "data: "
         + json::serialize(data) + "\n\n";
}

// Splits the stream's text in the middle of lines, so the client's reader
// must join pieces across chunks.
std::vector<std::string> split_oddly(const std::string& text) {
  std::vector<std::string> out;
  for (size_t at = 0; at < text.size(); at += 37)
    out.push_back(text.substr(at, 37));
  return out;
}

} // namespace

fake_llm_server::fake_llm_server(responder respond, int port) : respond_(std::move(respond)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0
      || ::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("fake_llm_server: cannot listen on 127.0.0.1:" + std::to_string(port));
  }
  socklen_t len = sizeof(addr);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

fake_llm_server::~fake_llm_server() {
  stopping_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  thread_.join();
}

std::string fake_llm_server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

std::vector<recorded_request> fake_llm_server::requests() const {
  std::lock_guard<std::mutex> guard{mx_};
  return requests_;
}

void fake_llm_server::serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0)
      continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0)
      continue;
    handle(fd);
    ::close(fd);
  }
}

void fake_llm_server::handle(int fd) {
  std::string data;
  char buf[8192];
  size_t header_end = std::string::npos;
  while (header_end == std::string::npos) {
    auto n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0)
      return;
    data.append(buf, static_cast<size_t>(n));
    header_end = data.find("\r\n\r\n");
  }
  recorded_request req;
  auto line_end = data.find("\r\n");
  auto request_line = data.substr(0, line_end);
  auto sp1 = request_line.find(' ');
  auto sp2 = request_line.find(' ', sp1 + 1);
  req.method = request_line.substr(0, sp1);
  req.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  for (size_t at = line_end + 2; at < header_end;) {
    auto end = data.find("\r\n", at);
    auto line = data.substr(at, end - at);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      req.headers[lower(line.substr(0, colon))] = value;
    }
    at = end + 2;
  }
  size_t length = 0;
  if (auto h = req.headers.find("content-length"); h != req.headers.end())
    length = std::stoul(h->second);
  req.body = data.substr(header_end + 4);
  while (req.body.size() < length) {
    auto n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0)
      return;
    req.body.append(buf, static_cast<size_t>(n));
  }
  {
    std::lock_guard<std::mutex> guard{mx_};
    requests_.push_back(req);
  }
  auto reply = respond_(req);
  std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason(reply.status)
                     + "\r\nConnection: close\r\n";
  for (auto& [name, value] : reply.headers)
    head += name + ": " + value + "\r\n";
  if (reply.chunks.empty()) {
    head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
    send_all(fd, head + reply.body);
    return;
  }
  head += "Transfer-Encoding: chunked\r\n\r\n";
  if (!send_all(fd, head))
    return;
  for (auto& chunk : reply.chunks) {
    char size[32];
    std::snprintf(size, sizeof(size), "%zx\r\n", chunk.size());
    if (!send_all(fd, size + chunk + "\r\n"))
      return;
  }
  send_all(fd, "0\r\n\r\n");
}

scripted_reply openai_json(const std::string& content) {
  json::object body{
    {"id", "chatcmpl-test"},
    {"object", "chat.completion"},
    {"created", 1700000000},
    {"model", "test-model"},
    {"choices", json::array{json::object{
                  {"index", 0},
                  {"message", json::object{{"role", "assistant"}, {"content", content}}},
                  {"finish_reason", "stop"}}}},
    {"usage", json::object{{"prompt_tokens", 321}, {"completion_tokens", 12}, {"total_tokens", 333}}}};
  return {200, {{"Content-Type", "application/json"}}, json::serialize(body), {}};
}

scripted_reply openai_stream(const std::vector<std::string>& pieces, bool with_usage) {
  std::string text;
  auto chunk = [](const json::object& delta, const json::value& finish) {
    return json::object{{"id", "chatcmpl-test"},
                        {"object", "chat.completion.chunk"},
                        {"created", 1700000000},
                        {"model", "test-model"},
                        {"choices", json::array{json::object{
                                      {"index", 0}, {"delta", delta}, {"finish_reason", finish}}}}};
  };
  text += sse("", chunk(json::object{{"role", "assistant"}, {"content", ""}}, nullptr));
  for (auto& p : pieces)
    text += sse("", chunk(json::object{{"content", p}}, nullptr));
  text += sse("", chunk(json::object{}, "stop"));
  if (with_usage) { // stream_options.include_usage: one more chunk, no choices
    auto last = chunk(json::object{}, nullptr);
    last["choices"] = json::array{};
    last["usage"] = json::object{{"prompt_tokens", 321}, {"completion_tokens", 12}, {"total_tokens", 333}};
    text += sse("", last);
  }
  text += "data: [DONE]\n\n";
  return {200, {{"Content-Type", "text/event-stream"}}, {}, split_oddly(text)};
}

scripted_reply anthropic_json(const std::string& content) {
  json::object body{
    {"id", "msg_test"},
    {"type", "message"},
    {"role", "assistant"},
    {"model", "claude-test"},
    {"content", json::array{json::object{{"type", "text"}, {"text", content}}}},
    {"stop_reason", "end_turn"},
    {"stop_sequence", nullptr},
    {"usage", json::object{{"input_tokens", 410}, {"output_tokens", 17}}}};
  return {200, {{"Content-Type", "application/json"}}, json::serialize(body), {}};
}

scripted_reply anthropic_stream(const std::vector<std::string>& pieces) {
  std::string text;
  text += sse("message_start",
              json::object{{"type", "message_start"},
                           {"message", json::object{{"id", "msg_test"},
                                                    {"type", "message"},
                                                    {"role", "assistant"},
                                                    {"content", json::array{}},
                                                    {"model", "claude-test"},
                                                    {"stop_reason", nullptr},
                                                    {"usage", json::object{{"input_tokens", 410},
                                                                           {"output_tokens", 1}}}}}});
  text += sse("content_block_start",
              json::object{{"type", "content_block_start"},
                           {"index", 0},
                           {"content_block", json::object{{"type", "text"}, {"text", ""}}}});
  text += sse("ping", json::object{{"type", "ping"}});
  for (auto& p : pieces)
    text += sse("content_block_delta",
                json::object{{"type", "content_block_delta"},
                             {"index", 0},
                             {"delta", json::object{{"type", "text_delta"}, {"text", p}}}});
  text += sse("content_block_stop", json::object{{"type", "content_block_stop"}, {"index", 0}});
  text += sse("message_delta",
              json::object{{"type", "message_delta"},
                           {"delta", json::object{{"stop_reason", "end_turn"}, {"stop_sequence", nullptr}}},
                           {"usage", json::object{{"output_tokens", 17}}}});
  text += sse("message_stop", json::object{{"type", "message_stop"}});
  return {200, {{"Content-Type", "text/event-stream"}}, {}, split_oddly(text)};
}

scripted_reply error_reply(int status, const std::string& message, bool anthropic,
                           const std::string& retry_after) {
  std::string type = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error";
  json::object body = anthropic
                        ? json::object{{"type", "error"},
                                       {"error", json::object{{"type", type}, {"message", message}}}}
                        : json::object{{"error", json::object{{"message", message},
                                                              {"type", type},
                                                              {"code", nullptr}}}};
  scripted_reply r{status, {{"Content-Type", "application/json"}}, json::serialize(body), {}};
  if (!retry_after.empty())
    r.headers.emplace_back("Retry-After", retry_after);
  return r;
}

scripted_reply reply_as_asked(const recorded_request& req, const std::string& content) {
  bool anthropic = req.target.find("/messages") != std::string::npos;
  json::error_code ec;
  auto v = json::parse(req.body, ec);
  bool stream = !ec && v.is_object() && v.as_object().if_contains("stream")
                && v.as_object().at("stream").is_bool() && v.as_object().at("stream").as_bool();
  bool with_usage = stream && v.as_object().if_contains("stream_options") != nullptr;
  if (!stream)
    return anthropic ? anthropic_json(content) : openai_json(content);
  std::vector<std::string> pieces;
  for (size_t at = 0; at < content.size(); at += 11)
    pieces.push_back(content.substr(at, 11));
  return anthropic ? anthropic_stream(pieces) : openai_stream(pieces, with_usage);
}

std::string prompt_text(const recorded_request& req) {
  json::error_code ec;
  auto v = json::parse(req.body, ec);
  if (ec || !v.is_object())
    return {};
  std::string out;
  if (auto* s = v.as_object().if_contains("system"); s && s->is_string())
    out += std::string{s->get_string()} + "\n";
  if (auto* m = v.as_object().if_contains("messages"); m && m->is_array())
    for (auto& msg : m->as_array())
      if (auto* c = msg.as_object().if_contains("content"); c && c->is_string())
        out += std::string{c->get_string()} + "\n";
  return out;
}

bool asks_for_answer_sentence(const recorded_request& req) {
  return prompt_text(req).find("Write the answer.") != std::string::npos;
}

scripted_reply word_the_first_row(const recorded_request& req) {
  auto prompt = prompt_text(req);
  auto header = prompt.find("shown):\n");
  auto first = header == std::string::npos ? header : prompt.find('\n', header + 8);
  auto end = first == std::string::npos ? first : prompt.find('\n', first + 1);
  if (end == std::string::npos)
    return reply_as_asked(req, "I was shown no rows.");
  return reply_as_asked(req, "  The first row is " + prompt.substr(first + 1, end - first - 1) + ".\n");
}

} // namespace medha::llm::testing
