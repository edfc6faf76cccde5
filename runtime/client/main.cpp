// medha: the command-line client. Talks to workers over NATS only.

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "runtime/client/bench.hpp"
#include "runtime/client/check_sql.hpp"
#include "runtime/client/commands.hpp"
#include "runtime/client/credentials_file.hpp"
#include "runtime/client/distractors.hpp"
#include "runtime/client/event_printer.hpp"
#include "runtime/client/load.hpp"
#include "runtime/client/mcp.hpp"
#include "runtime/client/session.hpp"

namespace {

const char* usage = R"(usage: medha [--nats URL] [--user NAME] [--password PW | --credentials FILE] [--json] [--timeout SECONDS] COMMAND ...

commands:
  chat [--conversation ID] [--data-source NAME]   talk to your data (reads lines from stdin)
  ask [--conversation ID] [--data-source NAME] QUESTION
                                   one question; prints the step events and the answer
  health                           asks a worker for its health
  conversations list | get ID | create [--data-source NAME] | rename ID TITLE | delete ID
  datasources list | select CONVERSATION NAME
  eval --suite FILE [--databases DIR] [--report OUT.json] [--pg CONNINFO-PREFIX]
                                   accuracy of the pipeline on a question suite
  bench --pg CONNINFO --echo-user U [--echo-password PW] [--conversations C] [--turns T]
        [--data-source NAME] [--question Q]... [--report OUT.json]
                                   end-to-end load (C conversations at once, T turns each):
                                   throughput, latency, steps, overhead, and the floor;
        [--touch N [--in-flight W]]  instead: N conversations asked once each (memory)
  load --conversations N --turns T --store-conninfo CONNINFO [--window W] [--report OUT.json]
                                   publishes many conversations' turns back to back and checks
                                   each ended once, in order (scripts/chaos);
        [--kills-from FILE [--min-kills K]]  the later half waits for K kills counted in FILE
  mcp                              a Model Context Protocol server on stdio (JSON-RPC 2.0)
                                   with tools ask, list_data_sources, describe_table, run_sql
  check-sql [--tables schema.table,...]
                                   the SQL guard, offline: one statement per stdin line,
                                   prints `accept` or `reject <rule>` for each

MEDHA_NATS_URL, MEDHA_USER, MEDHA_PASSWORD and MEDHA_CREDENTIALS set the defaults of
--nats, --user, --password and --credentials. NATS checks the credentials and lets
a user publish and subscribe only on their own subjects.
)";

} // namespace

int main(int argc, char** argv) {
  using namespace medha::client;
  options opts;
  if (auto* url = std::getenv("MEDHA_NATS_URL"))
    opts.nats_url = url;
  if (auto* user = std::getenv("MEDHA_USER"))
    opts.user = user;
  if (auto* password = std::getenv("MEDHA_PASSWORD"))
    opts.password = password;
  if (auto* file = std::getenv("MEDHA_CREDENTIALS"))
    opts.credentials_file = file;
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  for (; i < args.size(); ++i) {
    auto& a = args[i];
    auto value = [&](const char* flag) -> std::string {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "medha: %s needs a value\n", flag);
        std::exit(2);
      }
      return args[++i];
    };
    if (a == "--nats")
      opts.nats_url = value("--nats");
    else if (a == "--user")
      opts.user = value("--user");
    else if (a == "--password")
      opts.password = value("--password");
    else if (a == "--credentials")
      opts.credentials_file = value("--credentials");
    else if (a == "--json")
      opts.json = true;
    else if (a == "--timeout")
      opts.timeout_ms = std::atoi(value("--timeout").c_str()) * 1000;
    else if (a == "--help" || a == "-h") {
      std::printf("%s", usage);
      return 0;
    } else
      break;
  }
  if (i >= args.size()) {
    std::fprintf(stderr, "%s", usage);
    return 2;
  }
  if (!medha::is_valid_token(opts.user)) {
    std::fprintf(stderr, "medha: --user must match [A-Za-z0-9_-]{1,64}\n");
    return 2;
  }
  std::string command = args[i];
  std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  if (command == "distractors") return run_distractors(rest);
  if (command == "check-sql") return run_check_sql(rest, std::cin, std::cout);
  if (!opts.credentials_file.empty()) {
    auto creds = read_credentials_file(opts.credentials_file);
    if (auto* err = std::get_if<medha::medha_error>(&creds)) {
      std::fprintf(stderr, "medha: credentials: %s\n", err->message.c_str());
      return 2;
    }
  }
  std::string error;
  // User/password only when a password is given: with neither, the connection
  // is anonymous, which a server with authorization refuses with a clear error.
  medha::nats_credentials creds{opts.password.empty() ? "" : opts.user, opts.password,
                                opts.credentials_file};
  auto nats = nats_client::connect(opts.nats_url, error, creds, "_INBOX." + opts.user);
  if (!nats) {
    std::fprintf(stderr, "medha: %s\n", error.c_str());
    return 1;
  }
  session s{*nats, opts};
  if (command == "chat")
    return run_chat(s, rest);
  if (command == "ask")
    return run_ask(s, rest);
  if (command == "health")
    return run_health(s);
  if (command == "conversations")
    return run_conversations(s, rest);
  if (command == "datasources")
    return run_datasources(s, rest);
  if (command == "eval")
    return run_eval(s, rest);
  if (command == "bench")
    return run_bench(s, *nats, rest);
  if (command == "load")
    return run_load(s, *nats, rest);
  if (command == "mcp") {
    // stdout carries the protocol only; everything else goes to stderr.
    session_backend backend{s};
    return run_mcp(backend, std::cin, std::cout);
  }
  std::fprintf(stderr, "medha: unknown command \"%s\"\n\n%s", command.c_str(), usage);
  return 2;
}
