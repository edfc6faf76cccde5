#include "actors/executor/query_runner.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "actors/executor/conninfo.hpp"
#include "actors/executor/pg_type_names.hpp"
#include "actors/executor/sql_guard.hpp"
#include "actors/executor/statement_canceller.hpp"

namespace medha {

namespace {

using clock_type = std::chrono::steady_clock;

constexpr const char* cursor_name = "medha_rows";

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

// PostgreSQL's message without the "ERROR:  " prefix and the LINE/caret lines
// (they quote our DECLARE wrapper, which would only confuse a reader).
std::string server_message(const std::string& what) {
  std::string first = what.substr(0, what.find('\n'));
  for (const char* prefix : {"ERROR:  ", "FATAL:  "})
    if (first.rfind(prefix, 0) == 0)
      first = first.substr(std::char_traits<char>::length(prefix));
  return first;
}

// SQLSTATEs meaning the server went away rather than the query being wrong:
// class 08 (connection exception) and 57P01-57P03 (shutdown, crash, starting up).
bool is_connection_state(const std::string& state) {
  return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
}

// Thrown inside an attempt to say "the connection is gone", so run() can
// drop it and maybe retry; never escapes this file.
struct connection_lost {
  std::string detail;
};

} // namespace

struct query_runner::state {
  std::string raw_conninfo;
  std::optional<prepared_conninfo> prepared;
  std::unique_ptr<pqxx::connection> conn;
  // Names of non-built-in type OIDs seen on this connection (user types and
  // enums), looked up once each: OIDs are per database, so reset on reconnect.
  std::unordered_map<uint32_t, std::string> type_names;
  std::shared_ptr<statement_canceller> canceller;
  bool unfinished = false; // the last run's transaction awaits its COMMIT (finish())

  std::string endpoint() const {
    return prepared ? prepared->endpoint : std::string("the configured server");
  }

  medha_error unavailable(const std::string& what, const std::string& detail) const {
    std::string message = what + " PostgreSQL at " + endpoint();
    if (!detail.empty())
      message += ": " + one_line(detail);
    return {error_code::datasource_unavailable, message};
  }

  // Opens the connection if needed; returns an error when it cannot.
  std::optional<medha_error> connect() {
    if (conn && conn->is_open())
      return std::nullopt;
    conn.reset();
    type_names.clear();
    if (!prepared)
      return medha_error{error_code::datasource_unavailable,
                         "The data source's connection string is not valid libpq syntax."};
    try {
      conn = std::make_unique<pqxx::connection>(prepared->conninfo);
      return std::nullopt;
    } catch (const std::exception& e) {
      conn.reset();
      return unavailable("Cannot connect to", e.what());
    }
  }

  std::string type_name(pqxx::transaction_base& txn, uint32_t oid) {
    if (auto builtin = builtin_type_name(oid))
      return *builtin;
    auto found = type_names.find(oid);
    if (found != type_names.end())
      return found->second;
    // The OID is a number: no quoting concern.
    auto rows = txn.exec("SELECT format_type(" + std::to_string(oid) + ", NULL)");
    std::string name = rows.empty() || rows[0][0].is_null() ? "unknown" : rows[0][0].c_str();
    type_names.emplace(oid, name);
    return name;
  }

