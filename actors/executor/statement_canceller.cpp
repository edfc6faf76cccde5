#include "actors/executor/statement_canceller.hpp"

#include <pqxx/pqxx>

namespace medha {

bool statement_canceller::cancel(const std::string& query_id) {
  std::lock_guard<std::mutex> lock{mx_};
  if (query_id.empty() || running_ != query_id || cancelled_)
    return false;
  // Set first: even if the signal cannot be sent, the runner reports the
  // query as cancelled and stops before its next statement.
  cancelled_ = true;
  try {
    pqxx::connection conn{conninfo_};
    pqxx::nontransaction txn{conn, "medha_cancel"};
    txn.exec("SELECT pg_cancel_backend(" + std::to_string(pid_) + ")");
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void statement_canceller::begin(const std::string& query_id, int pid) {
  std::lock_guard<std::mutex> lock{mx_};
  running_ = query_id;
  pid_ = pid;
  cancelled_ = false;
}

bool statement_canceller::cancelled() {
  std::lock_guard<std::mutex> lock{mx_};
  return cancelled_;
}

void statement_canceller::end() {
  std::lock_guard<std::mutex> lock{mx_};
  running_.clear();
  pid_ = 0;
}

} // namespace medha
