// What only the RocksDB store does: one process per directory, corrupt values
// read as absent, kill -9 durability. The shared contract is in
// conversation_store_test.cpp.

#include "runtime/rocksdb_store.hpp"

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "runtime/store_codec.hpp"
#include "tests/runtime/store_backends.hpp"

namespace {

using namespace medha;
using medha::testing::conv;
using medha::testing::msg;
using medha::testing::step;
namespace fs = std::filesystem;

// Each test gets a fresh RocksDB directory (on disk, so fsync costs are real).
class rocksdb_store_test : public ::testing::Test {
protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = (fs::temp_directory_path()
            / ("medha-store-test-" + std::to_string(::getpid()) + "-"
               + std::to_string(counter++)))
             .string();
    store_ = open_store();
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::unique_ptr<rocksdb_store> open_store() {
    auto r = rocksdb_store::open(dir_);
    if (auto err = std::get_if<medha_error>(&r)) {
      ADD_FAILURE() << err->message;
      return nullptr;
    }
    return std::move(std::get<std::unique_ptr<rocksdb_store>>(r));
  }
  // Writes raw bytes under a key, bypassing the store (to plant corruption).
  void put_raw(const std::string& key, const std::string& value) {
    store_.reset();
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options{}, dir_, &db).ok());
    ASSERT_TRUE(db->Put({}, key, value).ok());
    delete db;
    store_ = open_store();
  }

  std::string dir_;
  std::unique_ptr<rocksdb_store> store_;
};

TEST_F(rocksdb_store_test, second_open_of_same_path_fails_cleanly) {
  auto second = rocksdb_store::open(dir_);
  ASSERT_TRUE(std::holds_alternative<medha_error>(second));
  auto& err = std::get<medha_error>(second);
  EXPECT_NE(err.message.find(dir_), std::string::npos) << err.message;
  EXPECT_NE(err.message.find("already open"), std::string::npos) << err.message;
  // The first handle still works.
  EXPECT_FALSE(store_->put_conversation(conv("alice", "c1")));
}

TEST_F(rocksdb_store_test, unusable_path_is_an_error) {
  auto file = dir_ + "-file";
  std::fclose(std::fopen(file.c_str(), "w"));
  auto r = rocksdb_store::open(file + "/sub");
  EXPECT_TRUE(std::holds_alternative<medha_error>(r));
  fs::remove(file);
}

TEST_F(rocksdb_store_test, corrupt_values_read_as_absent_and_writes_fail) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "good", 100)));
  ASSERT_FALSE(store_->append_message("alice", msg("good", "user", "ok")));
  put_raw(store_codec::conversation_key("alice", "bad"), "{not json");
  put_raw(store_codec::message_key("alice", "good", 1), R"({"conv":"good"})");
  ASSERT_TRUE(store_);

  EXPECT_FALSE(store_->get_conversation("alice", "bad"));
  auto list = store_->list_conversations("alice");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, "good");
  EXPECT_EQ(store_->messages("alice", "good").size(), 1u); // the broken one skipped
  auto append = store_->append_message("alice", msg("bad", "user", "x"));
  ASSERT_TRUE(append);
  EXPECT_EQ(append->code, error_code::internal);
  EXPECT_EQ(store_->expire_idle(1'000'000, 1), 1u); // "good" only; "bad" has no age
  EXPECT_GE(store_->corrupt_reads(), 4u);
  // The user can still clear the unreadable conversation.
  EXPECT_FALSE(store_->delete_conversation("alice", "bad"));
  EXPECT_TRUE(store_->list_conversations("alice").empty());
}

TEST_F(rocksdb_store_test, record_claiming_another_owner_is_not_served) {
  auto foreign = conv("mallory", "c1");
  put_raw(store_codec::conversation_key("alice", "c1"), store_codec::encode(foreign));
  EXPECT_FALSE(store_->get_conversation("alice", "c1"));
  EXPECT_TRUE(store_->list_conversations("alice").empty());
  EXPECT_FALSE(store_->get_conversation("mallory", "c1"));
}

// The child half of writes_survive_kill_9: run in a fresh process (exec'd by the
// parent) so no RocksDB thread state is inherited across fork.
TEST(rocksdb_store_child, DISABLED_write_then_sigkill) {
  auto dir = std::getenv("MEDHA_STORE_CHILD_DIR");
  if (!dir)
    GTEST_SKIP() << "only run by writes_survive_kill_9";
  auto opened = rocksdb_store::open(dir);
  auto& store = std::get<std::unique_ptr<rocksdb_store>>(opened);
  conversation_record c;
  c.id = "c1";
  c.user = "alice";
  c.updated_ms = 1;
  ASSERT_FALSE(store->put_conversation(c)); // unsynced
  message_record m{"c1", "t1", "user", "before the kill", "", 2, 0};
  ASSERT_FALSE(store->append_message("alice", m)); // synced
  message_record q{"c1", "t2", "user", "asked just before the kill", "", 3, 0};
  ASSERT_FALSE(store->append_question("alice", q)); // unsynced: the turn's end syncs it
  ASSERT_FALSE(store->put_blob("cache", "unsynced")); // unsynced, written last
  std::raise(SIGKILL);
}

