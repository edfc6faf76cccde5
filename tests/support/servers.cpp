#include "tests/support/servers.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace medha::testing {

namespace {

using namespace std::chrono_literals;

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

bool is_root() { return ::geteuid() == 0; }

/// PR_SET_PDEATHSIG fires when the forking *thread* exits, so it is only safe to use from the
/// main thread; children forked elsewhere are cleaned up by their owner (and scripts/test).
bool on_main_thread() { return ::syscall(SYS_gettid) == ::getpid(); }

/// uid/gid of the account PostgreSQL runs as when we are root.
struct account {
  uid_t uid;
  gid_t gid;
  std::string name;
};

account postgres_account() {
  struct passwd* pw = ::getpwnam("postgres");
  if (!pw)
    throw std::runtime_error("running as root but there is no 'postgres' user: install the "
                             "postgresql package (scripts/install-deps)");
  return {pw->pw_uid, pw->pw_gid, pw->pw_name};
}

std::string current_user() {
  if (struct passwd* pw = ::getpwuid(::geteuid()))
    return pw->pw_name;
  return env_or("USER", "postgres");
}

/// Options for the low-level spawn.
struct spawn_options {
  std::string log_file;          // "" = inherit stdout/stderr
  int output_fd = -1;            // alternatively: write stdout/stderr here
  std::optional<account> run_as; // drop privileges to this account
  std::string work_dir;          // chdir before exec ("" = keep)
  int death_signal = SIGTERM;    // sent to the child when the parent thread dies (0 = none)
};

/// fork + exec with everything the child needs prepared before fork (only async-signal-safe
/// calls in the child). An exec failure is reported through a close-on-exec pipe.
pid_t spawn(const std::vector<std::string>& argv, const spawn_options& opt) {
  if (argv.empty())
    throw std::invalid_argument("spawn_process: empty argv");
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int log_fd = -1;
  if (!opt.log_file.empty()) {
    log_fd = ::open(opt.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0)
      throw std::runtime_error("cannot open log file " + opt.log_file + ": " + std::strerror(errno));
  }
  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    if (log_fd >= 0)
      ::close(log_fd);
    throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  }
  const pid_t parent = ::getpid();
  const int death_signal = on_main_thread() ? opt.death_signal : 0;
  const pid_t pid = ::fork();
  if (pid < 0) {
    int e = errno;
    ::close(err_pipe[0]);
    ::close(err_pipe[1]);
    if (log_fd >= 0)
      ::close(log_fd);
    throw std::runtime_error(std::string("fork: ") + std::strerror(e));
  }
  if (pid == 0) {
    auto fail = [&](int stage) {
      int data[2] = {stage, errno};
      [[maybe_unused]] auto n = ::write(err_pipe[1], data, sizeof data);
      ::_exit(127);
    };
    // Own process group: a Ctrl-C meant for the test run reaches us through the parent.
    ::setpgid(0, 0);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
      ::dup2(devnull, STDIN_FILENO);
      ::close(devnull);
    }
    int out = log_fd >= 0 ? log_fd : opt.output_fd;
    if (out >= 0) {
      ::dup2(out, STDOUT_FILENO);
      ::dup2(out, STDERR_FILENO);
    }
    if (opt.run_as) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(opt.run_as->gid) != 0
          || ::setuid(opt.run_as->uid) != 0)
        fail(1);
    }
    if (!opt.work_dir.empty() && ::chdir(opt.work_dir.c_str()) != 0)
      fail(2);
    // After setuid: changing credentials clears the parent-death signal.
    if (death_signal != 0) {
      ::prctl(PR_SET_PDEATHSIG, death_signal);
      if (::getppid() != parent)
        ::_exit(1);
    }
    ::execvp(args[0], args.data());
    fail(3);
  }
  ::close(err_pipe[1]);
  if (log_fd >= 0)
    ::close(log_fd);
  int data[2] = {0, 0};
  ssize_t n;
  do {
    n = ::read(err_pipe[0], data, sizeof data);
  } while (n < 0 && errno == EINTR);
  ::close(err_pipe[0]);
  if (n > 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    const char* what = data[0] == 1 ? "switch to the postgres user for"
                       : data[0] == 2 ? "change directory for"
                                      : "execute";
    throw std::runtime_error(std::string("cannot ") + what + " '" + argv[0]
                             + "': " + std::strerror(data[1]));
  }
  return pid;
}