  // One attempt on the current connection. Converts pqxx failures into
  // values, except a lost connection, thrown as connection_lost.
  //
  // One round trip for a result of one batch: it opens the READ ONLY
  // transaction, sets its timeout, declares the cursor and fetches the first
  // batch (one simple-query message, so the statements run in order and stop
  // at the first error); the commit, which also closes the cursor where
  // fetching stopped, is left to finish(), after the result went out. The
  // guard has parsed `sql` as exactly one statement, so it cannot end the
  // DECLARE early; the newline ends a trailing comment.
  result_or_error attempt(const std::string& sql, const run_limits& limits,
                          const std::string& query_id) {
    auto start = clock_type::now();
    int timeout_ms = std::max(1, limits.statement_timeout_ms);
    canceller->begin(query_id, conn->backendpid());
    // A cancel that came before the statement reached the server has no
    // statement to stop: check here, before the query's real work.
    if (canceller->cancelled())
      return cancelled_error();
    bool open = false; // a transaction to roll back when something fails
    try {
      pqxx::nontransaction txn(*conn, "medha_query");
      result_set out;
      size_t bytes = 0; // of the values kept, against byte_cap
      open = true;
      auto first = fetch_size(limits, out);
      auto fetch_start = clock_type::now();
      pqxx::result rows = txn.exec(
          "BEGIN READ ONLY; SET LOCAL statement_timeout = " + std::to_string(timeout_ms)
          + "; DECLARE " + cursor_name + " NO SCROLL CURSOR FOR " + sql + "\n; FETCH FORWARD "
          + std::to_string(first) + " FROM " + cursor_name);
      out.server_ms += ms_since(fetch_start);
      if (take_batch(txn, rows, first, limits, bytes, out))
        fetch_capped(txn, limits, bytes, out);
      unfinished = true;
      open = false;
      out.elapsed_ms = ms_since(start);
      return {std::move(out), std::nullopt};
    } catch (const pqxx::broken_connection& e) {
      throw connection_lost{e.what()};
    } catch (const pqxx::sql_error& e) {
      if (is_connection_state(e.sqlstate()) || !conn->is_open())
        throw connection_lost{server_message(e.what())};
      roll_back(open);
      if (e.sqlstate() == "57014" && canceller->cancelled())
        return cancelled_error();
      if (e.sqlstate() == "57014")
        return {std::nullopt, medha_error{error_code::query_timeout,
                                          "The query ran longer than the " + std::to_string(timeout_ms)
                                            + " ms limit and was stopped: narrow it down (filters, LIMIT) or aggregate."}};
      return {std::nullopt, medha_error{error_code::query_failed, server_message(e.what())}};
    } catch (const pqxx::in_doubt_error& e) {
      throw connection_lost{e.what()};
    } catch (const std::exception& e) {
      if (!conn->is_open())
        throw connection_lost{e.what()};
      roll_back(open);
      return {std::nullopt, medha_error{error_code::internal, std::string("query runner: ") + e.what()}};
    }
  }

  // After a failure inside the explicit transaction the connection is in an
  // aborted transaction: end it so that the next query starts clean. A
  // connection that cannot is dropped (the next query reconnects).
  void roll_back(bool open) {
    if (!open || !conn || !conn->is_open())
      return;
    try {
      pqxx::nontransaction txn(*conn, "medha_rollback");
      txn.exec("ROLLBACK");
    } catch (const std::exception&) {
      conn.reset();
    }
  }

  static result_or_error cancelled_error() {
    return {std::nullopt, medha_error{error_code::cancelled, "The query was cancelled."}};
  }

  // How many rows the next FETCH asks for: one more than the room left under
  // row_cap (to tell whether there is more), at most `batch`.
  static size_t fetch_size(const run_limits& limits, const result_set& out, size_t batch = 64) {
    size_t room = limits.row_cap - out.rows.size();
    return room >= batch ? batch : room + 1;
  }

  // Keeps the rows of one FETCH of `want` rows until row_cap rows are kept
  // or the next row would take the values past byte_cap. True when the
  // result may go on (a full batch and no cap met).
  bool take_batch(pqxx::transaction_base& txn, const pqxx::result& rows, size_t want,
                  const run_limits& limits, size_t& bytes, result_set& out) {
    if (out.columns.empty())
      for (pqxx::row_size_type c = 0; c < rows.columns(); ++c)
        out.columns.push_back({rows.column_name(c), type_name(txn, rows.column_type(c))});
    for (auto row : rows) {
      ++out.row_count;
      if (out.rows.size() >= limits.row_cap) {
        out.truncated = true;
        return false;
      }
      std::vector<std::optional<std::string>> values;
      values.reserve(out.columns.size());
      size_t row_bytes = 0;
      for (auto field : row) {
        row_bytes += field.size();
        values.push_back(field.is_null() ? std::nullopt
                                         : std::optional<std::string>(std::string(field.c_str(), field.size())));
      }
      if (bytes + row_bytes > limits.byte_cap) {
        out.truncated = true;
        return false;
      }
      bytes += row_bytes;
      out.rows.push_back(std::move(values));
    }
    return rows.size() >= want;
  }

