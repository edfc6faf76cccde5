#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/connection>
#include <pqxx/except>

namespace medha {

/// Connections to one PostgreSQL database, reused between calls. Each call
/// gets a connection of its own, so callers on several threads never share
/// one; a connection that broke is dropped, not returned.
class pg_connection_pool {
public:
  explicit pg_connection_pool(std::string conninfo) : conninfo_(std::move(conninfo)) {}

  /// Runs f(pqxx::connection&). A pooled connection found broken (the server
  /// restarted since it was last used) is replaced once by a fresh one: the
  /// call failed before anything was sent, so repeating it is safe. Throws
  /// what f or the connect throws.
  template <class F>
  auto run(F&& f) -> decltype(f(std::declval<pqxx::connection&>())) {
    auto [conn, pooled] = take();
    try {
      auto out = f(*conn);
      give_back(std::move(conn));
      return out;
    } catch (const pqxx::broken_connection&) {
      if (!pooled)
        throw;
    } catch (...) {
      // Still usable unless it broke: a failed statement aborts only its transaction.
      if (conn->is_open())
        give_back(std::move(conn));
      throw;
    }
    auto fresh = std::make_unique<pqxx::connection>(conninfo_);
    auto out = f(*fresh);
    give_back(std::move(fresh));
    return out;
  }

private:
  std::pair<std::unique_ptr<pqxx::connection>, bool> take() {
    for (;;) {
      std::unique_ptr<pqxx::connection> conn;
      {
        std::lock_guard<std::mutex> guard(mutex_);
        if (idle_.empty())
          break;
        conn = std::move(idle_.back());
        idle_.pop_back();
      }
      if (still_connected(*conn))
        return {std::move(conn), true};
    }
    return {std::make_unique<pqxx::connection>(conninfo_), false};
  }

  // Whether the server closed an idle connection (it restarted): reads what
  // is waiting on the socket without blocking, so that a statement whose
  // commit would be unknown if the connection broke under it is not sent on
  // a connection already dead. Twice: a closing server's goodbye message
  // comes before the end of the stream.
  static bool still_connected(pqxx::connection& c) {
    try {
      c.get_notifs();
      c.get_notifs();
      return c.is_open();
    } catch (const std::exception&) {
      return false;
    }
  }

  void give_back(std::unique_ptr<pqxx::connection> conn) {
    std::lock_guard<std::mutex> guard(mutex_);
    // A burst of parallel callers may open more; keep only a few idle.
    if (idle_.size() < max_idle)
      idle_.push_back(std::move(conn));
  }

  static constexpr size_t max_idle = 8;
  std::string conninfo_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

} // namespace medha