int decode_status(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return -1;
}

command_result run(const std::vector<std::string>& argv, const spawn_options& base) {
  int pipefd[2];
  if (::pipe2(pipefd, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  spawn_options opt = base;
  opt.log_file.clear();
  opt.output_fd = pipefd[1];
  pid_t pid;
  try {
    pid = spawn(argv, opt);
  } catch (...) {
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    throw;
  }
  ::close(pipefd[1]);
  command_result result;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(pipefd[0], buf, sizeof buf);
    if (n > 0)
      result.output.append(buf, static_cast<size_t>(n));
    else if (n < 0 && errno == EINTR)
      continue;
    else
      break;
  }
  ::close(pipefd[0]);
  result.exit_code = wait_process(pid);
  return result;
}

std::string join(const std::vector<std::string>& argv) {
  std::string s;
  for (auto& a : argv) {
    if (!s.empty())
      s += ' ';
    s += a;
  }
  return s;
}

/// Directory with initdb/pg_ctl/postgres/psql: env MEDHA_PG_BIN, else the newest
/// /usr/lib/postgresql/<major>/bin, else "" (PATH lookup).
std::string find_pg_bin() {
  if (auto v = env_or("MEDHA_PG_BIN", ""); !v.empty())
    return v;
  int best = -1;
  std::string found;
  std::error_code ec;
  for (auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    auto bin = entry.path() / "bin";
    int major = std::atoi(entry.path().filename().c_str());
    if (major > best && fs::exists(bin / "initdb")) {
      best = major;
      found = bin.string();
    }
  }
  return found;
}

std::string pg_program(const std::string& bin_dir, const char* name) {
  return bin_dir.empty() ? std::string(name) : bin_dir + "/" + name;
}

std::string find_nats_server() {
  if (auto v = env_or("MEDHA_NATS_SERVER", ""); !v.empty())
    return v;
  for (const char* p : {"/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"})
    if (::access(p, X_OK) == 0)
      return p;
  return "nats-server";
}

/// SIGTERM-like stop: signal, wait up to `grace`, then SIGKILL.
void terminate(pid_t pid, int sig, std::chrono::milliseconds grace) {
  if (pid <= 0)
    return;
  kill_process(pid, sig);
  if (!wait_process_for(pid, grace)) {
    kill_process(pid, SIGKILL);
    wait_process(pid);
  }
}

void remove_dir(const std::string& dir) {
  if (dir.empty())
    return;
  std::error_code ec;
  fs::remove_all(dir, ec);
}

} // namespace

// -- paths --------------------------------------------------------------------------------

namespace {

// The directory of the running test binary: the top of the build tree.
std::string executable_dir() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

} // namespace

std::string source_dir() {
  if (auto v = env_or("MEDHA_SOURCE_DIR", ""); !v.empty())
    return v;
  // tests/support/servers.cpp -> the repository root. With ccache's base dir
  // the compiler saw this path relative to the build tree, where it ran.
  fs::path file(__FILE__);
  if (file.is_relative())
    file = fs::path(executable_dir()) / file;
  return file.parent_path().parent_path().parent_path().lexically_normal().string();
}

std::string build_dir() {
  if (auto v = env_or("MEDHA_BUILD_DIR", ""); !v.empty())
    return v;
  // Test binaries are written to the top of the build tree.
  if (auto dir = executable_dir(); !dir.empty())
    return dir;
  return (fs::path(source_dir()) / "build").string();
}

// -- ports, dirs, files -------------------------------------------------------------------

std::pair<int, int> server_port_range() {
  int lo = 32768, hi = 60999;
  std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
  range >> lo >> hi;
  if (lo > 11000)
    return {10000, lo - 1};
  if (hi < 64000)
    return {hi + 1, 65535};
  return {10000, 65535};
}

// Outside the ephemeral range: port 0 would hand out an ephemeral port,
// which any outgoing connection may take before the server binds it.
int free_port() {
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto [lo, hi] = server_port_range();
  std::uniform_int_distribution<int> pick{lo, hi};
  for (int attempt = 0; attempt < 200; ++attempt) {
    int port = pick(rng);
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
      throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (free)
      return port;
  }
  throw std::runtime_error("cannot find a free port in " + std::to_string(lo) + "-"
                           + std::to_string(hi));
}

