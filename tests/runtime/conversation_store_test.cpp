#include "runtime/conversation_store.hpp"

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

namespace {

using namespace medha;
namespace fs = std::filesystem;

// Each test gets a fresh RocksDB directory (on disk, so fsync costs are real).
class conversation_store_test : public ::testing::Test {
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
  std::unique_ptr<conversation_store> open_store() {
    auto r = conversation_store::open(dir_);
    if (auto err = std::get_if<medha_error>(&r)) {
      ADD_FAILURE() << err->message;
      return nullptr;
    }
    return std::move(std::get<std::unique_ptr<conversation_store>>(r));
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
  static conversation_record conv(const std::string& user, const std::string& id,
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
  static message_record msg(const std::string& conv, const std::string& role,
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
  static step_record step(const std::string& conv, const std::string& turn, uint64_t seq) {
    return {conv, turn, seq, R"({"seq":)" + std::to_string(seq) + "}"};
  }

  std::string dir_;
  std::unique_ptr<conversation_store> store_;
};

TEST_F(conversation_store_test, conversation_round_trip) {
  auto in = conv("alice", "c1");
  ASSERT_FALSE(store_->put_conversation(in));
  auto out = store_->get_conversation("alice", "c1");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->id, in.id);
  EXPECT_EQ(out->user, in.user);
  EXPECT_EQ(out->title, in.title);
  EXPECT_EQ(out->data_source, in.data_source);
  EXPECT_EQ(out->created_ms, in.created_ms);
  EXPECT_EQ(out->updated_ms, in.updated_ms);
  EXPECT_EQ(out->state_json, in.state_json);
  EXPECT_EQ(out->turn_count, in.turn_count);
  EXPECT_FALSE(store_->get_conversation("alice", "c2"));
}

TEST_F(conversation_store_test, message_round_trip_keeps_any_bytes) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  // Quotes, newlines, NUL and invalid UTF-8 all come back as written.
  std::string odd = "say \"hi\"\n\tpr\xc3\xa9nom \xff\xfe";
  odd.push_back('\0');
  odd += "end";
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", odd)));
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "assistant", "Here it is")));
  auto ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, odd);
  EXPECT_EQ(ms[0].role, "user");
  EXPECT_EQ(ms[0].conv, "c1");
  EXPECT_EQ(ms[0].turn_id, "t1");
  EXPECT_EQ(ms[0].created_ms, 2000);
  EXPECT_EQ(ms[1].payload_json, R"({"sql":"SELECT 1","rows":[[1]]})");
  EXPECT_EQ(store_->corrupt_reads(), 0u);
}

TEST_F(conversation_store_test, append_assigns_indices_in_order) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  // 20 > 16 checks that numeric order survives the hex key encoding.
  for (int i = 0; i < 20; ++i) {
    auto m = msg("c1", i % 2 ? "assistant" : "user", "m" + std::to_string(i));
    m.index = 999; // ignored: the store assigns
    ASSERT_FALSE(store_->append_message("alice", m));
  }
  auto ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 20u);
  for (uint64_t i = 0; i < ms.size(); ++i) {
    EXPECT_EQ(ms[i].index, i);
    EXPECT_EQ(ms[i].text, "m" + std::to_string(i));
  }
}

TEST_F(conversation_store_test, append_raises_updated_ms_which_never_goes_back) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1", 1000)));
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", "hi", 5000)));
  EXPECT_EQ(store_->get_conversation("alice", "c1")->updated_ms, 5000);
  // A stale copy written back (the caller read it before the append) keeps 5000.
  auto stale = conv("alice", "c1", 1000);
  stale.title = "Renamed";
  ASSERT_FALSE(store_->put_conversation(stale));
  auto now = store_->get_conversation("alice", "c1");
  EXPECT_EQ(now->updated_ms, 5000);
  EXPECT_EQ(now->title, "Renamed");
}

