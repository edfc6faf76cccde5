#include "runtime/config.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace {

using namespace medha;
namespace fs = std::filesystem;

// A config file in its own temp folder, removed with the fixture.
class config_test : public ::testing::Test {
protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path()
           / ("medha-config-test-" + std::to_string(::getpid()) + "-"
              + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    auto path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

config ok(std::variant<config, medha_error> r) {
  if (auto err = std::get_if<medha_error>(&r))
    ADD_FAILURE() << "unexpected error: " << err->message;
  return std::holds_alternative<config>(r) ? std::get<config>(r) : config{};
}

medha_error failed(std::variant<config, medha_error> r) {
  EXPECT_TRUE(std::holds_alternative<medha_error>(r)) << "expected an error";
  return std::holds_alternative<medha_error>(r) ? std::get<medha_error>(r) : medha_error{};
}

TEST_F(config_test, defaults_without_file_env_or_flags) {
  auto cfg = ok(load_config({}, nullptr));
  EXPECT_EQ(cfg.nats_url, "nats://127.0.0.1:4222");
  EXPECT_EQ(cfg.store_path, "./medha-store");
  EXPECT_EQ(cfg.queue_group, "medha-workers");
  EXPECT_EQ(cfg.row_cap, 1000u);
  EXPECT_EQ(cfg.result_byte_cap, size_t{8} << 20);
  EXPECT_EQ(cfg.max_payload_bytes, 65536u);
  EXPECT_EQ(cfg.log_level, "info");
  EXPECT_TRUE(cfg.data_sources.empty());
}

TEST_F(config_test, precedence_is_defaults_file_env_flags) {
  auto file = write("c.json", R"({"nats_url":"nats://file:1","store_path":"/file",
                                  "log_level":"debug","row_cap":10})");
  const char* env[] = {"MEDHA_STORE_PATH=/env", "MEDHA_LOG_LEVEL=warning", nullptr};
  auto cfg = ok(load_config({"--config", file, "--log-level", "error"}, env));
  EXPECT_EQ(cfg.nats_url, "nats://file:1"); // file only
  EXPECT_EQ(cfg.row_cap, 10u);              // file only
  EXPECT_EQ(cfg.store_path, "/env");        // env beats file
  EXPECT_EQ(cfg.log_level, "error");        // flag beats env
  EXPECT_EQ(cfg.statement_timeout_ms, 15000); // default
}

TEST_F(config_test, flags_take_both_forms_and_key_names) {
  auto cfg = ok(load_config({"--nats=nats://a:5", "--store", "/s", "--row-cap=7",
                             "--statement-timeout-ms", "99", "--queue-group", "g1"},
                            nullptr));
  EXPECT_EQ(cfg.nats_url, "nats://a:5");
  EXPECT_EQ(cfg.store_path, "/s");
  EXPECT_EQ(cfg.row_cap, 7u);
  EXPECT_EQ(cfg.statement_timeout_ms, 99);
  EXPECT_EQ(cfg.queue_group, "g1");
  // The dashed key name works too: --nats-url as well as --nats.
  EXPECT_EQ(ok(load_config({"--nats-url", "nats://b:6"}, nullptr)).nats_url, "nats://b:6");
}

TEST_F(config_test, medha_config_env_names_the_file_and_flag_wins) {
  auto a = write("a.json", R"({"queue_group":"from-a"})");
  auto b = write("b.json", R"({"queue_group":"from-b"})");
  std::string var = "MEDHA_CONFIG=" + a;
  const char* env[] = {var.c_str(), nullptr};
  EXPECT_EQ(ok(load_config({}, env)).queue_group, "from-a");
  EXPECT_EQ(ok(load_config({"--config=" + b}, env)).queue_group, "from-b");
}

TEST_F(config_test, environment_integers_are_strict) {
  const char* env[] = {"MEDHA_ROW_CAP=12", "MEDHA_STATEMENT_TIMEOUT_MS=500",
                       "MEDHA_SOURCE_DIR=/ignored", "PATH=/bin", nullptr};
  auto cfg = ok(load_config({}, env));
  EXPECT_EQ(cfg.row_cap, 12u);
  EXPECT_EQ(cfg.statement_timeout_ms, 500);
  const char* bad[] = {"MEDHA_STATEMENT_TIMEOUT_MS=15s", nullptr};
  auto err = failed(load_config({}, bad));
  EXPECT_EQ(err.code, error_code::bad_request);
  EXPECT_NE(err.message.find("MEDHA_STATEMENT_TIMEOUT_MS"), std::string::npos);
  const char* negative[] = {"MEDHA_ROW_CAP=-1", nullptr};
  EXPECT_NE(failed(load_config({}, negative)).message.find("MEDHA_ROW_CAP"),
            std::string::npos);
}

TEST_F(config_test, cache_ttls_per_kind_from_file_env_and_flags) {
  auto defaults = ok(load_config({}, nullptr));
  EXPECT_EQ(defaults.cache_sources_ttl_s, 86400);  // a day
  EXPECT_EQ(defaults.cache_metadata_ttl_s, 43200); // 12 h
  auto file = write("c.json", R"({"cache_sources_ttl_s":60,"cache_metadata_ttl_s":0})");
  const char* env[] = {"MEDHA_CACHE_SOURCES_TTL_S=120", nullptr};
  auto cfg = ok(load_config({"--config", file}, env));
  EXPECT_EQ(cfg.cache_sources_ttl_s, 120);
  EXPECT_EQ(cfg.cache_metadata_ttl_s, 0); // 0: off
  cfg = ok(load_config({"--config", file, "--cache-metadata-ttl-s", "30"}, env));
  EXPECT_EQ(cfg.cache_metadata_ttl_s, 30);
  auto err = failed(load_config({"--cache-sources-ttl-s", "-5"}, nullptr));
  EXPECT_EQ(err.code, error_code::bad_request);
  EXPECT_NE(err.message.find("cache_sources_ttl_s"), std::string::npos) << err.message;
}

TEST_F(config_test, unknown_json_key_is_named) {
  auto err = failed(apply_config_json({}, R"({"nats_url":"x","row_capp":5})", "f.json"));
  EXPECT_EQ(err.code, error_code::bad_request);
  EXPECT_NE(err.message.find("row_capp"), std::string::npos);
  EXPECT_NE(err.message.find("f.json"), std::string::npos);
}

TEST_F(config_test, wrong_json_types_are_named) {
  for (auto text : {R"({"row_cap":"1000"})", R"({"row_cap":-1})", R"({"row_cap":1.5})",
                    R"({"nats_url":4222})", R"({"statement_timeout_ms":99999999999})"}) {
    auto err = failed(apply_config_json({}, text, "inline"));
    EXPECT_EQ(err.code, error_code::bad_request) << text;
    EXPECT_TRUE(err.message.find("row_cap") != std::string::npos
                || err.message.find("nats_url") != std::string::npos
                || err.message.find("statement_timeout_ms") != std::string::npos)
      << err.message;
  }
}

TEST_F(config_test, invalid_json_reports_position) {
  auto err = failed(apply_config_json({}, "{\n  \"row_cap\": 5,\n  oops\n}", "f.json"));
  EXPECT_NE(err.message.find("line 3"), std::string::npos) << err.message;
  EXPECT_NE(failed(apply_config_json({}, "[1,2]", "f.json")).message.find("object"),
            std::string::npos);
}

TEST_F(config_test, llm_is_off_by_default_and_parses_strictly) {
  config defaults;
  EXPECT_FALSE(defaults.llm.enabled());
  auto cfg = ok(apply_config_json({}, R"({"llm":{"provider":"anthropic","base_url":"http://127.0.0.1:9/v1",
      "model":"claude-x","api_key_env":"MY_KEY","timeout_ms":5000,"max_retries":1,"max_tokens":256,
      "prompt_token_budget":3000,"stream":false},
      "data_sources":[{"name":"a","conninfo":"x","allow_llm_to_see_data":true},{"name":"b","conninfo":"y"}]})", "f"));
  EXPECT_TRUE(cfg.llm.enabled());
  EXPECT_EQ(cfg.llm.provider, "anthropic");
  EXPECT_EQ(cfg.llm.api_key_env, "MY_KEY");
  EXPECT_EQ(cfg.llm.timeout_ms, 5000);
  EXPECT_EQ(cfg.llm.max_retries, 1);
  EXPECT_EQ(cfg.llm.max_tokens, 256);
  EXPECT_EQ(cfg.llm.prompt_token_budget, 3000u);
  EXPECT_FALSE(cfg.llm.stream);
  EXPECT_TRUE(cfg.data_sources[0].allow_llm_to_see_data);
  EXPECT_FALSE(cfg.data_sources[1].allow_llm_to_see_data);
  ok(validate_config(cfg));
  EXPECT_NE(failed(apply_config_json({}, R"({"llm":{"url":"x"}})", "f")).message.find("llm.url"),
            std::string::npos);
  EXPECT_NE(failed(apply_config_json({}, R"({"llm":{"max_retries":"2"}})", "f")).message.find("llm.max_retries"),
            std::string::npos);
  EXPECT_NE(failed(apply_config_json({}, R"({"data_sources":[{"name":"a","conninfo":"x","allow_llm_to_see_data":"yes"}]})", "f"))
              .message.find("allow_llm_to_see_data"), std::string::npos);
  auto bad_provider = ok(apply_config_json({}, R"({"llm":{"provider":"bard","model":"m","base_url":"u"}})", "f"));
  EXPECT_NE(failed(validate_config(bad_provider)).message.find("llm.provider"), std::string::npos);
  auto no_model = ok(apply_config_json({}, R"({"llm":{"provider":"openai","base_url":"u"}})", "f"));
  EXPECT_NE(failed(validate_config(no_model)).message.find("llm.model"), std::string::npos);
}