bool port_taken_in_log(const std::string& log_text) {
  for (const char* sign : {"address already in use", "Address already in use",
                           "could not create listen socket", "could not bind"})
    if (log_text.find(sign) != std::string::npos)
      return true;
  return false;
}

static bool port_accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

bool wait_for_port(int port, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    if (port_accepts(port))
      return true;
    std::this_thread::sleep_for(50ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return port_accepts(port);
}

std::string make_temp_dir(const std::string& prefix) {
  std::string base = env_or("TMPDIR", "/tmp");
  std::string templ = base + "/" + prefix + "XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data()))
    throw std::runtime_error("mkdtemp " + templ + ": " + std::strerror(errno));
  return std::string(buf.data());
}

std::string file_tail(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {};
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.size() > max_bytes)
    s = "..." + s.substr(s.size() - max_bytes);
  return s;
}

// -- processes ----------------------------------------------------------------------------

pid_t spawn_process(const std::vector<std::string>& argv, const std::string& log_file) {
  spawn_options opt;
  opt.log_file = log_file;
  return spawn(argv, opt);
}

void kill_process(pid_t pid, int sig) {
  if (pid > 0)
    ::kill(pid, sig);
}

int wait_process(pid_t pid) {
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid, &status, 0);
  } while (r < 0 && errno == EINTR);
  return r == pid ? decode_status(status) : -1;
}

std::optional<int> wait_process_for(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid)
      return decode_status(status);
    if (r < 0 && errno != EINTR)
      return -1; // not our child (or already reaped)
    if (std::chrono::steady_clock::now() >= deadline)
      return std::nullopt;
    std::this_thread::sleep_for(20ms);
  }
}

command_result run_command(const std::vector<std::string>& argv) {
  return run(argv, spawn_options{});
}

// -- postgres_server ------------------------------------------------------------------------

postgres_server& postgres_server::shared() {
  // Destroyed (and so stopped) at process exit.
  static postgres_server server;
  return server;
}

postgres_server::postgres_server() {
  try {
    initialize();
  } catch (...) {
    stop_locked();
    remove_dir(dir_);
    throw;
  }
}

postgres_server::~postgres_server() {
  try {
    std::lock_guard lock(mutex_);
    stop_locked();
  } catch (...) {
  }
  remove_dir(dir_);
}

void postgres_server::initialize() {
  bin_dir_ = find_pg_bin();
  dir_ = make_temp_dir("medha-pg-");
  std::optional<account> as;
  if (is_root()) {
    as = postgres_account();
    user_ = as->name;
    if (::chown(dir_.c_str(), as->uid, as->gid) != 0)
      throw std::runtime_error("chown " + dir_ + ": " + std::strerror(errno));
  } else {
    user_ = current_user();
  }
  ::chmod(dir_.c_str(), 0755);
  spawn_options opt;
  opt.run_as = as;
  opt.work_dir = dir_;
  std::vector<std::string> initdb = {pg_program(bin_dir_, "initdb"), "-D", dir_ + "/pgdata",
                                     "-U", user_, "-A", "trust", "-E", "UTF8", "--locale=C",
                                     "--no-sync"};
  auto r = run(initdb, opt);
  if (r.exit_code != 0)
    throw std::runtime_error("initdb failed (exit " + std::to_string(r.exit_code) + "): "
                             + join(initdb) + "\n" + r.output);
  {
    std::ofstream conf(dir_ + "/pgdata/postgresql.conf", std::ios::app);
    conf << "\n# --- medha test cluster ---\n"
         << "listen_addresses = '127.0.0.1'\n"
         << "unix_socket_directories = '" << dir_ << "'\n"
         << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
         << "max_connections = 100\n";
    if (!conf)
      throw std::runtime_error("cannot write " + dir_ + "/pgdata/postgresql.conf");
  }
  // A port free when drawn may be taken before the server binds it: draw again.
  for (int attempt = 1;; ++attempt) {
    port_ = free_port();
    {
      // Appended: the last `port` line wins.
      std::ofstream conf(dir_ + "/pgdata/postgresql.conf", std::ios::app);
      conf << "port = " << port_ << "\n";
    }
    auto log_before = file_tail(dir_ + "/postgres.log", 1 << 20).size();
    try {
      start_locked();
      return;
    } catch (const std::runtime_error&) {
      auto log = file_tail(dir_ + "/postgres.log", 1 << 20);
      if (attempt >= 5 || !port_taken_in_log(log.substr(std::min(log_before, log.size()))))
        throw;
    }
  }
}

