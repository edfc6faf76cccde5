#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace medha {

/// A tiny HTTP/1.1 listener for Prometheus: `GET /metrics` answers the text
/// that `render` returns; anything else gets 404 or 405. One blocking thread
/// of its own (never a CAF scheduler thread), one connection at a time: a
/// scraper asks every few seconds, so nothing here needs to be concurrent.
class metrics_server {
public:
  using renderer = std::function<std::string()>;

  /// Binds `address:port` (port 0: the kernel picks one) and starts serving.
  /// Returns nullptr and fills `error` when the socket cannot be bound.
  static std::unique_ptr<metrics_server> start(const std::string& address, int port,
                                               renderer render, std::string& error);
  ~metrics_server(); // stops the thread and closes the socket

  metrics_server(const metrics_server&) = delete;
  metrics_server& operator=(const metrics_server&) = delete;

  /// The port actually bound.
  int port() const {
    return port_;
  }

private:
  metrics_server(int fd, int port, renderer render);
  void serve();
  void answer(int client);

  int fd_;
  int port_;
  renderer render_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

} // namespace medha