TEST_F(config_test, llm_offers_several_providers_with_prices) {
  auto cfg = ok(validate_config(ok(apply_config_json({}, R"({"llm":[
      {"provider":"openai","base_url":"http://127.0.0.1:9/v1","model":"a","models":["b"],
       "price_in_per_1k":0.15,"price_out_per_1k":0.6},
      {"provider":"anthropic","model":"c","api_key_env":"K"}]})", "f"))));
  EXPECT_EQ(cfg.llm.model, "a");
  EXPECT_DOUBLE_EQ(cfg.llm.price_out_per_1k, 0.6);
  ASSERT_EQ(cfg.llm_others.size(), 1u);
  auto offered = offered_models(cfg.llm, cfg.llm_others);
  ASSERT_EQ(offered.size(), 3u);
  EXPECT_EQ(offered[1].model, "b");
  EXPECT_EQ(offered[2].provider, "anthropic");
  EXPECT_EQ(find_offered(offered, "", "")->model, "a");
  EXPECT_EQ(find_offered(offered, "anthropic", "")->model, "c");
  EXPECT_EQ(find_offered(offered, "openai", "c"), nullptr);
  EXPECT_NE(failed(apply_config_json({}, R"({"llm":{"price_in_per_1k":-1}})", "f")).message.find("price_in_per_1k"),
            std::string::npos);
  auto second_bad = ok(apply_config_json({}, R"({"llm":[{"provider":"openai","base_url":"u","model":"a"},{"model":"x"}]})", "f"));
  EXPECT_NE(failed(validate_config(second_bad)).message.find("llm[1]"), std::string::npos);
}

TEST_F(config_test, llm_settings_come_from_the_environment_and_flags) {
  const char* env[] = {"MEDHA_LLM_PROVIDER=openai", "MEDHA_LLM_URL=http://127.0.0.1:9/v1",
                       "MEDHA_LLM_MODEL=from-env", nullptr};
  auto cfg = ok(load_config({"--llm-model", "from-flag", "--llm-api-key-env=KEY"}, env));
  EXPECT_EQ(cfg.llm.provider, "openai");
  EXPECT_EQ(cfg.llm.base_url, "http://127.0.0.1:9/v1");
  EXPECT_EQ(cfg.llm.model, "from-flag");
  EXPECT_EQ(cfg.llm.api_key_env, "KEY");
  EXPECT_NE(failed(load_config({"--llm-provider", "bard", "--llm-model", "m"}, nullptr)).message.find("llm.provider"),
            std::string::npos);
}

TEST_F(config_test, data_sources_parse_and_validate) {
  auto cfg = ok(apply_config_json({}, R"({"data_sources":[
      {"name":"sales","conninfo":"dbname=sales","description":"Orders"},
      {"name":"hr-2","conninfo":"dbname=hr","model_file":"/m/hr.json"}]})", "f"));
  ASSERT_EQ(cfg.data_sources.size(), 2u);
  EXPECT_EQ(cfg.data_sources[0].name, "sales");
  EXPECT_EQ(cfg.data_sources[0].description, "Orders");
  EXPECT_EQ(cfg.data_sources[1].model_file, "/m/hr.json");
  ok(validate_config(cfg));

  auto unknown = failed(apply_config_json(
    {}, R"({"data_sources":[{"name":"a","conninfo":"x","dsn":"y"}]})", "f"));
  EXPECT_NE(unknown.message.find("data_sources[0].dsn"), std::string::npos) << unknown.message;
  auto missing = failed(apply_config_json({}, R"({"data_sources":[{"name":"a"}]})", "f"));
  EXPECT_NE(missing.message.find("data_sources[0].conninfo"), std::string::npos);
  auto type = failed(apply_config_json({}, R"({"data_sources":{"name":"a"}})", "f"));
  EXPECT_NE(type.message.find("data_sources"), std::string::npos);

  std::string too_long(65, 'a');
  for (auto name : {"sales.eu", "", "a b", "x>", too_long.c_str()}) {
    config c;
    c.data_sources.push_back({name, "dbname=x", "", ""});
    auto err = failed(validate_config(c));
    EXPECT_NE(err.message.find("data_sources[0].name"), std::string::npos) << name;
  }
  config twice;
  twice.data_sources = {{"a", "x", "", ""}, {"a", "y", "", ""}};
  EXPECT_NE(failed(validate_config(twice)).message.find("repeats"), std::string::npos);
}