std::string postgres_server::conninfo(const std::string& dbname) const {
  std::lock_guard lock(mutex_);
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=" + user_ + " dbname=" + dbname;
}

int postgres_server::port() const {
  std::lock_guard lock(mutex_);
  return port_;
}

std::string postgres_server::user() const {
  std::lock_guard lock(mutex_);
  return user_;
}

std::string postgres_server::directory() const {
  std::lock_guard lock(mutex_);
  return dir_;
}

bool postgres_server::running() const {
  std::lock_guard lock(mutex_);
  return pid_ > 0;
}

void postgres_server::start() {
  std::lock_guard lock(mutex_);
  start_locked();
}

void postgres_server::stop() {
  std::lock_guard lock(mutex_);
  stop_locked();
}

void postgres_server::start_locked() {
  if (pid_ > 0)
    return;
  spawn_options opt;
  if (is_root())
    opt.run_as = postgres_account();
  opt.work_dir = dir_;
  opt.log_file = dir_ + "/postgres.log";
  // SIGINT = fast shutdown: sessions are ended, the cluster shuts down cleanly.
  opt.death_signal = SIGINT;
  pid_ = spawn({pg_program(bin_dir_, "postgres"), "-D", dir_ + "/pgdata"}, opt);

  const std::string ping = "host=127.0.0.1 port=" + std::to_string(port_) + " user=" + user_
                            + " dbname=postgres connect_timeout=2";
  auto deadline = std::chrono::steady_clock::now() + 60s;
  for (;;) {
    try {
      pqxx::connection probe(ping);
      return;
    } catch (const std::exception&) {
      // not accepting connections yet
    }
    if (auto code = wait_process_for(pid_, 0ms)) {
      pid_ = -1;
      throw std::runtime_error("PostgreSQL exited during startup (exit " + std::to_string(*code)
                               + "); log " + dir_ + "/postgres.log:\n"
                               + file_tail(dir_ + "/postgres.log"));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      terminate(pid_, SIGQUIT, 5s);
      pid_ = -1;
      throw std::runtime_error("PostgreSQL not ready on port " + std::to_string(port_)
                               + " after 60 s; log:\n" + file_tail(dir_ + "/postgres.log"));
    }
    std::this_thread::sleep_for(50ms);
  }
}

void postgres_server::stop_locked() {
  if (pid_ <= 0)
    return;
  terminate(pid_, SIGINT, 30s);
  pid_ = -1;
}