TEST_F(conversation_store_test, other_users_see_nothing) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", "secret")));
  ASSERT_FALSE(store_->append_step("alice", step("c1", "t1", 1)));

  EXPECT_FALSE(store_->get_conversation("bob", "c1"));
  EXPECT_TRUE(store_->list_conversations("bob").empty());
  EXPECT_TRUE(store_->messages("bob", "c1").empty());
  EXPECT_TRUE(store_->steps("bob", "c1", "t1").empty());
  auto append = store_->append_message("bob", msg("c1", "user", "mine now"));
  ASSERT_TRUE(append);
  EXPECT_EQ(append->code, error_code::not_found);
  auto st = store_->append_step("bob", step("c1", "t1", 2));
  ASSERT_TRUE(st);
  EXPECT_EQ(st->code, error_code::not_found);
  auto del = store_->delete_conversation("bob", "c1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->code, error_code::not_found);
  // A user whose name is a prefix of another's must not see theirs either.
  EXPECT_TRUE(store_->list_conversations("alic").empty());

  EXPECT_TRUE(store_->get_conversation("alice", "c1"));
  EXPECT_EQ(store_->messages("alice", "c1").size(), 1u);
}

TEST_F(conversation_store_test, bad_ids_are_rejected_not_stored) {
  auto bad_user = store_->put_conversation(conv("a.b", "c1"));
  ASSERT_TRUE(bad_user);
  EXPECT_EQ(bad_user->code, error_code::bad_request);
  auto slash = store_->put_conversation(conv("alice", "c/1"));
  ASSERT_TRUE(slash);
  EXPECT_EQ(slash->code, error_code::bad_request);
  EXPECT_FALSE(store_->get_conversation("alice", "c/1"));
  EXPECT_TRUE(store_->list_conversations("a.b").empty());

  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  auto role = store_->append_message("alice", msg("c1", "system", "x"));
  ASSERT_TRUE(role);
  EXPECT_EQ(role->code, error_code::bad_request);
  auto missing = store_->append_message("alice", msg("nope", "user", "x"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, error_code::not_found);
}

TEST_F(conversation_store_test, list_is_most_recent_first) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "old", 100)));
  ASSERT_FALSE(store_->put_conversation(conv("alice", "new", 300)));
  ASSERT_FALSE(store_->put_conversation(conv("alice", "mid", 200)));
  ASSERT_FALSE(store_->put_conversation(conv("bob", "other", 999)));
  auto list = store_->list_conversations("alice");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, "new");
  EXPECT_EQ(list[1].id, "mid");
  EXPECT_EQ(list[2].id, "old");
  // A new message moves its conversation to the top.
  ASSERT_FALSE(store_->append_message("alice", msg("old", "user", "again", 400)));
  EXPECT_EQ(store_->list_conversations("alice")[0].id, "old");
}

TEST_F(conversation_store_test, steps_are_per_turn_in_seq_order) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  for (uint64_t seq : {3, 1, 2, 17})
    ASSERT_FALSE(store_->append_step("alice", step("c1", "t1", seq)));
  ASSERT_FALSE(store_->append_step("alice", step("c1", "t2", 1)));
  // Same seq again replaces (a retried publish must not duplicate).
  auto again = step("c1", "t1", 2);
  again.event_json = R"({"retry":true})";
  ASSERT_FALSE(store_->append_step("alice", again));

  auto t1 = store_->steps("alice", "c1", "t1");
  ASSERT_EQ(t1.size(), 4u);
  EXPECT_EQ(t1[0].seq, 1u);
  EXPECT_EQ(t1[1].seq, 2u);
  EXPECT_EQ(t1[1].event_json, R"({"retry":true})");
  EXPECT_EQ(t1[2].seq, 3u);
  EXPECT_EQ(t1[3].seq, 17u);
  EXPECT_EQ(t1[3].turn_id, "t1");
  EXPECT_EQ(store_->steps("alice", "c1", "t2").size(), 1u);
  EXPECT_TRUE(store_->steps("alice", "c1", "t3").empty());
}

