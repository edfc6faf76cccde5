#include "runtime/config.hpp"

#include "runtime/llm_config.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

namespace medha {

namespace {

namespace json = boost::json;

// Every scalar setting is one row: the JSON key, its environment variable, its
// flag and the member it sets. One table keeps the three sources in step.
using member = std::variant<std::string config::*, int config::*, size_t config::*>;

struct option {
  const char* key;
  const char* env;
  const char* flag; // also accepted: --<key with dashes>
  member field;
  const char* help;
};

const option options[] = {
  {"nats_url", "MEDHA_NATS_URL", "--nats", &config::nats_url, "NATS server URL"},
  {"nats_user", "MEDHA_NATS_USER", "--nats-user", &config::nats_user,
   "NATS user the worker connects as (the service user)"},
  {"nats_password", "MEDHA_NATS_PASSWORD", "--nats-password", &config::nats_password,
   "password of nats_user"},
  {"nats_credentials", "MEDHA_NATS_CREDENTIALS", "--nats-credentials",
   &config::nats_credentials, "NATS .creds file (JWT + nkey seed) instead of user/password"},
  {"store_path", "MEDHA_STORE_PATH", "--store", &config::store_path,
   "RocksDB conversation store directory"},
  // Not "--store": that flag has always meant the RocksDB directory.
  {"store", "MEDHA_STORE", "--store-kind", &config::store,
   "conversation store: rocksdb (one worker) or postgres (shared by workers)"},
  {"store_conninfo", "MEDHA_STORE_CONNINFO", "--store-conninfo", &config::store_conninfo,
   "PostgreSQL conninfo of the conversation store (store = postgres)"},
  {"queue_group", "MEDHA_QUEUE_GROUP", "--queue-group", &config::queue_group,
   "NATS queue group shared by workers"},
  {"turn_delivery", "MEDHA_TURN_DELIVERY", "--turn-delivery", &config::turn_delivery,
   "auto|jetstream|core: turns from a durable JetStream stream or plain NATS"},
  {"turn_ack_wait_ms", "MEDHA_TURN_ACK_WAIT_MS", "--turn-ack-wait-ms", &config::turn_ack_wait_ms,
   "a turn whose worker stopped reporting progress this long goes to another worker"},
  {"turn_max_deliveries", "MEDHA_TURN_MAX_DELIVERIES", "--turn-max-deliveries",
   &config::turn_max_deliveries,
   "a turn delivered this many times since it first ran (its worker died each time) ends in too_many_attempts"},
  {"turn_duplicate_window_ms", "MEDHA_TURN_DUPLICATE_WINDOW_MS", "--turn-duplicate-window-ms",
   &config::turn_duplicate_window_ms, "turns published again with the same Nats-Msg-Id within this window are dropped"},
  {"conversation_idle_evict_s", "MEDHA_CONVERSATION_IDLE_EVICT_S",
   "--conversation-idle-evict-s", &config::conversation_idle_evict_s,
   "seconds before an idle conversation actor leaves memory"},
  {"conversation_ttl_h", "MEDHA_CONVERSATION_TTL_H", "--conversation-ttl-h",
   &config::conversation_ttl_h, "hours before an idle conversation is deleted"},
  {"statement_timeout_ms", "MEDHA_STATEMENT_TIMEOUT_MS", "--statement-timeout-ms",
   &config::statement_timeout_ms, "PostgreSQL statement timeout"},
  {"row_cap", "MEDHA_ROW_CAP", "--row-cap", &config::row_cap, "rows kept per result"},
  {"result_byte_cap", "MEDHA_RESULT_BYTE_CAP", "--result-byte-cap", &config::result_byte_cap,
   "bytes of values kept per result"},
  {"max_payload_bytes", "MEDHA_MAX_PAYLOAD_BYTES", "--max-payload-bytes",
   &config::max_payload_bytes, "largest accepted turn/API payload"},
  {"executor_pool_size", "MEDHA_EXECUTOR_POOL_SIZE", "--executor-pool-size",
   &config::executor_pool_size, "executor actors (connections) per data source"},
  {"stage_timeout_ms", "MEDHA_STAGE_TIMEOUT_MS", "--stage-timeout-ms",
   &config::stage_timeout_ms, "timeout of store and API calls"},
  {"discovery_timeout_ms", "MEDHA_DISCOVERY_TIMEOUT_MS", "--discovery-timeout-ms",
   &config::discovery_timeout_ms, "timeout of the discovery stage"},
  {"context_timeout_ms", "MEDHA_CONTEXT_TIMEOUT_MS", "--context-timeout-ms",
   &config::context_timeout_ms, "timeout of the context stage (introspection included)"},
  {"sql_timeout_ms", "MEDHA_SQL_TIMEOUT_MS", "--sql-timeout-ms", &config::sql_timeout_ms,
   "timeout of the SQL generation stage"},
  {"execute_timeout_ms", "MEDHA_EXECUTE_TIMEOUT_MS", "--execute-timeout-ms",
   &config::execute_timeout_ms, "timeout of the execute stage"},
  {"visualize_timeout_ms", "MEDHA_VISUALIZE_TIMEOUT_MS", "--visualize-timeout-ms",
   &config::visualize_timeout_ms, "timeout of the visualize stage"},
  {"drain_timeout_ms", "MEDHA_DRAIN_TIMEOUT_MS", "--drain-timeout-ms",
   &config::drain_timeout_ms, "on SIGTERM, how long turns in flight may take to finish"},
  {"sqlgen_workers", "MEDHA_SQLGEN_WORKERS", "--sqlgen-workers", &config::sqlgen_workers,
   "parallel SQL generators (0: one per core)"},
  {"scheduler_threads", "MEDHA_SCHEDULER_THREADS", "--scheduler-threads",
   &config::scheduler_threads, "threads running the actors (0: one per core)"},
  {"scheduler_steal_ms", "MEDHA_SCHEDULER_STEAL_MS", "--scheduler-steal-ms",
   &config::scheduler_steal_ms,
   "how often an idle scheduler thread looks for another thread's waiting actors"},
  {"max_queued_turns", "MEDHA_MAX_QUEUED_TURNS", "--max-queued-turns",
   &config::max_queued_turns, "turns waiting per conversation before busy"},
  {"refresh_interval_s", "MEDHA_REFRESH_INTERVAL_S", "--refresh-interval-s",
   &config::refresh_interval_s, "seconds between re-introspections of every data source"},
  {"cache_sql_ttl_s", "MEDHA_CACHE_SQL_TTL_S", "--cache-sql-ttl-s", &config::cache_sql_ttl_s,
   "seconds a model's SQL stays in the shared JetStream cache (0: no cache)"},
  {"cache_results_ttl_s", "MEDHA_CACHE_RESULTS_TTL_S", "--cache-results-ttl-s",
   &config::cache_results_ttl_s, "seconds a query's rows stay in the shared JetStream cache (0: no cache)"},
  {"cache_sources_ttl_s", "MEDHA_CACHE_SOURCES_TTL_S", "--cache-sources-ttl-s",
   &config::cache_sources_ttl_s, "seconds a question's data source selection stays in the shared JetStream cache (0: no cache)"},
  {"cache_metadata_ttl_s", "MEDHA_CACHE_METADATA_TTL_S", "--cache-metadata-ttl-s",
   &config::cache_metadata_ttl_s, "seconds an introspected model stays in the shared JetStream cache (0: no cache)"},
  {"prune_above_tables", "MEDHA_PRUNE_ABOVE_TABLES", "--prune-above-tables",
   &config::prune_above_tables, "schemas with more tables are pruned to the question's tables"},
  {"turns_per_minute", "MEDHA_TURNS_PER_MINUTE", "--turns-per-minute",
   &config::turns_per_minute, "turns a user may start per minute (across workers on a PostgreSQL store)"},
  {"concurrent_turns_per_user", "MEDHA_CONCURRENT_TURNS_PER_USER",
   "--concurrent-turns-per-user", &config::concurrent_turns_per_user,
   "turns of one user in flight at once (across workers on a PostgreSQL store)"},
  {"log_level", "MEDHA_LOG_LEVEL", "--log-level", &config::log_level,
   "trace|debug|info|warning|error|off"},
  {"metrics_port", "MEDHA_METRICS_PORT", "--metrics-port", &config::metrics_port,
   "port of the Prometheus endpoint GET /metrics (0: off)"},
  {"metrics_address", "MEDHA_METRICS_ADDRESS", "--metrics-address", &config::metrics_address,
   "IPv4 address the metrics endpoint binds (default loopback)"},
};

constexpr const char* config_env = "MEDHA_CONFIG";
constexpr const char* config_flag = "--config";

medha_error bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

std::string dashed(const char* key) {
  std::string out = std::string("--") + key;
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

const option* find_flag(std::string_view flag) {
  for (auto& o : options)
    if (flag == o.flag || flag == dashed(o.key))
      return &o;
  return nullptr;
}

// Parses a whole string as an integer of type T; partial parses are errors so
// that "15s" or "1e3" do not quietly become 15 or 1.
template <class T>
std::optional<T> parse_integer(std::string_view text) {
  T value{};
  auto first = text.data();
  auto last = first + text.size();
  if (text.empty() || (std::is_unsigned_v<T> && text.front() == '-'))
    return std::nullopt;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || end != last)
    return std::nullopt;
  return value;
}

// Sets one option from text (environment or flag); `origin` names it in errors.
std::optional<medha_error> set_from_text(config& cfg, const option& o, std::string_view text,
                                         const std::string& origin) {
  return std::visit(
    [&](auto field) -> std::optional<medha_error> {
      using type = std::decay_t<decltype(cfg.*field)>;
      if constexpr (std::is_same_v<type, std::string>) {
        cfg.*field = std::string(text);
        return std::nullopt;
      } else {
        auto value = parse_integer<type>(text);
        if (!value)
          return bad(origin + ": '" + std::string(text) + "' is not a "
                     + (std::is_unsigned_v<type> ? "non-negative " : "") + "integer");
        cfg.*field = *value;
        return std::nullopt;
      }
    },
    o.field);
}

// Sets one option from a JSON value; types are strict (no "15000" for 15000).
std::optional<medha_error> set_from_json(config& cfg, const option& o, const json::value& v,
                                         const std::string& origin) {
  return std::visit(
    [&](auto field) -> std::optional<medha_error> {
      using type = std::decay_t<decltype(cfg.*field)>;
      if constexpr (std::is_same_v<type, std::string>) {
        if (!v.is_string())
          return bad(origin + ": '" + o.key + "' must be a string");
        cfg.*field = std::string(v.get_string());
        return std::nullopt;
      } else {
        // Boost.JSON keeps integers as int64 or uint64; a double is a type error.
        bool fits = false;
        if (v.is_int64()) {
          auto i = v.get_int64();
          fits = i >= static_cast<int64_t>(std::numeric_limits<type>::min())
                 && static_cast<uint64_t>(std::max<int64_t>(i, 0))
                      <= static_cast<uint64_t>(std::numeric_limits<type>::max());
          if (fits)
            cfg.*field = static_cast<type>(i);
        } else if (v.is_uint64()) {
          fits = v.get_uint64() <= static_cast<uint64_t>(std::numeric_limits<type>::max());
          if (fits)
            cfg.*field = static_cast<type>(v.get_uint64());
        }
        if (!fits)
          return bad(origin + ": '" + o.key + "' must be a "
                     + (std::is_unsigned_v<type> ? "non-negative " : "") + "integer");
        return std::nullopt;
      }
    },
    o.field);
}

std::optional<medha_error> parse_data_sources(config& cfg, const json::value& v,
                                              const std::string& origin) {
  if (!v.is_array())
    return bad(origin + ": 'data_sources' must be an array");
  cfg.data_sources.clear();
  size_t i = 0;
  for (auto& entry : v.get_array()) {
    auto where = origin + ": 'data_sources[" + std::to_string(i++) + "]";
    if (!entry.is_object())
      return bad(where + "' must be an object");
    data_source ds;
    bool has_name = false, has_conninfo = false;
    for (auto& kv : entry.get_object()) {
      std::string key(kv.key());
      if (key == "allow_llm_to_see_data") {
        if (!kv.value().is_bool())
          return bad(where + "." + key + "' must be true or false");
        ds.allow_llm_to_see_data = kv.value().get_bool();
        continue;
      }
      std::string* target = key == "name"          ? &ds.name
                            : key == "conninfo"    ? &ds.conninfo
                            : key == "description" ? &ds.description
                            : key == "model_file"  ? &ds.model_file
                                                   : nullptr;
      if (!target)
        return bad(where + "." + key + "' is not a data source key"
                   + " (name, conninfo, description, model_file, allow_llm_to_see_data)");
      if (!kv.value().is_string())
        return bad(where + "." + key + "' must be a string");
      *target = std::string(kv.value().get_string());
      has_name |= key == "name";
      has_conninfo |= key == "conninfo";
    }
    if (!has_name)
      return bad(where + ".name' is missing");
    if (!has_conninfo)
      return bad(where + ".conninfo' is missing");
    cfg.data_sources.push_back(std::move(ds));
  }
  return std::nullopt;
}

// {"name": ["a", "b"], ...}: the shape of both "grants" and "groups".
std::optional<medha_error> parse_name_lists(std::map<std::string, std::vector<std::string>>& out,
                                            const json::value& v, const std::string& where) {
  if (!v.is_object())
    return bad(where + " must be an object of string arrays");
  out.clear();
  for (auto& kv : v.get_object()) {
    if (!kv.value().is_array())
      return bad(where + "." + std::string(kv.key()) + " must be an array of strings");
    auto& names = out[std::string(kv.key())];
    for (auto& name : kv.value().get_array()) {
      if (!name.is_string())
        return bad(where + "." + std::string(kv.key()) + " must be an array of strings");
      names.emplace_back(name.get_string());
    }
  }
  return std::nullopt;
}

// Turns a parse failure offset into "line L, column C" so the file is easy to fix.
std::string position_of(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::variant<std::string, medha_error> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return bad("cannot read config file '" + path + "': " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return bad("cannot read config file '" + path + "'");
  return buffer.str();
}

bool is_token(std::string_view s) {
  if (s.empty() || s.size() > 64)
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || c == '_' || c == '-';
  });
}

// Splits "--flag=value" or "--flag value"; advances i past a consumed value.
std::optional<medha_error> split_flag(const std::vector<std::string>& args, size_t& i,
                                      std::string& flag, std::string& value) {
  const auto& arg = args[i];
  if (arg.size() < 3 || arg.compare(0, 2, "--") != 0)
    return bad("unexpected argument '" + arg + "' (settings are --flag value)");
  auto eq = arg.find('=');
  if (eq != std::string::npos) {
    flag = arg.substr(0, eq);
    value = arg.substr(eq + 1);
    return std::nullopt;
  }
  flag = arg;
  if (i + 1 >= args.size())
    return bad("flag '" + flag + "' needs a value");
  value = args[++i];
  return std::nullopt;
}

} // namespace

