#pragma once

#include <mutex>
#include <string>

#include "actors/executor/query_runner.hpp"

namespace medha {

/// The query_canceller of one runner. The runner marks the query it runs
/// (with its backend pid); cancel() sends pg_cancel_backend over a fresh
/// connection while holding the lock, so the runner cannot move on to another
/// query in between and the wrong statement is never stopped.
class statement_canceller : public query_canceller {
public:
  /// `conninfo`: the runner's prepared connection string (same role, so
  /// pg_cancel_backend is allowed without extra privileges).
  explicit statement_canceller(std::string conninfo) : conninfo_(std::move(conninfo)) {}

  bool cancel(const std::string& query_id) override;

  // -- runner side --

  /// The runner starts `query_id` on the backend `pid`.
  void begin(const std::string& query_id, int pid);
  /// True once the running query was cancelled (checked between statements).
  bool cancelled();
  /// The runner is done with the query.
  void end();

private:
  std::mutex mx_;
  std::string conninfo_;
  std::string running_;
  int pid_ = 0;
  bool cancelled_ = false;
};

} // namespace medha