void postgres_server::create_database(const std::string& name) {
  std::lock_guard lock(mutex_);
  start_locked();
  pqxx::connection c(conninfo(std::string("postgres")));
  pqxx::nontransaction tx(c);
  const std::string quoted = tx.quote_name(name);
  tx.exec("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
  tx.exec("CREATE DATABASE " + quoted);
}

void postgres_server::load_sql_file(const std::string& dbname, const std::string& path) {
  std::lock_guard lock(mutex_);
  if (!fs::exists(path))
    throw std::runtime_error("SQL file not found: " + path);
  std::vector<std::string> psql = {pg_program(bin_dir_, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                                   "-h", "127.0.0.1", "-p", std::to_string(port_), "-U", user_,
                                   "-d", dbname, "-f", path};
  auto r = run(psql, spawn_options{});
  if (r.exit_code != 0)
    throw std::runtime_error("loading " + path + " into " + dbname + " failed (psql exit "
                             + std::to_string(r.exit_code) + "):\n" + r.output);
}

void postgres_server::load_sample(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (samples_.count(name))
    return;
  create_database(name);
  load_sql_file(name, source_dir() + "/scripts/sample-data/" + name + ".sql");
  samples_.insert(name);
}

// -- nats_server ----------------------------------------------------------------------------

namespace {

std::string random_password() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

} // namespace

// The same rules scripts/lib.sh writes: what a test proves here holds for the demo.
void nats_server::write_auth_config() {
  for (auto user : {std::string{service_user}, std::string{"alice"}, std::string{"bob"}})
    passwords_[user] = random_password();
  std::ofstream conf(dir_ + "/auth.conf");
  conf << "authorization {\n  users = [\n";
  for (auto& [user, password] : passwords_) {
    conf << "    {user: \"" << user << "\", password: \"" << password << "\"";
    if (user != service_user)
      conf << ", permissions: {publish: {allow: [\"medha.turn." << user << ".>\", \"medha.api."
           << user << ".>\"]}, subscribe: {allow: [\"medha.events." << user
           << ".>\", \"_INBOX." << user << ".>\"]}}";
    conf << "}\n";
  }
  conf << "  ]\n}\n";
  if (!conf)
    throw std::runtime_error("cannot write " + dir_ + "/auth.conf");
}

nats_credentials nats_server::credentials(const std::string& user) const {
  auto i = passwords_.find(user);
  if (i == passwords_.end())
    throw std::invalid_argument("nats_server has no user " + user);
  return {user, i->second, ""};
}

std::string nats_server::service_url() const {
  return "nats://" + std::string{service_user} + ":" + passwords_.at(service_user)
         + "@127.0.0.1:" + std::to_string(port_);
}

std::string nats_server::log_text() const { return file_tail(dir_ + "/nats.log", 1 << 20); }

nats_server::nats_server(int first_port, bool jetstream) : jetstream_(jetstream) {
  dir_ = make_temp_dir("medha-nats-");
  try {
    write_auth_config();
    // A port free when drawn may be taken before the server binds it: draw again.
    for (int attempt = 1;; ++attempt) {
      port_ = attempt == 1 && first_port > 0 ? first_port : free_port();
      auto log_before = file_tail(dir_ + "/nats.log", 1 << 20).size();
      try {
        start();
        break;
      } catch (const std::runtime_error&) {
        auto log = file_tail(dir_ + "/nats.log", 1 << 20);
        if (attempt >= 5 || !port_taken_in_log(log.substr(std::min(log_before, log.size()))))
          throw;
      }
    }
  } catch (...) {
    remove_dir(dir_);
    throw;
  }
}

nats_server::~nats_server() {
  try {
    stop();
  } catch (...) {
  }
  remove_dir(dir_);
}

std::string nats_server::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

int nats_server::port() const { return port_; }

bool nats_server::running() const { return pid_ > 0; }

void nats_server::start() {
  if (pid_ > 0)
    return;
  const std::string log = dir_ + "/nats.log";
  auto log_before = file_tail(log, 1 << 20).size();
  // Flags after the file override it: the file holds only the users.
  std::vector<std::string> argv{find_nats_server(), "-c", dir_ + "/auth.conf", "-a", "127.0.0.1",
                                "-p", std::to_string(port_)};
  if (jetstream_)
    argv.insert(argv.end(), {"-js", "-sd", dir_ + "/js"});
  pid_ = spawn(argv, spawn_options{log, -1, std::nullopt, dir_, SIGTERM});
  // Its own "ready" line, not just an open port: another program holding
  // the port would accept connections too.
  auto ready = [&] {
    auto text = file_tail(log, 1 << 20);
    return text.find("Server is ready", std::min(log_before, text.size())) != std::string::npos;
  };
  auto deadline = std::chrono::steady_clock::now() + 20s;
  for (;;) {
    if (ready() && port_accepts(port_))
      return;
    if (auto code = wait_process_for(pid_, 0ms)) {
      pid_ = -1;
      throw std::runtime_error("nats-server exited during startup (exit " + std::to_string(*code)
                               + "); log:\n" + file_tail(log));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      terminate(pid_, SIGKILL, 5s);
      pid_ = -1;
      throw std::runtime_error("nats-server not accepting connections on port "
                               + std::to_string(port_) + " after 20 s; log:\n" + file_tail(log));
    }
    std::this_thread::sleep_for(20ms);
  }
}

void nats_server::stop() {
  if (pid_ <= 0)
    return;
  terminate(pid_, SIGTERM, 10s);
  pid_ = -1;
}

} // namespace medha::testing