TEST_F(config_test, relative_model_file_resolves_beside_config_file) {
  auto file = write("c.json", R"({"data_sources":[
      {"name":"a","conninfo":"x","model_file":"models/a.json"},
      {"name":"b","conninfo":"y","model_file":"/abs/b.json"}]})");
  auto cfg = ok(load_config({"--config", file}, nullptr));
  EXPECT_EQ(cfg.data_sources[0].model_file, (dir_ / "models/a.json").string());
  EXPECT_EQ(cfg.data_sources[1].model_file, "/abs/b.json");
}

TEST_F(config_test, bad_flags_are_errors) {
  EXPECT_NE(failed(load_config({"--nats-ur", "x"}, nullptr)).message.find("--nats-ur"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"--store"}, nullptr)).message.find("needs a value"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"chat"}, nullptr)).message.find("chat"), std::string::npos);
  EXPECT_NE(failed(load_config({"--row-cap", "many"}, nullptr)).message.find("--row-cap"),
            std::string::npos);
}

TEST_F(config_test, missing_file_is_an_error) {
  auto err = failed(load_config({"--config", (dir_ / "nope.json").string()}, nullptr));
  EXPECT_EQ(err.code, error_code::bad_request);
  EXPECT_NE(err.message.find("nope.json"), std::string::npos);
}