std::variant<config, medha_error> apply_config_json(config cfg, std::string_view text,
                                                    std::string_view origin_view) {
  std::string origin(origin_view);
  json::stream_parser parser;
  boost::system::error_code ec;
  auto consumed = parser.write(text.data(), text.size(), ec);
  if (!ec)
    parser.finish(ec);
  if (ec)
    return bad(origin + ": invalid JSON at " + position_of(text, consumed) + ": "
               + ec.message());
  auto doc = parser.release();
  if (!doc.is_object())
    return bad(origin + ": the configuration must be a JSON object");
  for (auto& kv : doc.get_object()) {
    std::string key(kv.key());
    if (key == "data_sources") {
      if (auto err = parse_data_sources(cfg, kv.value(), origin))
        return *err;
      continue;
    }
    if (key == "llm") {
      if (auto err = parse_llm_config(cfg.llm, cfg.llm_others, kv.value(), origin))
        return *err;
      continue;
    }
    if (key == "grants" || key == "groups") {
      auto& target = key == "grants" ? cfg.grants.grants : cfg.grants.groups;
      if (auto err = parse_name_lists(target, kv.value(), origin + ": '" + key + "'"))
        return *err;
      cfg.grants.configured |= key == "grants";
      continue;
    }
    auto o = std::find_if(std::begin(options), std::end(options),
                          [&](const option& o) { return key == o.key; });
    if (o == std::end(options))
      return bad(origin + ": unknown key '" + key + "'");
    if (auto err = set_from_json(cfg, *o, kv.value(), origin))
      return *err;
  }
  return cfg;
}

