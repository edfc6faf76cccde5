#pragma once

// A real worker for integration tests: medhad as a child process, talking to
// a real nats-server and a real PostgreSQL; the test talks NATS like a client.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "runtime/client/nats_client.hpp"
#include "messages/protocol.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {

struct worker_options {
  std::vector<std::string> sources = {"sales", "support", "hr"};
  std::string extra_json;            // more config keys: ",\"row_cap\":5"
  std::string bad_source_conninfo;   // adds data source "offline" with this conninfo
  std::vector<std::string> sharing_data; // sources with allow_llm_to_see_data
};

/// The events of one turn, in arrival order.
struct turn_events {
  std::vector<step_event> events;
  const step_event& last() const { return events.back(); }
};

class worker_harness {
public:
  /// The worker connects as the server's service user; so does the harness's
  /// own client, which plays every end user (tests/integration/security_test
  /// connects as the end users themselves).
  worker_harness(const nats_server& nats, worker_options opts = {});
  ~worker_harness();

  void start();         // spawns medhad and waits for health
  void kill_hard();     // SIGKILL, no goodbye
  void stop();          // SIGTERM and wait
  /// SIGTERM; the exit code if medhad ended within `bound` (else it is killed).
  std::optional<int> terminate_within(std::chrono::milliseconds bound);
  std::string log_tail(size_t max_bytes = 4000) const;

  /// Calls an API verb as `user`; returns the reply JSON ("" on timeout).
  std::string api(const std::string& user, const std::string& verb, const std::string& body);
  /// A request on any subject as the service user; the reply JSON ("" on timeout).
  std::string request(const std::string& subject, const std::string& body);
  /// Creates a conversation for `user`; returns its id.
  std::string create_conversation(const std::string& user, const std::string& data_source = "");
  /// Sends a raw turn payload and collects events until the final one.
  turn_events send_turn(const std::string& user, const std::string& conv, const std::string& payload,
                        const std::string& turn_id);
  /// Sends a refine request (body without "conversation") and collects the
  /// turn's events; the API reply must carry the turn id.
  turn_events refine(const std::string& user, const std::string& conv, const std::string& body);
  /// Asks a question in a conversation.
  turn_events ask(const std::string& user, const std::string& conv, const std::string& text);

private:
  /// Events of a turn until its final one (the subscription is already on).
  turn_events collect(const std::string& turn_id);

  std::string nats_url_;
  worker_options opts_;
  std::string dir_;
  std::string config_path_;
  pid_t pid_ = -1;
  std::optional<client::nats_client> nats_;
  int turns_ = 0;
};

/// A JSON field of an event's data, as text (numbers serialized).
std::string data_field(const step_event& ev, const std::string& key);

} // namespace medha::testing