TEST_F(config_test, bounds_and_log_level_are_checked) {
  EXPECT_NE(failed(load_config({"--row-cap", "0"}, nullptr)).message.find("row_cap"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"--executor-pool-size=-2"}, nullptr))
              .message.find("executor_pool_size"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"--log-level", "loud"}, nullptr)).message.find("log_level"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"--queue-group", "a.b"}, nullptr)).message.find("queue_group"),
            std::string::npos);
  EXPECT_NE(failed(load_config({"--metrics-port", "70000"}, nullptr)).message.find("metrics_port"),
            std::string::npos);
  EXPECT_EQ(ok(load_config({}, nullptr)).metrics_port, 0); // off unless asked for
  const char* metrics_env[] = {"MEDHA_METRICS_PORT=9464", nullptr};
  EXPECT_EQ(ok(load_config({}, metrics_env)).metrics_port, 9464);
  EXPECT_NE(failed(load_config({"--scheduler-steal-ms", "0"}, nullptr))
              .message.find("scheduler_steal_ms"),
            std::string::npos);
  EXPECT_EQ(ok(load_config({}, nullptr)).scheduler_steal_ms, 10);
  // Zero queued turns is allowed: only the turn in flight, others get busy.
  EXPECT_EQ(ok(load_config({"--max-queued-turns", "0"}, nullptr)).max_queued_turns, 0u);
}