std::variant<config, medha_error> validate_config(config cfg) {
  auto positive = [](const char* key, auto v) -> std::optional<medha_error> {
    if (!(v > decltype(v){}))
      return bad(std::string("'") + key + "' must be positive, got " + std::to_string(v));
    return std::nullopt;
  };
  for (auto err : {positive("conversation_idle_evict_s", cfg.conversation_idle_evict_s),
                   positive("turns_per_minute", cfg.turns_per_minute),
                   positive("concurrent_turns_per_user", cfg.concurrent_turns_per_user),
                   positive("conversation_ttl_h", cfg.conversation_ttl_h),
                   positive("statement_timeout_ms", cfg.statement_timeout_ms),
                   positive("row_cap", cfg.row_cap),
                   positive("result_byte_cap", cfg.result_byte_cap),
                   positive("max_payload_bytes", cfg.max_payload_bytes),
                   positive("executor_pool_size", cfg.executor_pool_size),
                   positive("stage_timeout_ms", cfg.stage_timeout_ms),
                   positive("discovery_timeout_ms", cfg.discovery_timeout_ms),
                   positive("context_timeout_ms", cfg.context_timeout_ms),
                   positive("sql_timeout_ms", cfg.sql_timeout_ms),
                   positive("execute_timeout_ms", cfg.execute_timeout_ms),
                   positive("visualize_timeout_ms", cfg.visualize_timeout_ms),
                   positive("drain_timeout_ms", cfg.drain_timeout_ms),
                   positive("turn_ack_wait_ms", cfg.turn_ack_wait_ms),
                   positive("turn_max_deliveries", cfg.turn_max_deliveries),
                   positive("turn_duplicate_window_ms", cfg.turn_duplicate_window_ms)})
    if (err)
      return *err;
  if (cfg.scheduler_threads < 0)
    return bad("'scheduler_threads' must be 0 (one per core) or more, got "
               + std::to_string(cfg.scheduler_threads));
  if (cfg.scheduler_steal_ms < 1 || cfg.scheduler_steal_ms > 1000)
    return bad("'scheduler_steal_ms' must be from 1 to 1000, got "
               + std::to_string(cfg.scheduler_steal_ms));
  if (cfg.sqlgen_workers < 0)
    return bad("'sqlgen_workers' must be 0 (one per core) or more, got "
               + std::to_string(cfg.sqlgen_workers));
  for (auto [name, ttl] : {std::pair{"cache_sql_ttl_s", cfg.cache_sql_ttl_s},
                           std::pair{"cache_results_ttl_s", cfg.cache_results_ttl_s},
                           std::pair{"cache_sources_ttl_s", cfg.cache_sources_ttl_s},
                           std::pair{"cache_metadata_ttl_s", cfg.cache_metadata_ttl_s}})
    if (ttl < 0)
      return bad(std::string{"'"} + name + "' must be 0 (no cache) or more, got " + std::to_string(ttl));
  if (cfg.metrics_port < 0 || cfg.metrics_port > 65535)
    return bad("'metrics_port' must be 0 (off) to 65535, got " + std::to_string(cfg.metrics_port));
  // 0 queued turns is meaningful: one turn in flight, any other is busy.
  if (cfg.nats_url.empty())
    return bad("'nats_url' must not be empty");
  if (cfg.store != "rocksdb" && cfg.store != "postgres")
    return bad("'store' must be rocksdb or postgres, got '" + cfg.store + "'");
  if (cfg.store == "rocksdb" && cfg.store_path.empty())
    return bad("'store_path' must not be empty");
  if (cfg.store == "postgres" && cfg.store_conninfo.empty())
    return bad("'store_conninfo' must be set when 'store' is postgres");
  if (cfg.turn_delivery != "auto" && cfg.turn_delivery != "jetstream" && cfg.turn_delivery != "core")
    return bad("'turn_delivery' must be auto, jetstream or core, got '" + cfg.turn_delivery + "'");
  if (!is_token(cfg.queue_group))
    return bad("'queue_group' must match [A-Za-z0-9_-]{1,64}, got '" + cfg.queue_group + "'");
  static const char* levels[] = {"trace", "debug", "info", "warning", "error", "off"};
  if (std::find(std::begin(levels), std::end(levels), cfg.log_level) == std::end(levels))
    return bad("'log_level' must be trace, debug, info, warning, error or off, got '"
               + cfg.log_level + "'");
  if (auto err = validate_llm(cfg.llm, "llm"))
    return *err;
  for (size_t i = 0; i < cfg.llm_others.size(); ++i) {
    auto where = "llm[" + std::to_string(i + 1) + "]";
    if (!cfg.llm.enabled() || !cfg.llm_others[i].enabled())
      return bad("'" + where + "': every entry of an 'llm' array needs a provider");
    if (auto err = validate_llm(cfg.llm_others[i], where))
      return *err;
  }
  for (size_t i = 0; i < cfg.data_sources.size(); ++i) {
    auto& ds = cfg.data_sources[i];
    auto where = "'data_sources[" + std::to_string(i) + "]";
    // The name becomes a NATS subject token and a store key part.
    if (!is_token(ds.name))
      return bad(where + ".name' must match [A-Za-z0-9_-]{1,64}, got '" + ds.name + "'");
    if (ds.conninfo.empty())
      return bad(where + ".conninfo' must not be empty");
    for (size_t j = 0; j < i; ++j)
      if (cfg.data_sources[j].name == ds.name)
        return bad(where + ".name' repeats data source '" + ds.name + "'");
  }
  // A grant naming no registered source is a typo that would lock a user out.
  for (auto& [who, sources] : cfg.grants.grants)
    for (auto& name : sources)
      if (name != "*"
          && std::none_of(cfg.data_sources.begin(), cfg.data_sources.end(),
                          [&](const data_source& ds) { return ds.name == name; }))
        return bad("'grants." + who + "' names '" + name + "', which is not a data source");
  return cfg;
}

