#pragma once

// Throwaway servers and process helpers for tests.
//
// Every server listens on 127.0.0.1 only, on a free port, with its state in a fresh temp dir
// under $TMPDIR (scripts/test points TMPDIR at a private dir it removes afterwards). Server
// processes are children of the test process. Started from the main thread they get
// PR_SET_PDEATHSIG, so they die with it even when a test crashes (the signal fires when the
// forking *thread* exits, so it is not used from other threads; scripts/test cleans up those).
//
// Failures to start throw std::runtime_error with the server's log tail, which GoogleTest
// reports as a test failure with a readable message.

#include <sys/types.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <map>
#include <vector>

#include "runtime/nats_credentials.hpp"

namespace medha::testing {

/// A throwaway PostgreSQL cluster (temp dir, free port, loopback), started on first use and
/// stopped at process exit; runs as user postgres when the process is root.
class postgres_server {
public:
  /// The process-wide cluster, started on first call.
  static postgres_server& shared();

  postgres_server(const postgres_server&) = delete;
  postgres_server& operator=(const postgres_server&) = delete;
  ~postgres_server();

  /// "host=127.0.0.1 port=... user=... dbname=..."
  std::string conninfo(const std::string& dbname) const;
  int port() const;
  std::string user() const;
  /// The cluster's temp dir (pgdata/, postgres.log, ...).
  std::string directory() const;

  /// Drops (terminating its sessions) and recreates a database.
  void create_database(const std::string& name);
  /// Runs `psql -v ON_ERROR_STOP=1 -f path` against dbname; throws with psql's output on error.
  void load_sql_file(const std::string& dbname, const std::string& path);
  /// Creates database <name> and loads scripts/sample-data/<name>.sql, once per process.
  void load_sample(const std::string& name);

  /// Fast shutdown (for "database is down" tests); no-op when stopped.
  void stop();
  /// Starts again on the same port; waits until it accepts connections. No-op when running.
  void start();
  bool running() const;

private:
  postgres_server();
  void initialize();
  void start_locked();
  void stop_locked();

  mutable std::recursive_mutex mutex_;
  std::string dir_;
  std::string bin_dir_;
  std::string user_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::set<std::string> samples_;
};

/// A throwaway nats-server with JetStream on a free loopback port in a temp dir,
/// with authorization on as the scripts set it up: a service user for workers
/// (and test drivers) that may use every subject, and end users (alice, bob)
/// confined to their own subjects; anonymous connections are refused.
class nats_server {
public:
  /// `first_port` > 0: try that port first (tests of the retry on a taken port).
  /// `jetstream` false: a server without JetStream (what runs without it).
  explicit nats_server(int first_port = 0, bool jetstream = true);

  /// The workers' user, allowed every subject.
  static constexpr const char* service_user = "medha-service";
  /// Credentials of the service user or an end user ("alice", "bob").
  nats_credentials credentials(const std::string& user) const;
  /// url() with the service user's credentials in it (for raw nats.c calls).
  std::string service_url() const;
  /// The server's log so far (it logs refused connections and permission violations).
  std::string log_text() const;
  ~nats_server();
  nats_server(const nats_server&) = delete;
  nats_server& operator=(const nats_server&) = delete;

  /// "nats://127.0.0.1:<port>"
  std::string url() const;
  int port() const;
  /// Stops the server (SIGTERM); no-op when stopped.
  void stop();
  /// Starts again on the same port (JetStream state kept); no-op when running.
  void start();
  bool running() const;

private:
  void write_auth_config();

  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  bool jetstream_ = true;
  std::map<std::string, std::string> passwords_;
};

/// The source tree: env MEDHA_SOURCE_DIR (set by ctest), else the compile-time location.
std::string source_dir();
/// The build tree: env MEDHA_BUILD_DIR (set by ctest), else the compile-time location.
std::string build_dir();

/// Where servers' ports are drawn: outside the kernel's ephemeral range
/// (/proc/sys/net/ipv4/ip_local_port_range), below it when there is room.
std::pair<int, int> server_port_range();
/// A free TCP port on 127.0.0.1 in server_port_range() (bound and released:
/// free now only, so server starts retry on a collision).
int free_port();
/// True when a server's log says its port was taken.
bool port_taken_in_log(const std::string& log_text);
/// True once something accepts TCP connections on 127.0.0.1:port.
bool wait_for_port(int port, std::chrono::milliseconds timeout);
/// A fresh directory under $TMPDIR (or /tmp) named <prefix>XXXXXX.
std::string make_temp_dir(const std::string& prefix);
/// The last `max_bytes` of a file (for error messages), or "" when unreadable.
std::string file_tail(const std::string& path, size_t max_bytes = 4000);

/// Runs a child process (argv[0] is looked up in PATH) with stdin from /dev/null and stdout and
/// stderr appended to log_file ("" keeps the test's own output); returns its pid. The child is
/// sent SIGTERM when the test process dies. Throws when the program cannot be executed.
pid_t spawn_process(const std::vector<std::string>& argv, const std::string& log_file);
/// Sends a signal (no error when the process is gone).
void kill_process(pid_t pid, int sig);
/// Waits for the child to end; returns its exit code, or 128 + signal number.
int wait_process(pid_t pid);
/// Like wait_process, but gives up after timeout (std::nullopt: still running).
std::optional<int> wait_process_for(pid_t pid, std::chrono::milliseconds timeout);

/// Result of run_command: exit code (or 128 + signal) and the combined stdout/stderr.
struct command_result {
  int exit_code = -1;
  std::string output;
};
/// Runs a program to completion, capturing its output.
command_result run_command(const std::vector<std::string>& argv);

} // namespace medha::testing
