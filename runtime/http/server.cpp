#include "runtime/http/server.hpp"

#include <atomic>
#include <stdexcept>
#include <thread>

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "runtime/http/gateway.hpp"

namespace medha::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr size_t max_body_bytes = 1 << 20;
constexpr int idle_seconds = 60; // a kept-alive connection that sends nothing

// Writes responses on the connection's socket.
class socket_writer : public response_writer {
public:
  socket_writer(tcp::socket& socket, unsigned version, bool keep_alive)
      : socket_(socket), version_(version), keep_alive_(keep_alive) {}

  bool send(int status, std::string_view content_type, std::string_view body) override {
    auto res = head<bhttp::string_body>(status, content_type);
    res.keep_alive(keep_alive_);
    res.body() = std::string{body};
    res.prepare_payload();
    beast::error_code ec;
    bhttp::write(socket_, res, ec);
    return !ec;
  }

  bool start_stream(int status, std::string_view content_type) override {
    auto res = head<bhttp::empty_body>(status, content_type);
    res.set("X-Accel-Buffering", "no");
    // The body ends when the connection closes (no length, no chunks).
    res.keep_alive(false);
    streamed_ = true;
    bhttp::response_serializer<bhttp::empty_body> head{res};
    beast::error_code ec;
    bhttp::write_header(socket_, head, ec);
    return !ec;
  }

  bool write(std::string_view chunk) override {
    beast::error_code ec;
    asio::write(socket_, asio::buffer(chunk.data(), chunk.size()), ec);
    return !ec;
  }

  bool streamed() const { return streamed_; }

private:
  template <class Body>
  bhttp::response<Body> head(int status, std::string_view content_type) const {
    bhttp::response<Body> res{static_cast<bhttp::status>(status), version_};
    res.set(bhttp::field::server, "medha-http");
    res.set(bhttp::field::content_type, content_type);
    res.set(bhttp::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    return res;
  }

  tcp::socket& socket_;
  unsigned version_;
  bool keep_alive_;
  bool streamed_ = false;
};

void serve_connection(const gateway& g, tcp::socket socket) {
  beast::error_code ec;
  socket.set_option(tcp::no_delay(true), ec); // events go out as they come
  timeval idle{idle_seconds, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof idle);
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(max_body_bytes);
    bhttp::read(socket, buffer, parser, ec);
    if (ec == bhttp::error::body_limit) {
      socket_writer out{socket, 11, false};
      send_error(out, "payload_too_large", "the body is over 1 MiB");
      break;
    }
    if (ec) {
      if (ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
          ec != asio::error::connection_reset && ec != asio::error::would_block &&
          ec != asio::error::timed_out) {
        socket_writer out{socket, 11, false};
        send_error(out, "bad_request", "malformed HTTP request: " + ec.message());
      }
      break;
    }
    auto& msg = parser.get();
    http_request req;
    req.method = std::string{msg.method_string()};
    std::string_view target{msg.target().data(), msg.target().size()};
    req.path = std::string{target.substr(0, target.find('?'))};
    req.authorization = std::string{msg[bhttp::field::authorization]};
    req.body = std::move(msg.body());
    socket_writer out{socket, msg.version(), msg.keep_alive()};
    g.handle(req, out);
    if (out.streamed() || !msg.keep_alive())
      break;
  }
  socket.shutdown(tcp::socket::shutdown_both, ec);
}

} // namespace

struct http_server::impl {
  const gateway& g;
  int max_connections;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::atomic<int> open{0};

  impl(const gateway& gw, int max) : g(gw), max_connections(max) {}

  void accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec)
        return;
      if (open.load() >= max_connections) {
        socket_writer out{socket, 11, false};
        send_error(out, "unavailable", "too many open connections; try again");
      } else {
        ++open;
        std::thread([this, s = std::move(socket)]() mutable {
          serve_connection(g, std::move(s));
          --open;
        }).detach();
      }
      accept();
    });
  }
};

http_server::http_server(const gateway& g, const std::string& address, int port,
                         int max_connections)
    : impl_(std::make_unique<impl>(g, max_connections)) {
  beast::error_code ec;
  tcp::endpoint at{asio::ip::make_address(address, ec), static_cast<unsigned short>(port)};
  if (ec)
    throw std::runtime_error("not an IP address: " + address);
  auto& a = impl_->acceptor;
  a.open(at.protocol(), ec);
  if (!ec)
    a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec)
    a.bind(at, ec);
  if (!ec)
    a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) + ": " +
                             ec.message());
}

http_server::~http_server() = default;

int http_server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void http_server::run() {
  asio::signal_set signals{impl_->io, SIGINT, SIGTERM};
  signals.async_wait([this](beast::error_code, int) { impl_->io.stop(); });
  impl_->accept();
  impl_->io.run();
}

} // namespace medha::http