std::variant<config, medha_error> load_config(const std::vector<std::string>& args,
                                              const char* const* envp) {
  // Collect the environment once; only MEDHA_* names matter.
  std::vector<std::pair<std::string, std::string>> env;
  for (auto p = envp; p && *p; ++p) {
    std::string_view entry(*p);
    auto eq = entry.find('=');
    if (eq != std::string_view::npos && entry.compare(0, 6, "MEDHA_") == 0)
      env.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
  }
  // The file is named by --config, else MEDHA_CONFIG; find it before layering.
  std::string file;
  for (auto& [name, value] : env)
    if (name == config_env)
      file = value;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag, value;
    if (auto err = split_flag(args, i, flag, value))
      return *err;
    if (flag == config_flag)
      file = value;
  }

  config cfg;
  if (!file.empty()) {
    auto text = read_file(file);
    if (auto err = std::get_if<medha_error>(&text))
      return *err;
    auto applied = apply_config_json(std::move(cfg), std::get<std::string>(text), file);
    if (auto err = std::get_if<medha_error>(&applied))
      return *err;
    cfg = std::move(std::get<config>(applied));
    // Model files sit beside the config file: resolve them against its folder so
    // the worker finds them whatever its working directory.
    auto base = std::filesystem::path(file).parent_path();
    for (auto& ds : cfg.data_sources)
      if (!ds.model_file.empty() && std::filesystem::path(ds.model_file).is_relative())
        ds.model_file = (base / ds.model_file).lexically_normal().string();
  }

  for (auto& [name, value] : env) {
    // Structured bindings cannot be captured in C++17 (clang refuses): name it.
    const std::string& variable = name;
    auto o = std::find_if(std::begin(options), std::end(options),
                          [&](const option& o) { return variable == o.env; });
    if (set_llm_option(cfg.llm, variable, value))
      continue;
    // Other MEDHA_* variables belong to scripts and tests: not an error.
    if (o == std::end(options))
      continue;
    if (auto err = set_from_text(cfg, *o, value, name))
      return *err;
  }

  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag, value;
    if (auto err = split_flag(args, i, flag, value))
      return *err;
    if (flag == config_flag)
      continue;
    if (set_llm_option(cfg.llm, flag, value))
      continue;
    auto o = find_flag(flag);
    if (!o)
      return bad("unknown flag '" + flag + "'");
    if (auto err = set_from_text(cfg, *o, value, flag))
      return *err;
  }
  return validate_config(std::move(cfg));
}

std::string config_flags_help() {
  std::string out = "  --config FILE  JSON configuration file (env MEDHA_CONFIG)\n";
  for (auto& o : options) {
    out += "  ";
    out += o.flag;
    out += " VALUE  ";
    out += o.help;
    out += " (env ";
    out += o.env;
    out += ")\n";
  }
  return out + llm_flags_help();
}

bool uses_turn_stream(const config& cfg) {
  return cfg.turn_delivery == "jetstream" || (cfg.turn_delivery == "auto" && cfg.store == "postgres");
}

} // namespace medha
