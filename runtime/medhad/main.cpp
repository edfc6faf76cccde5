// medhad: one worker process = one actor system. It joins the NATS queue
// group, so starting more workers spreads conversations and API calls.

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/context/context_actor.hpp"
#include "actors/conversation/manager_actor.hpp"
#include "actors/discovery/discovery_actor.hpp"
#include "actors/executor/executor_actor.hpp"
#include "actors/sqlgen/sqlgen_actor.hpp"
#include "actors/visualization/chart_picker.hpp"
#include "actors/visualization/visualization_actor.hpp"
#include "actors/cache/installed_buckets.hpp"
#include "actors/cache/kv_bucket.hpp"
#include "actors/cache/lookup_counts.hpp"
#include "actors/cache/metadata_cache.hpp"
#include "actors/cache/result_cache.hpp"
#include "actors/cache/source_cache.hpp"
#include "actors/sqlgen/llm/llm_worker.hpp"
#include "actors/sqlgen/llm/sentence_writer.hpp"
#include "actors/sqlgen/llm/sql_cache.hpp"
#include "runtime/config.hpp"
#include "runtime/conversation_store.hpp"
#include "runtime/logging.hpp"
#include "runtime/metrics_server.hpp"
#include "runtime/nats_bridge.hpp"
#include "runtime/prometheus_text.hpp"
#include "runtime/store_actor.hpp"
#include "runtime/store_factory.hpp"
#include "runtime/turn_stats.hpp"
#include "runtime/turn_stream.hpp"

extern char** environ;