TEST_F(conversation_store_test, delete_removes_conversation_messages_and_steps) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c10"))); // shares a prefix
  for (auto id : {"c1", "c10"}) {
    ASSERT_FALSE(store_->append_message("alice", msg(id, "user", "q")));
    ASSERT_FALSE(store_->append_step("alice", step(id, "t1", 1)));
  }
  ASSERT_FALSE(store_->delete_conversation("alice", "c1"));
  EXPECT_FALSE(store_->get_conversation("alice", "c1"));
  // Re-creating the id must start empty: the old rows are gone, not hidden.
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  EXPECT_TRUE(store_->messages("alice", "c1").empty());
  EXPECT_TRUE(store_->steps("alice", "c1", "t1").empty());
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", "fresh")));
  EXPECT_EQ(store_->messages("alice", "c1")[0].index, 0u);
  // The neighbour is untouched.
  EXPECT_EQ(store_->messages("alice", "c10").size(), 1u);
  EXPECT_EQ(store_->steps("alice", "c10", "t1").size(), 1u);

  auto again = store_->delete_conversation("alice", "gone");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->code, error_code::not_found);
}

TEST_F(conversation_store_test, expire_idle_deletes_only_idle_conversations) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "stale", 1000)));
  ASSERT_FALSE(store_->put_conversation(conv("bob", "stale2", 2000)));
  ASSERT_FALSE(store_->put_conversation(conv("alice", "fresh", 9000)));
  ASSERT_FALSE(store_->append_message("alice", msg("stale", "user", "old", 1000)));
  // now=10000, ttl=5000: idle means updated before 5000.
  EXPECT_EQ(store_->expire_idle(10000, 5000), 2u);
  EXPECT_FALSE(store_->get_conversation("alice", "stale"));
  EXPECT_FALSE(store_->get_conversation("bob", "stale2"));
  EXPECT_TRUE(store_->messages("alice", "stale").empty());
  EXPECT_TRUE(store_->get_conversation("alice", "fresh"));
  EXPECT_EQ(store_->expire_idle(10000, 5000), 0u);
}

TEST_F(conversation_store_test, data_survives_reopen) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "user", "one")));
  ASSERT_FALSE(store_->append_step("alice", step("c1", "t1", 1)));
  ASSERT_FALSE(store_->put_blob("catalog/sales", "cached"));
  store_.reset();
  store_ = open_store();
  ASSERT_TRUE(store_);
  EXPECT_TRUE(store_->get_conversation("alice", "c1"));
  EXPECT_EQ(store_->steps("alice", "c1", "t1").size(), 1u);
  EXPECT_EQ(store_->get_blob("catalog/sales"), "cached");
  // Indices continue after the last stored one.
  ASSERT_FALSE(store_->append_message("alice", msg("c1", "assistant", "two")));
  auto ms = store_->messages("alice", "c1");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].index, 1u);
}

TEST_F(conversation_store_test, second_open_of_same_path_fails_cleanly) {
  auto second = conversation_store::open(dir_);
  ASSERT_TRUE(std::holds_alternative<medha_error>(second));
  auto& err = std::get<medha_error>(second);
  EXPECT_NE(err.message.find(dir_), std::string::npos) << err.message;
  EXPECT_NE(err.message.find("already open"), std::string::npos) << err.message;
  // The first handle still works.
  EXPECT_FALSE(store_->put_conversation(conv("alice", "c1")));
}

TEST_F(conversation_store_test, unusable_path_is_an_error) {
  auto file = dir_ + "-file";
  std::fclose(std::fopen(file.c_str(), "w"));
  auto r = conversation_store::open(file + "/sub");
  EXPECT_TRUE(std::holds_alternative<medha_error>(r));
  fs::remove(file);
}