TEST_F(rocksdb_store_test, writes_survive_kill_9) {
  store_.reset(); // the child must own the LOCK
  auto pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::setenv("MEDHA_STORE_CHILD_DIR", dir_.c_str(), 1);
    ::execl("/proc/self/exe", "test_runtime", "--gtest_also_run_disabled_tests",
            "--gtest_filter=rocksdb_store_child.DISABLED_write_then_sigkill",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
  store_ = open_store();
  ASSERT_TRUE(store_);
  EXPECT_TRUE(store_->get_conversation("alice", "c1"));
  auto ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, "before the kill");
  EXPECT_EQ(ms[1].text, "asked just before the kill");
  EXPECT_EQ(ms[1].index, 1u);
  EXPECT_EQ(store_->get_blob("cache"), "unsynced");
}

// Run with --gtest_also_run_disabled_tests to print what a synced append costs
// next to an unsynced write of the same size on this disk.
TEST_F(rocksdb_store_test, DISABLED_measure_sync_append_cost) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  constexpr int n = 200;
  auto text = std::string(300, 'x');
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  for (int i = 0; i < n; ++i)
    ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", text)));
  auto synced = std::chrono::duration<double, std::micro>(clock::now() - start).count() / n;
  start = clock::now();
  for (int i = 0; i < n; ++i)
    ASSERT_FALSE(store_->put_blob("k" + std::to_string(i), text));
  auto unsynced = std::chrono::duration<double, std::micro>(clock::now() - start).count() / n;
  std::printf("append_message (synced): %.1f us/op; put_blob (unsynced): %.1f us/op\n",
              synced, unsynced);
  // The same two-key batch straight into RocksDB, sync on and off.
  store_.reset();
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options{}, dir_, &db).ok());
  for (bool sync : {true, false}) {
    rocksdb::WriteOptions wo;
    wo.sync = sync;
    start = clock::now();
    for (int i = 0; i < n; ++i) {
      rocksdb::WriteBatch batch;
      batch.Put("m/x/" + std::to_string(i), text);
      batch.Put("c/x", text);
      ASSERT_TRUE(db->Write(wo, &batch).ok());
    }
    auto us = std::chrono::duration<double, std::micro>(clock::now() - start).count() / n;
    std::printf("raw 2-key batch, sync=%d: %.1f us/op\n", sync, us);
  }
  delete db;
}

// A turn's steps are one value now; steps stored a key each (append_step, and
// turns ended before the change) still read, in seq order, beside them.
TEST_F(rocksdb_store_test, steps_of_either_layout_read_together) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->append_step("alice", step("c1", "t1", 1)));
  put_raw(store_codec::step_key("alice", "c1", "t1", 2), store_codec::encode(step("c1", "t1", 2)));
  ASSERT_TRUE(store_);
  answered_turn end;
  end.answer = msg("c1", "assistant", "done");
  end.record = conv("alice", "c1");
  for (uint64_t seq : {3, 4, 5})
    end.steps.push_back(step("c1", "t1", seq));
  ASSERT_FALSE(store_->store_answer("alice", end));
  auto steps = store_->steps("alice", "c1", "t1");
  ASSERT_EQ(steps.size(), 5u);
  for (uint64_t i = 0; i < 5; ++i) {
    EXPECT_EQ(steps[i].seq, i + 1);
    EXPECT_EQ(steps[i].event_json, step("c1", "t1", i + 1).event_json);
    EXPECT_EQ(steps[i].turn_id, "t1");
  }
  EXPECT_EQ(store_->corrupt_reads(), 0u);
  // A turn's value that does not decode is skipped and counted, not thrown.
  put_raw(store_codec::step_key("alice", "c1", "t1", 9), R"({"conv":"c1","turn_id":"t1","steps":[{"seq":"x"}]})");
  EXPECT_EQ(store_->steps("alice", "c1", "t1").size(), 5u);
  EXPECT_EQ(store_->corrupt_reads(), 1u);
}

// The next message index is remembered between appends; it must agree with
// the keys on disk after a reopen (nothing remembered) and start over for a
// conversation deleted and created again.
TEST_F(rocksdb_store_test, message_indexes_continue_across_reopen_and_restart_after_delete) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->append_question("alice", msg("c1", "user", "q1")));
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "assistant", "a1")));
  store_.reset();
  store_ = open_store();
  ASSERT_TRUE(store_);
  ASSERT_FALSE(store_->append_question("alice", msg("c1", "user", "q2")));
  answered_turn end;
  end.answer = msg("c1", "assistant", "a2");
  end.record = conv("alice", "c1");
  ASSERT_FALSE(store_->store_answer("alice", end));
  auto ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 4u);
  for (uint64_t i = 0; i < 4; ++i)
    EXPECT_EQ(ms[i].index, i);
  EXPECT_EQ(ms[3].text, "a2");

  ASSERT_FALSE(store_->delete_conversation("alice", "c1"));
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->append_question("alice", msg("c1", "user", "again")));
  ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].index, 0u);
  EXPECT_EQ(ms[0].text, "again");
}

} // namespace
