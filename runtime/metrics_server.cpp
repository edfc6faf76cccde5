#include "runtime/metrics_server.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "runtime/logging.hpp"

namespace medha {

namespace {

constexpr size_t max_request_bytes = 8192;

std::string response(const char* status, const char* content_type, const std::string& body,
                     const char* extra_header = "") {
  return std::string("HTTP/1.1 ") + status + "\r\nContent-Type: " + content_type
         + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_header
         + "Connection: close\r\n\r\n" + body;
}

void send_all(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0)
      return; // the scraper went away; nothing to tell it
    sent += static_cast<size_t>(n);
  }
}

} // namespace

std::unique_ptr<metrics_server> metrics_server::start(const std::string& address, int port,
                                                      renderer render, std::string& error) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (::inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1) {
    error = "metrics address '" + address + "' is not an IPv4 address";
    return nullptr;
  }
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = std::string("metrics socket: ") + std::strerror(errno);
    return nullptr;
  }
  int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || ::listen(fd, 16) != 0) {
    error = "cannot listen for metrics on " + address + ":" + std::to_string(port) + ": "
            + std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return std::unique_ptr<metrics_server>(
      new metrics_server(fd, ntohs(addr.sin_port), std::move(render)));
}

metrics_server::metrics_server(int fd, int port, renderer render)
    : fd_(fd), port_(port), render_(std::move(render)) {
  thread_ = std::thread([this] { serve(); });
}

metrics_server::~metrics_server() {
  stop_ = true;
  thread_.join();
  ::close(fd_);
}

void metrics_server::serve() {
  while (!stop_) {
    // Wakes up regularly to see the stop flag: closing a socket another
    // thread waits on is not a reliable wake-up on Linux.
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0)
      continue;
    int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0)
      continue;
    // A client that connects and sends nothing must not hold the listener.
    timeval tv{2, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    answer(client);
    ::close(client);
  }
}

void metrics_server::answer(int client) {
  std::string request;
  char buf[1024];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < max_request_bytes) {
    auto n = ::recv(client, buf, sizeof(buf), 0);
    if (n <= 0)
      break;
    request.append(buf, static_cast<size_t>(n));
  }
  auto line_end = request.find("\r\n");
  if (line_end == std::string::npos) {
    send_all(client, response("400 Bad Request", "text/plain", "bad request\n"));
    return;
  }
  auto line = request.substr(0, line_end);
  auto sp1 = line.find(' ');
  auto sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string::npos) {
    send_all(client, response("400 Bad Request", "text/plain", "bad request\n"));
    return;
  }
  auto method = line.substr(0, sp1);
  auto target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  auto path = target.substr(0, target.find('?')); // Prometheus may add parameters
  if (path != "/metrics") {
    send_all(client, response("404 Not Found", "text/plain", "only /metrics is served here\n"));
    return;
  }
  if (method != "GET") {
    send_all(client, response("405 Method Not Allowed", "text/plain", "use GET\n", "Allow: GET\r\n"));
    return;
  }
  std::string body;
  try {
    body = render_();
  } catch (const std::exception& e) {
    log::warn("metrics", std::string("rendering the metrics failed: ") + e.what());
    send_all(client, response("500 Internal Server Error", "text/plain", "metrics unavailable\n"));
    return;
  }
  send_all(client, response("200 OK", "text/plain; version=0.0.4; charset=utf-8", body));
}

} // namespace medha
