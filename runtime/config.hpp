#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "messages/data_source.hpp"
#include "messages/data_source_grants.hpp"
#include "messages/error.hpp"
#include "messages/llm_settings.hpp"

namespace medha {

/// Settings of a worker (medhad) or a client (medha). Every key is documented,
/// with its environment variable and flag, in config/README.md.
struct config {
  std::string nats_url = "nats://127.0.0.1:4222";
  // The worker's service identity on NATS: user and password, or a .creds file.
  std::string nats_user;
  std::string nats_password;
  std::string nats_credentials;
  std::string store = "rocksdb";            // conversation store: rocksdb | postgres
  std::string store_path = "./medha-store"; // RocksDB directory (store = rocksdb)
  std::string store_conninfo;               // PostgreSQL conninfo (store = postgres)
  std::vector<data_source> data_sources;
  data_source_grants grants; // keys "grants" and "groups"; absent: everyone, every source
  int turns_per_minute = 30;        // per user and worker; more get rate_limited
  int concurrent_turns_per_user = 4; // per user and worker, across conversations
  std::string queue_group = "medha-workers";
  // How turns reach workers: jetstream (a durable stream, in order per
  // conversation), core (plain NATS queue group) or auto (jetstream when
  // the store is shared, i.e. postgres).
  std::string turn_delivery = "auto";
  int turn_ack_wait_ms = 30000;          // a dead worker's turn goes to another after this
  int turn_max_deliveries = 5;           // then a turn that kills its workers ends in an error
  int turn_duplicate_window_ms = 120000; // one stored turn per Nats-Msg-Id within this window
  int conversation_idle_evict_s = 300; // evict idle conversation actors from memory
  int conversation_ttl_h = 24;         // delete conversations idle this long
  int statement_timeout_ms = 15000;
  size_t row_cap = 1000;            // rows kept per result
  size_t result_byte_cap = 8u << 20; // bytes of values kept per result (8 MiB)
  size_t max_payload_bytes = 65536; // larger turn/API payloads get payload_too_large
  int executor_pool_size = 4;       // detached executor actors per data source
  int stage_timeout_ms = 30000;     // the store and API calls; the pipeline's own below
  int discovery_timeout_ms = 30000; // ranking data sources and tables
  int context_timeout_ms = 120000;  // the semantic model, introspection on first use included
  int sql_timeout_ms = 30000;       // SQL generation
  int execute_timeout_ms = 30000;   // the query (statement_timeout_ms bounds it on the server)
  int visualize_timeout_ms = 30000; // the chart
  int drain_timeout_ms = 10000;     // SIGTERM: turns in flight get this long to finish
  int sqlgen_workers = 0;           // parallel SQL generators; 0 = one per core
  int scheduler_threads = 0;        // threads running the actors; 0 = one per core
  int scheduler_steal_ms = 10;      // an idle scheduler thread looks for others' work this often
  size_t max_queued_turns = 8; // per conversation, beyond that: busy
  int refresh_interval_s = 600;  // re-introspect every data source this often
  int cache_sql_ttl_s = 21600;   // a model's SQL stays in the shared cache this long; 0 = off
  int cache_results_ttl_s = 3600; // a query's rows stay in the shared cache this long; 0 = off
  int cache_sources_ttl_s = 86400;  // a question's data source selection, likewise
  int cache_metadata_ttl_s = 43200; // an introspected model, likewise
  size_t prune_above_tables = 30; // larger schemas reach sqlgen pruned to the question
  std::string log_level = "info"; // trace | debug | info | warning | error | off
  int metrics_port = 0;                       // Prometheus GET /metrics; 0 = off
  std::string metrics_address = "127.0.0.1";  // where that listener binds
  llm_settings llm; // a language model for what the embedded engine abstains on; off by default
  std::vector<llm_settings> llm_others; // more providers a conversation may choose ('llm' as an array)
};

/// Loads the configuration. Later layers override earlier ones, key by key:
///
///   1. the defaults above
///   2. the JSON file named by `--config FILE` in `args`, else by MEDHA_CONFIG
///      in the environment (no file when neither is set)
///   3. environment variables MEDHA_<KEY> (MEDHA_NATS_URL, MEDHA_STORE_PATH, ...)
///   4. flags in `args` (--nats URL, --store DIR, --log-level L, ...; both
///      `--flag value` and `--flag=value`)
///
/// `args` holds only flags (no argv[0], no subcommand): an unknown flag or a
/// positional argument is an error, so a typo never passes silently. `envp` is
/// a null-terminated `NAME=value` array (pass `environ` from main); nullptr
/// means "ignore the environment", which keeps tests deterministic.
/// Unknown JSON keys, wrong types and out-of-range values are `bad_request`
/// errors naming the key (`data_sources[1].name`, `MEDHA_ROW_CAP`, `--row-cap`).
std::variant<config, medha_error> load_config(const std::vector<std::string>& args,
                                              const char* const* envp);

/// Applies a JSON document (an object with config keys) on top of `cfg`.
/// `origin` names the source in error messages (a file path, "inline").
std::variant<config, medha_error> apply_config_json(config cfg, std::string_view json,
                                                    std::string_view origin);

/// Checks cross-field rules: positive bounds, valid log level, data source
/// names `[A-Za-z0-9_-]{1,64}`, unique, with a conninfo.
std::variant<config, medha_error> validate_config(config cfg);

/// One line per flag, for `--help` output.
std::string config_flags_help();

/// True when turns come from the JetStream stream (turn_delivery, auto resolved).
bool uses_turn_stream(const config& cfg);

} // namespace medha