TEST_F(conversation_store_test, blobs) {
  EXPECT_FALSE(store_->get_blob("k"));
  std::string binary("a\0b\xff", 4);
  ASSERT_FALSE(store_->put_blob("k", binary));
  EXPECT_EQ(store_->get_blob("k"), binary);
  ASSERT_FALSE(store_->put_blob("k", "v2"));
  EXPECT_EQ(store_->get_blob("k"), "v2");
  auto empty = store_->put_blob("", "x");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->code, error_code::bad_request);
  // Blob keys live in their own space: a blob named like a conversation key
  // does not create a conversation.
  ASSERT_FALSE(store_->put_blob("c/alice/c1", "{}"));
  EXPECT_TRUE(store_->list_conversations("alice").empty());
}

TEST_F(conversation_store_test, corrupt_values_read_as_absent_and_writes_fail) {
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

TEST_F(conversation_store_test, record_claiming_another_owner_is_not_served) {
  auto foreign = conv("mallory", "c1");
  put_raw(store_codec::conversation_key("alice", "c1"), store_codec::encode(foreign));
  EXPECT_FALSE(store_->get_conversation("alice", "c1"));
  EXPECT_TRUE(store_->list_conversations("alice").empty());
  EXPECT_FALSE(store_->get_conversation("mallory", "c1"));
}

TEST_F(conversation_store_test, concurrent_appends_get_distinct_indices) {
  ASSERT_FALSE(store_->put_conversation(conv("alice", "c1")));
  ASSERT_FALSE(store_->put_conversation(conv("bob", "c2")));
  constexpr int threads = 4, per_thread = 10;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        auto user = t % 2 ? "bob" : "alice";
        auto id = t % 2 ? "c2" : "c1";
        EXPECT_FALSE(store_->append_message(user, msg(id, "user", std::to_string(i))));
        EXPECT_FALSE(store_->append_step(user, step(id, "t" + std::to_string(t), i + 1)));
      }
    });
  for (auto& th : pool)
    th.join();
  for (auto [user, id] : {std::pair{"alice", "c1"}, std::pair{"bob", "c2"}}) {
    auto ms = store_->messages(user, id);
    ASSERT_EQ(ms.size(), 2u * per_thread);
    for (uint64_t i = 0; i < ms.size(); ++i)
      EXPECT_EQ(ms[i].index, i);
  }
}

// The child half of writes_survive_kill_9: run in a fresh process (exec'd by the
// parent) so no RocksDB thread state is inherited across fork.
TEST(conversation_store_child, DISABLED_write_then_sigkill) {
  auto dir = std::getenv("MEDHA_STORE_CHILD_DIR");
  if (!dir)
    GTEST_SKIP() << "only run by writes_survive_kill_9";
  auto opened = conversation_store::open(dir);
  auto& store = std::get<std::unique_ptr<conversation_store>>(opened);
  conversation_record c;
  c.id = "c1";
  c.user = "alice";
  c.updated_ms = 1;
  ASSERT_FALSE(store->put_conversation(c)); // unsynced
  message_record m{"c1", "t1", "user", "before the kill", "", 2, 0};
  ASSERT_FALSE(store->append_message("alice", m)); // synced
  ASSERT_FALSE(store->put_blob("cache", "unsynced")); // unsynced, written last
  std::raise(SIGKILL);
}

TEST_F(conversation_store_test, writes_survive_kill_9) {
  store_.reset(); // the child must own the LOCK
  auto pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::setenv("MEDHA_STORE_CHILD_DIR", dir_.c_str(), 1);
    ::execl("/proc/self/exe", "test_runtime", "--gtest_also_run_disabled_tests",
            "--gtest_filter=conversation_store_child.DISABLED_write_then_sigkill",
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
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "before the kill");
  EXPECT_EQ(store_->get_blob("cache"), "unsynced");
}

// Run with --gtest_also_run_disabled_tests to print what a synced append costs
// next to an unsynced write of the same size on this disk.
TEST_F(conversation_store_test, DISABLED_measure_sync_append_cost) {
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

} // namespace
