#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "messages/error.hpp"
#include "messages/relation_set.hpp"
#include "messages/result_set.hpp"

namespace medha {

struct run_limits {
  int statement_timeout_ms = 15000; // values below 1 are raised to 1: a query never runs unbounded
  size_t row_cap = 1000;            // rows kept in the result
  size_t byte_cap = 8u << 20;       // bytes of values kept in the result
};

/// Cancels the statement a runner is running, from another thread. Blocking
/// (it opens a connection to send pg_cancel_backend): call it only from a
/// detached actor or a plain thread.
class query_canceller {
public:
  virtual ~query_canceller() = default;
  /// Stops the statement of query `query_id` if that query is the one running;
  /// the runner then returns `cancelled`. Returns false when it was not running.
  virtual bool cancel(const std::string& query_id) = 0;
};

/// Either a result or the error that prevented it (exactly one is set).
struct result_or_error {
  std::optional<result_set> result;
  std::optional<medha_error> error;

  bool ok() const { return result.has_value(); }
};

/// Runs guarded SELECTs on one PostgreSQL connection. Blocking: the lead runs
/// each runner inside a detached actor, one runner per actor, never shared
/// between threads.
///
/// The connection opens lazily on first use and is dropped when found broken;
/// the next call reconnects, and a call that meets a stale connection (server
/// restarted since) retries once on a fresh one, which is safe because every
/// query is read-only.
class query_runner {
public:
  /// `conninfo`: libpq key=value or URI; connect_timeout=5 is added when absent.
  explicit query_runner(std::string conninfo);
  ~query_runner();
  query_runner(query_runner&&) noexcept;
  query_runner& operator=(query_runner&&) noexcept;

  /// Checks `sql` with the guard (sql_guard.hpp; `relations`: the data
  /// source's tables, nullptr to refuse only the system schemas), then runs it
  /// in a READ ONLY transaction with SET LOCAL statement_timeout, through a
  /// cursor fetched in small batches: fetching stops at row_cap rows or
  /// byte_cap bytes of values, and the cursor is closed there, so the rest of
  /// the query never runs. A result cut short has `truncated` set and
  /// row_count = the rows read (those kept and the one that showed there was
  /// more): a lower bound, never a count of the whole result. Errors:
  ///  - unsafe_sql / query_failed (syntax): from the guard, nothing ran;
  ///  - datasource_unavailable: cannot connect, or the connection was lost;
  ///    the message names host:port, never the password;
  ///  - query_timeout: the statement timeout fired (SQLSTATE 57014);
  ///  - query_failed: PostgreSQL rejected the query; its message is kept.
  /// `query_id` names the run for query_canceller::cancel ("" cannot be
  /// cancelled); a cancelled run returns `cancelled`.
  result_or_error run(const std::string& sql, const run_limits& limits = {},
                      const relation_set* relations = nullptr,
                      const std::string& query_id = "");

  /// Ends the read-only transaction of the last run, which run() leaves open
  /// so that its result can go out before this round trip (nothing waits on
  /// a read-only commit). Call it right after; run() and ping() call it first
  /// when it was not. A connection that fails here is dropped.
  void finish();

  /// The handle other threads use to stop this runner's statement. It stays
  /// valid (and harmless) after the runner is gone.
  std::shared_ptr<query_canceller> canceller() const;

  /// True when `SELECT 1` succeeds (connecting first if needed).
  bool ping();

  /// Opens the connection now unless it is open; false when it cannot (the
  /// next run tries again and reports why).
  bool connect();

private:
  struct state;
  std::unique_ptr<state> state_;
};

} // namespace medha
