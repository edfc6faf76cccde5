#pragma once

// The conversation stores the shared store suite runs against, each on a real
// backend: RocksDB in a fresh temp dir, PostgreSQL in a fresh database of the
// test support's server on loopback.

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "runtime/postgres_store.hpp"
#include "runtime/rocksdb_store.hpp"
#include "tests/support/servers.hpp"

namespace medha::testing {

template <class Store>
std::unique_ptr<conversation_store>
opened_or_fail(std::variant<std::unique_ptr<Store>, medha_error> r) {
  if (auto err = std::get_if<medha_error>(&r)) {
    ADD_FAILURE() << err->message;
    return nullptr;
  }
  return std::move(std::get<0>(r));
}

struct rocksdb_backend {
  static constexpr const char* name = "rocksdb";
  std::string dir = make_temp_dir("medha-store-test-");

  ~rocksdb_backend() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  /// Another handle on the same data (after the previous one is closed).
  std::unique_ptr<conversation_store> open() {
    return opened_or_fail(rocksdb_store::open(dir));
  }
};

struct postgres_backend {
  static constexpr const char* name = "postgres";
  static constexpr const char* database = "medha_store_test";

  postgres_backend() {
    postgres_server::shared().create_database(database);
  }
  static std::string conninfo() {
    return postgres_server::shared().conninfo(database);
  }
  std::unique_ptr<conversation_store> open() {
    return opened_or_fail(postgres_store::open(conninfo()));
  }
};

/// Records the store tests write.
inline conversation_record conv(const std::string& user, const std::string& id,
                                int64_t updated_ms = 1000) {
  conversation_record r;
  r.id = id;
  r.user = user;
  r.title = "Title of " + id;
  r.data_source = "sales";
  r.created_ms = 500;
  r.updated_ms = updated_ms;
  r.state_json = R"({"last":{"table":"orders","filters":[]}})";
  r.turn_count = 3;
  return r;
}

inline message_record msg(const std::string& conv, const std::string& role,
                          const std::string& text, int64_t at = 2000) {
  message_record m;
  m.conv = conv;
  m.turn_id = "t1";
  m.role = role;
  m.text = text;
  m.payload_json = role == "assistant" ? R"({"sql":"SELECT 1","rows":[[1]]})" : "";
  m.created_ms = at;
  return m;
}

inline step_record step(const std::string& conv, const std::string& turn, uint64_t seq) {
  return {conv, turn, seq, R"({"seq":)" + std::to_string(seq) + "}"};
}

/// A typed suite's fixture: a fresh store of the backend per test.
template <class Backend>
class store_suite : public ::testing::Test {
protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
  }
  std::unique_ptr<conversation_store> open_store() {
    return backend_.open();
  }

  Backend backend_;
  std::unique_ptr<conversation_store> store_;
};

/// Test names say which backend ran.
struct backend_names {
  template <class Backend>
  static std::string GetName(int) {
    return Backend::name;
  }
};

using store_backends = ::testing::Types<rocksdb_backend, postgres_backend>;

} // namespace medha::testing