TEST_F(config_test, store_is_rocksdb_unless_postgres_with_a_conninfo) {
  EXPECT_EQ(ok(load_config({}, nullptr)).store, "rocksdb");
  auto file = write("pg.json", R"({"store":"postgres","store_conninfo":"host=db dbname=medha"})");
  auto cfg = ok(load_config({"--config", file}, nullptr));
  EXPECT_EQ(cfg.store, "postgres");
  EXPECT_EQ(cfg.store_conninfo, "host=db dbname=medha");
  // --store keeps meaning the RocksDB directory; the kind has its own flag.
  auto flags = ok(load_config({"--store", "/data", "--store-kind", "rocksdb"}, nullptr));
  EXPECT_EQ(flags.store_path, "/data");
  EXPECT_EQ(flags.store, "rocksdb");
  const char* env[] = {"MEDHA_STORE=postgres", nullptr};
  EXPECT_NE(failed(load_config({}, env)).message.find("store_conninfo"), std::string::npos);
  EXPECT_NE(failed(load_config({"--store-kind", "sqlite"}, nullptr)).message.find("'store'"),
            std::string::npos);
}

TEST_F(config_test, help_lists_every_flag_and_variable) {
  auto help = config_flags_help();
  for (auto word : {"--config", "MEDHA_CONFIG", "--nats", "MEDHA_NATS_URL", "--store",
                    "MEDHA_STORE_PATH", "--log-level", "MEDHA_ROW_CAP", "--max-queued-turns"})
    EXPECT_NE(help.find(word), std::string::npos) << word;
}

TEST_F(config_test, shipped_example_loads) {
  // The example documents every key, so it must stay loadable.
  auto example = fs::path(__FILE__).parent_path().parent_path().parent_path() / "config"
                 / "medhad.example.json";
  auto cfg = ok(load_config({"--config", example.string()}, nullptr));
  ASSERT_FALSE(cfg.data_sources.empty());
  // Its relative model_file resolves beside it, to a file that exists.
  for (auto& ds : cfg.data_sources) {
    if (!ds.model_file.empty()) {
      EXPECT_TRUE(fs::exists(ds.model_file)) << ds.model_file;
    }
  }
}

TEST(config, grants_name_registered_sources_and_default_to_everyone) {
  auto none = ok(validate_config(ok(apply_config_json({}, R"({"data_sources":[{"name":"sales","conninfo":"x"}]})", "f"))));
  EXPECT_FALSE(none.grants.configured);
  auto cfg = ok(validate_config(ok(apply_config_json(
      {}, R"({"data_sources":[{"name":"sales","conninfo":"x"}],"grants":{"ops":["sales"]},"groups":{"ops":["alice"]},"turns_per_minute":5})",
      "f"))));
  EXPECT_TRUE(cfg.grants.allows("alice", "sales"));
  EXPECT_FALSE(cfg.grants.allows("bob", "sales"));
  EXPECT_EQ(cfg.turns_per_minute, 5);
  auto typo = failed(validate_config(ok(apply_config_json(
      {}, R"({"data_sources":[{"name":"sales","conninfo":"x"}],"grants":{"alice":["sale"]}})", "f"))));
  EXPECT_NE(typo.message.find("'sale'"), std::string::npos) << typo.message;
  EXPECT_EQ(failed(apply_config_json({}, R"({"grants":{"alice":"sales"}})", "f")).code,
            error_code::bad_request);
}

} // namespace

namespace medha {
namespace {

// Turns come from the stream on a shared store unless told otherwise.
TEST(turn_delivery_config, auto_means_the_stream_on_the_shared_store) {
  auto rocks = std::get<config>(load_config({}, nullptr));
  EXPECT_FALSE(uses_turn_stream(rocks));
  auto shared = std::get<config>(
      load_config({"--store-kind", "postgres", "--store-conninfo", "dbname=medha"}, nullptr));
  EXPECT_TRUE(uses_turn_stream(shared));
  auto core = std::get<config>(load_config(
      {"--store-kind", "postgres", "--store-conninfo", "dbname=m", "--turn-delivery", "core"},
      nullptr));
  EXPECT_FALSE(uses_turn_stream(core));
  auto stream = std::get<config>(load_config({"--turn-delivery", "jetstream"}, nullptr));
  EXPECT_TRUE(uses_turn_stream(stream));
  auto bad = load_config({"--turn-delivery", "kafka"}, nullptr);
  ASSERT_TRUE(std::holds_alternative<medha_error>(bad));
  EXPECT_EQ(std::get<medha_error>(bad).code, error_code::bad_request);
  EXPECT_NE(std::get<medha_error>(bad).message.find("turn_delivery"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<medha_error>(load_config({"--turn-ack-wait-ms", "0"}, nullptr)));
}

} // namespace
} // namespace medha