namespace {

volatile std::sig_atomic_t stop_requested = 0;

// A cache every worker shares through a JetStream bucket; without JetStream
// it stays off (one warning) and everything else works the same.
template <class Cache, class Install>
void open_shared_cache(__natsConnection* conn, int ttl_s, const std::string& kind, Install install) {
  auto opened = Cache::open(conn, std::chrono::seconds(ttl_s));
  if (auto* err = std::get_if<medha::medha_error>(&opened))
    medha::log::warn("medhad", err->message + "; the " + kind + " cache is off");
  else
    install(std::move(std::get<0>(opened)));
}

// The caches found by kind (actors/cache/installed_buckets.hpp).
void open_shared_bucket(__natsConnection* conn, int ttl_s, const char* kind, const char* bucket,
                        const std::string& what) {
  if (ttl_s <= 0)
    return;
  auto opened = medha::cache::kv_bucket::open(conn, bucket, std::chrono::seconds(ttl_s));
  if (auto* err = std::get_if<medha::medha_error>(&opened))
    medha::log::warn("medhad", err->message + "; the " + what + " cache is off");
  else
    medha::cache::install_bucket(kind, std::move(std::get<0>(opened)));
}

// Ends the process when shutdown outlives its bound; disarmed when it ends
// in time (the destructor runs after the actor system is gone).
class shutdown_watchdog {
public:
  explicit shutdown_watchdog(std::chrono::milliseconds bound)
      : thread_([this, bound] {
          std::unique_lock<std::mutex> lock{mx_};
          if (!cv_.wait_for(lock, bound, [this] { return done_; })) {
            medha::log::warn("medhad", "shutdown did not end in time; exiting now");
            std::_Exit(1);
          }
        }) {}
  ~shutdown_watchdog() {
    {
      std::lock_guard<std::mutex> lock{mx_};
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

private:
  std::mutex mx_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

void on_signal(int) {
  stop_requested = 1;
}

int run(const medha::config& cfg) {
  using namespace medha;
  log::set_level(cfg.log_level);
  auto opened = open_conversation_store(cfg);
  if (auto* err = std::get_if<medha_error>(&opened)) {
    log::error("medhad", "cannot open " + store_description(cfg) + ": " + err->message);
    return 1;
  }
  std::shared_ptr<conversation_store> store = std::move(std::get<0>(opened));
  char host[128] = "worker";
  gethostname(host, sizeof(host) - 1);
  auto worker_name = std::string{host} + ":" + std::to_string(getpid());
  auto connected = nats_bridge::connect(
      cfg.nats_url, "medhad " + worker_name,
      nats_credentials{cfg.nats_user, cfg.nats_password, cfg.nats_credentials});
  if (auto* err = std::get_if<medha_error>(&connected)) {
    log::error("medhad", err->message);
    return 1;
  }
  std::shared_ptr<nats_bridge> nats = std::move(std::get<0>(connected));
  std::shared_ptr<turn_stream> turns;
  if (uses_turn_stream(cfg)) {
    turn_stream_settings ts;
    ts.consumer = cfg.queue_group;
    ts.ack_wait = std::chrono::milliseconds(cfg.turn_ack_wait_ms);
    ts.duplicate_window = std::chrono::milliseconds(cfg.turn_duplicate_window_ms);
    // Every stage at its timeout (a model's SQL with its retries and
    // corrections) and the store calls of a turn, with room to spare.
    int64_t sql_ms = cfg.sql_timeout_ms;
    if (cfg.llm.enabled())
      sql_ms += 3 * (int64_t(cfg.llm.max_retries + 1) * cfg.llm.timeout_ms
                     + int64_t(cfg.llm.max_retries) * 60000);
    ts.max_turn_time = std::chrono::milliseconds(
        int64_t(cfg.discovery_timeout_ms) + cfg.context_timeout_ms + sql_ms
        + cfg.execute_timeout_ms + cfg.visualize_timeout_ms + 8 * int64_t(cfg.stage_timeout_ms));
    auto opened_stream = turn_stream::open(nats->connection(), ts);
    if (auto* err = std::get_if<medha_error>(&opened_stream)) {
      if (cfg.turn_delivery == "jetstream") {
        log::error("medhad", err->message);
        return 1;
      }
      log::warn("medhad", err->message + "; turns come over plain NATS instead (turn_delivery auto)");
    } else {
      turns = std::move(std::get<0>(opened_stream));
    }
  }

  // Every event goes out through the statistics, which count the final ones.
  auto stats = std::make_shared<turn_stats>(nats);
  stats->count_caches_with([] {
    std::map<std::string, turn_stats::hit_miss> out{{cache::sources_kind, {}}, {cache::metadata_kind, {}}};
    for (auto& [kind, n] : cache::lookup_counts())
      out[kind] = {n.hits, n.misses};
    return out;
  });
  // Prometheus scrapes on the listener's own thread; the counters it reads
  // are the `stats` verb's, kept thread-safe by turn_stats.
  std::unique_ptr<metrics_server> metrics;
  if (cfg.metrics_port > 0) {
    std::string error;
    metrics = metrics_server::start(cfg.metrics_address, cfg.metrics_port,
                                    [stats] { return prometheus_text(stats->current()); }, error);
    if (!metrics) {
      log::error("medhad", error);
      return 1;
    }
    log::info("medhad", "metrics at http://" + cfg.metrics_address + ":"
                          + std::to_string(metrics->port()) + "/metrics");
  }

  // Declared before the actor system so that it also bounds the system's
  // destructor, which waits for every actor.
  std::optional<shutdown_watchdog> watchdog;
  caf::actor_system_config sys_cfg;
  // One scheduler thread per core: every blocking call has a thread of its
  // own (detached actors), so more would only poll and take turns on the cores.
  sys_cfg.set("scheduler.max-threads",
              static_cast<size_t>(cfg.scheduler_threads > 0
                                    ? cfg.scheduler_threads
                                    : std::max(1u, std::thread::hardware_concurrency())));
  // A scheduler thread with nothing to do spins briefly, then waits on its
  // condition variable, which a message from outside the scheduler (NATS, a
  // detached actor's reply) signals at once. CAF's default puts a phase of
  // 50 us sleeps in between, each one a delay for the message that arrives
  // during it: a turn crosses that boundary several times (scripts/bench:
  // overhead p50 -0.15 to -0.3 ms). Waiting, a thread looks for work to
  // steal every scheduler_steal_ms: a message one actor sends another on
  // the same thread wakes no other thread, so under load the wait decides how
  // soon a second thread takes a share.
  sys_cfg.set("work-stealing.moderate-poll-attempts", size_t{0});
  sys_cfg.set("work-stealing.relaxed-sleep-duration",
              caf::timespan{std::chrono::milliseconds(cfg.scheduler_steal_ms)});
  caf::actor_system sys{sys_cfg};
  conversation_deps deps;
  // RocksDB serves one worker: it is the only writer of its examples.
  deps.store = spawn_store_actor(sys, store, cfg.store != "postgres");
  // Models and data source selections are shared the same way; opened before
  // the context stage starts introspecting.
  open_shared_bucket(nats->connection(), cfg.cache_metadata_ttl_s, cache::metadata_kind,
                     cache::metadata_bucket, "metadata");
  open_shared_bucket(nats->connection(), cfg.cache_sources_ttl_s, cache::sources_kind,
                     cache::sources_bucket, "data source selection");
  // Start from the saved catalog: a restart does not re-introspect everything.
  discovery::catalog catalog;
  std::vector<model_ptr> saved;
  if (auto blob = store->get_blob(catalog_blob_key)) {
    if (auto loaded = discovery::catalog::load(*blob)) {
      catalog = std::move(*loaded);
      for (auto& name : catalog.data_sources()) {
        bool configured = std::any_of(cfg.data_sources.begin(), cfg.data_sources.end(),
                                      [&](const data_source& s) { return s.name == name; });
        if (configured)
          saved.push_back(catalog.model(name));
        else
          catalog.remove(name);
      }
      log::info("medhad", "catalog loaded from the store: " + std::to_string(saved.size())
                            + " data sources, " + std::to_string(catalog.table_count()) + " tables");
    } else {
      log::warn("medhad", "the saved catalog does not load; introspecting every data source");
    }
  }
  deps.discovery = spawn_discovery_actor(sys, std::move(catalog), deps.store);
  deps.context = spawn_context_actor(sys, cfg.data_sources, deps.discovery, std::move(saved),
                                     std::chrono::seconds(cfg.refresh_interval_s));
  // Generation is CPU-bound: one generator per core serves all conversations.
  auto generators = cfg.sqlgen_workers > 0 ? static_cast<size_t>(cfg.sqlgen_workers)
                                           : std::max(1u, std::thread::hardware_concurrency());
  sqlgen_settings sql_settings;
  sql_settings.llm = cfg.llm;
  sql_settings.other_llms = cfg.llm_others;
  auto offered = offered_models(cfg.llm, cfg.llm_others);
  if (cfg.llm.enabled()) {
    for (auto& offer : offered) {
      if (offer.api_key_env.empty() || sql_settings.keys_by_env.count(offer.api_key_env))
        continue;
      const char* key = std::getenv(offer.api_key_env.c_str());
      if (key && *key)
        sql_settings.keys_by_env[offer.api_key_env] = key;
      else
        log::warn("medhad", "llm: the environment variable " + offer.api_key_env
                              + " is not set; calling " + offer.provider + " without a key");
    }
    if (auto key = sql_settings.keys_by_env.find(cfg.llm.api_key_env);
        key != sql_settings.keys_by_env.end())
      sql_settings.api_key = key->second;
    for (auto& src : cfg.data_sources)
      if (src.allow_llm_to_see_data)
        sql_settings.sources_sharing_data.insert(src.name);
    log::info("medhad", "llm: hybrid routing with " + cfg.llm.provider + " model " + cfg.llm.model
                          + " at " + cfg.llm.base_url + " (" + std::to_string(offered.size())
                          + " models offered to conversations)");
  }
  // The model's SQL is shared by every worker through a JetStream bucket;
  // without JetStream the model is simply asked every time.
  if (cfg.llm.enabled() && cfg.cache_sql_ttl_s > 0)
    open_shared_cache<llm::sql_cache>(nats->connection(), cfg.cache_sql_ttl_s, "SQL",
                                      llm::install_sql_cache);
  // Rows of a query are shared the same way, for every path (engine or model).
  if (cfg.cache_results_ttl_s > 0)
    open_shared_cache<cache::result_cache>(nats->connection(), cfg.cache_results_ttl_s, "result",
                                           cache::install_result_cache);
  // The model words the answers of the sources that let it see their rows.
  if (!sql_settings.sources_sharing_data.empty())
    deps.sentences = llm::spawn_sentence_writer(
      sys, llm::make_llm_setup(sql_settings.llm, sql_settings.other_llms, sql_settings.keys_by_env,
                               sql_settings.api_key, sql_settings.sources_sharing_data));
  // The engine and the chart are called in the conversation actor; the pool
  // takes what goes to a model.
  auto direct = std::make_shared<direct_stages>();
  direct->sql = make_sqlgen_call(sql_settings);
  direct->visualize = pick_chart;
  deps.direct = std::move(direct);
  deps.sqlgen = spawn_sqlgen_pool(sys, generators, std::move(sql_settings));
  deps.executor = spawn_executor_actor(
    sys, cfg.data_sources,
    executor_settings{cfg.executor_pool_size, cfg.statement_timeout_ms, cfg.row_cap,
                      cfg.result_byte_cap});
  deps.visualization = spawn_visualization_actor(sys);
  deps.events = stats;
  deps.acks = turns;
  deps.settings.stage_timeout = std::chrono::milliseconds(cfg.stage_timeout_ms);
  deps.settings.timeouts.discovery = std::chrono::milliseconds(cfg.discovery_timeout_ms);
  deps.settings.timeouts.context = std::chrono::milliseconds(cfg.context_timeout_ms);
  deps.settings.timeouts.sql = std::chrono::milliseconds(cfg.sql_timeout_ms);
  deps.settings.timeouts.execute = std::chrono::milliseconds(cfg.execute_timeout_ms);
  deps.settings.timeouts.visualize = std::chrono::milliseconds(cfg.visualize_timeout_ms);
  deps.settings.max_queued_turns = cfg.max_queued_turns;
  deps.settings.max_deliveries = static_cast<uint64_t>(cfg.turn_max_deliveries);
  deps.settings.idle_evict = std::chrono::seconds(cfg.conversation_idle_evict_s);
  deps.settings.prune_above_tables = cfg.prune_above_tables;
  // Every attempt of a model call may run to its timeout, with a wait of at
  // most a minute (the longest Retry-After honoured) between attempts: the
  // slowest model a conversation may choose sets the bound.
  int64_t slowest_call = 0;
  for (auto& offer : offered)
    slowest_call = std::max(slowest_call, int64_t(offer.max_retries + 1) * offer.timeout_ms
                                            + int64_t(offer.max_retries) * 60000);
  deps.settings.timeouts.sql += std::chrono::milliseconds(slowest_call);
  deps.settings.shared_store = cfg.store == "postgres";
  deps.grants = cfg.grants;
  manager_settings mgr_settings;
  mgr_settings.max_payload_bytes = cfg.max_payload_bytes;
  mgr_settings.conversation_ttl = std::chrono::hours(cfg.conversation_ttl_h);
  mgr_settings.worker_name = worker_name;
  mgr_settings.stats = stats;
  mgr_settings.turns_per_minute = cfg.turns_per_minute;
  mgr_settings.concurrent_turns_per_user = cfg.concurrent_turns_per_user;
  mgr_settings.llm_offered = offered;
  auto mgr = sys.spawn(manager, deps, mgr_settings, cfg.data_sources);

  // Take no questions before every data source's model is in the catalog
  // (or has failed): discovery must see all sources from the first turn.
  {
    caf::scoped_actor waiter{sys};
    for (auto& src : cfg.data_sources)
      waiter->request(deps.context, deps.settings.timeouts.context, model_atom_v, src.name)
        .receive([](const model_reply&) {},
                 [&](const caf::error& err) {
                   log::warn("medhad", src.name + ": not introspected: " + caf::to_string(err));
                 });
  }
  // Turns come from the stream when there is one, else from the queue group.
  // medha.admin.> is the operators' (only the service user may publish there).
  std::vector<std::string> subjects{"medha.api.*.>", "medha.admin.>"};
  if (!turns)
    subjects.push_back("medha.turn.*.*");
  for (auto& subject : subjects)
    if (auto err = nats->subscribe(subject, cfg.queue_group, mgr)) {
      log::error("medhad", err->message);
      return 1;
    }
  if (turns)
    turns->start(mgr);
  log::info("medhad", "worker " + worker_name + " ready: " + std::to_string(cfg.data_sources.size())
                        + " data sources, queue group " + cfg.queue_group + ", turns "
                        + (turns ? "from the JetStream stream" : "over plain NATS") + ", NATS "
                        + cfg.nats_url);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  while (!stop_requested)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  log::info("medhad", "stopping: finishing the turns in flight");
  // Whatever blocks below (a query past its statement timeout, a store that
  // hangs), the process ends a few seconds after the drain bound.
  auto drain = std::chrono::milliseconds(cfg.drain_timeout_ms);
  watchdog.emplace(drain + std::chrono::seconds(5));
  if (turns)
    turns->stop_taking(); // those it holds are still reported in progress
  nats->unsubscribe_all(); // no new turns; events and replies still go out
  {
    caf::scoped_actor waiter{sys};
    waiter->request(mgr, drain, drain_atom_v)
      .receive([](bool) { log::info("medhad", "every turn in flight finished"); },
               [](const caf::error& err) {
                 log::warn("medhad", "turns still in flight at the drain bound: "
                                       + caf::to_string(err));
               });
  }
  if (turns)
    turns->close(); // what did not finish goes to another worker at once
  nats->close();
  caf::anon_send_exit(mgr, caf::exit_reason::user_shutdown);
  for (auto& h : std::vector<caf::actor>{caf::actor_cast<caf::actor>(deps.store),
                                         caf::actor_cast<caf::actor>(deps.context),
                                         caf::actor_cast<caf::actor>(deps.discovery),
                                         caf::actor_cast<caf::actor>(deps.sqlgen),
                                         caf::actor_cast<caf::actor>(deps.executor),
                                         caf::actor_cast<caf::actor>(deps.visualization),
                                         deps.sentences})
    if (h)
      caf::anon_send_exit(h, caf::exit_reason::user_shutdown);
  deps = conversation_deps{};
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (auto& a : args)
    if (a == "--help" || a == "-h") {
      std::printf("usage: medhad [--config FILE] [flags]\n\nflags:\n%s",
                  medha::config_flags_help().c_str());
      return 0;
    }
  auto loaded = medha::load_config(args, environ);
  if (auto* err = std::get_if<medha::medha_error>(&loaded)) {
    std::fprintf(stderr, "medhad: %s\n", err->message.c_str());
    return 2;
  }
  return run(std::get<medha::config>(loaded));
}