  // Fetches the batches after the first until the result ends or a cap is
  // met. Batches grow, so a cap is met after reading little more than it allows.
  void fetch_capped(pqxx::transaction_base& txn, const run_limits& limits, size_t& bytes,
                    result_set& out) {
    for (size_t batch = 256;; batch = std::min<size_t>(batch * 4, 4096)) {
      auto want = fetch_size(limits, out, batch);
      auto fetch_start = clock_type::now();
      pqxx::result rows = txn.exec("FETCH FORWARD " + std::to_string(want) + " FROM " + cursor_name);
      out.server_ms += ms_since(fetch_start);
      if (!take_batch(txn, rows, want, limits, bytes, out))
        return;
    }
  }
};

query_runner::query_runner(std::string conninfo) : state_(std::make_unique<state>()) {
  state_->raw_conninfo = std::move(conninfo);
  state_->prepared = prepare_conninfo(state_->raw_conninfo);
  state_->canceller = std::make_shared<statement_canceller>(
      state_->prepared ? state_->prepared->conninfo : state_->raw_conninfo);
}

void query_runner::finish() {
  if (!state_->unfinished)
    return;
  state_->unfinished = false;
  if (!state_->conn || !state_->conn->is_open())
    return;
  try {
    pqxx::nontransaction txn(*state_->conn, "medha_commit");
    txn.exec("COMMIT");
  } catch (const std::exception&) {
    state_->conn.reset(); // the next run connects afresh
  }
}

std::shared_ptr<query_canceller> query_runner::canceller() const {
  return state_->canceller;
}

query_runner::~query_runner() = default;
query_runner::query_runner(query_runner&&) noexcept = default;
query_runner& query_runner::operator=(query_runner&&) noexcept = default;

result_or_error query_runner::run(const std::string& sql, const run_limits& limits,
                                  const relation_set* relations, const std::string& query_id) {
  finish();
  if (auto rejected = check_sql(sql, relations))
    return {std::nullopt, std::move(rejected)};
  // However the run ends, a later cancel of this id must find nothing to stop.
  struct end_run {
    statement_canceller& c;
    ~end_run() { c.end(); }
  } ended{*state_->canceller};
  // A connection opened by an earlier call may have died since (server
  // restart): allow one retry on a fresh connection in that case only.
  bool reused = state_->conn && state_->conn->is_open();
  for (int tries = reused ? 2 : 1; tries > 0; --tries) {
    if (auto failed = state_->connect())
      return {std::nullopt, std::move(failed)};
    try {
      return state_->attempt(sql, limits, query_id);
    } catch (const connection_lost& lost) {
      state_->conn.reset();
      if (tries == 1)
        return {std::nullopt, state_->unavailable("Lost the connection to", lost.detail)};
    }
  }
  return {std::nullopt, medha_error{error_code::internal, "query runner: no attempt made"}};
}

bool query_runner::connect() {
  return !state_->connect();
}

bool query_runner::ping() {
  finish();
  bool reused = state_->conn && state_->conn->is_open();
  for (int tries = reused ? 2 : 1; tries > 0; --tries) {
    if (state_->connect())
      return false;
    try {
      pqxx::nontransaction txn(*state_->conn, "medha_ping");
      txn.exec("SELECT 1");
      return true;
    } catch (const std::exception&) {
      state_->conn.reset();
    }
  }
  return false;
}

} // namespace medha
