#include "runtime/store_actor.hpp"

#include <functional>
#include <map>
#include <utility>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "runtime/conversation_store.hpp"
#include "runtime/turn_lookup.hpp"

namespace medha {

namespace {

store_actor::behavior_type store_behavior(store_actor::pointer self,
                                          std::shared_ptr<conversation_store> store) {
  return {
    [store](load_atom, const std::string& user, const std::string& conv) {
      conversation_lookup out;
      if (auto rec = store->get_conversation(user, conv)) {
        out.found = true;
        out.record = std::move(*rec);
      }
      return out;
    },
    [store](save_atom, const conversation_record& rec) {
      return store_ack{store->put_conversation(rec)};
    },
    [store](append_atom, const std::string& user, message_record& msg) {
      return store_ack{store->append_question(user, std::move(msg))};
    },
    [store](lookup_atom, const std::string& user, const std::string& conv,
            const std::string& turn_id) { return look_up_turn(*store, user, conv, turn_id); },
    [store](begin_atom, const std::string& user, const message_record& question, bool count,
            int per_minute, int concurrent) {
      std::optional<turn_limits> limits;
      if (count)
        limits = turn_limits{per_minute, concurrent};
      return store->begin_turn(user, question, limits);
    },
    [store](answer_atom, const std::string& user, const answered_turn& turn) {
      return store_ack{store->store_answer(user, turn)};
    },
    [store](list_atom, const std::string& user) {
      return store->list_conversations(user);
    },
    [store](history_atom, const std::string& user, const std::string& conv) {
      return store->messages(user, conv);
    },
    [store](delete_atom, const std::string& user, const std::string& conv) {
      return store_ack{store->delete_conversation(user, conv)};
    },
    [store](expire_atom, int64_t now_ms, int64_t ttl_ms) {
      return static_cast<uint64_t>(store->expire_idle(now_ms, ttl_ms));
    },
    [store](put_blob_atom, const std::string& key, const std::string& value) {
      store->put_blob(key, value);
    },
    [store](feedback_atom, const std::string& user, const feedback_record& f) {
      return store_ack{store->put_feedback(user, f)};
    },
    [store](feedback_atom, const std::string& user, const std::string& conv) {
      return store->feedback(user, conv);
    },
    [store](example_atom, const example_record& e) {
      return store_ack{store->put_example(e)};
    },
    [store](examples_atom, const std::string& user, const std::string& source) {
      return store->examples(user, source);
    },
    [store](admit_atom, const std::string& user, const std::string& conv, int per_minute,
            int concurrent) {
      return store_ack{store->admit_turn(user, conv, per_minute, concurrent)};
    },
    [store](turn_ended_atom, const std::string& user, const std::string& conv) {
      store->finish_turn(user, conv);
    },
  };
}

// Writers that block on the store at once. Both stores take concurrent
// callers (RocksDB with striped locks, PostgreSQL with a connection pool),
// and concurrent synced RocksDB writes share one WAL sync: with a single
// writer every turn waited behind every other turn's syncs.
constexpr size_t store_writers = 4;

struct front_state {
  std::vector<store_actor> writers;
  // The verified examples by (user, data source), kept when this worker is
  // the store's only writer: every turn reads them, few writes change them.
  bool cache_examples = false;
  std::map<std::pair<std::string, std::string>, std::vector<example_record>> examples;
  uint64_t examples_version = 0; // bumps as a write of an example starts and as it ends
  static inline const char* name = "store";
};

using front_ptr = store_actor::stateful_pointer<front_state>;

// One conversation's messages always go to the same writer, in the order
// they came: its steps, messages and record are written in order, and a
// delete comes after them. Other conversations are written in parallel.
const store_actor& writer_of(front_ptr self, const std::string& user, const std::string& conv) {
  auto h = std::hash<std::string>{}(user) * 31 + std::hash<std::string>{}(conv);
  return self->state.writers[h % self->state.writers.size()];
}

constexpr size_t max_cached_examples = 10000; // (user, data source) pairs

void forget_examples(front_ptr self) {
  self->state.examples.clear();
  self->state.examples_version += 1;
}

store_actor::behavior_type front_behavior(front_ptr self, std::vector<store_actor> writers,
                                          bool cache_examples) {
  self->state.writers = std::move(writers);
  self->state.cache_examples = cache_examples;
  return {
    [self](load_atom a, const std::string& user, const std::string& conv) {
      return self->delegate(writer_of(self, user, conv), a, user, conv);
    },
    [self](save_atom a, const conversation_record& rec) {
      return self->delegate(writer_of(self, rec.user, rec.id), a, rec);
    },
    [self](lookup_atom a, const std::string& user, const std::string& conv, const std::string& turn) {
      return self->delegate(writer_of(self, user, conv), a, user, conv, turn);
    },
    [self](append_atom a, const std::string& user, message_record& msg) {
      auto& to = writer_of(self, user, msg.conv);
      return self->delegate(to, a, user, std::move(msg));
    },
    [self](begin_atom a, const std::string& user, message_record& question, bool count,
           int per_minute, int concurrent) {
      auto& to = writer_of(self, user, question.conv);
      return self->delegate(to, a, user, std::move(question), count, per_minute, concurrent);
    },
    [self](answer_atom a, const std::string& user, answered_turn& turn) {
      auto& to = writer_of(self, user, turn.record.id);
      return self->delegate(to, a, user, std::move(turn));
    },
    [self](list_atom a, const std::string& user) {
      return self->delegate(writer_of(self, user, ""), a, user);
    },
    [self](history_atom a, const std::string& user, const std::string& conv) {
      return self->delegate(writer_of(self, user, conv), a, user, conv);
    },
    [self](delete_atom a, const std::string& user, const std::string& conv) {
      return self->delegate(writer_of(self, user, conv), a, user, conv);
    },
    [self](expire_atom a, int64_t now_ms, int64_t ttl_ms) {
      return self->delegate(self->state.writers.front(), a, now_ms, ttl_ms);
    },
    [self](put_blob_atom a, const std::string& key, const std::string& value) {
      self->send(writer_of(self, key, ""), a, key, value);
    },
    // Feedback goes with its conversation (after the answer it rates);
    // examples are keyed by their scope and data source.
    [self](feedback_atom a, const std::string& user, const feedback_record& f) {
      return self->delegate(writer_of(self, user, f.conv), a, user, f);
    },
    [self](feedback_atom a, const std::string& user, const std::string& conv) {
      return self->delegate(writer_of(self, user, conv), a, user, conv);
    },
    [self](example_atom a, const example_record& e) -> caf::result<store_ack> {
      auto& st = self->state;
      if (!st.cache_examples)
        return self->delegate(writer_of(self, e.scope, e.data_source), a, e);
      forget_examples(self);
      auto rp = self->make_response_promise<store_ack>();
      self->request(writer_of(self, e.scope, e.data_source), caf::infinite, a, e)
        .then(
          [self, rp](store_ack& ack) mutable {
            forget_examples(self);
            rp.deliver(std::move(ack));
          },
          [self, rp](caf::error& err) mutable {
            forget_examples(self);
            rp.deliver(std::move(err));
          });
      return rp;
    },
    [self](examples_atom a, const std::string& user,
           const std::string& source) -> caf::result<std::vector<example_record>> {
      auto& st = self->state;
      if (!st.cache_examples)
        return self->delegate(writer_of(self, user, source), a, user, source);
      auto key = std::make_pair(user, source);
      if (auto known = st.examples.find(key); known != st.examples.end())
        return known->second;
      auto rp = self->make_response_promise<std::vector<example_record>>();
      self->request(writer_of(self, user, source), caf::infinite, a, user, source)
        .then(
          [self, rp, key, version = st.examples_version](std::vector<example_record>& found) mutable {
            // Kept only when no write of an example started or ended meanwhile.
            auto& st = self->state;
            if (st.examples_version == version && st.examples.size() < max_cached_examples)
              st.examples[key] = found;
            rp.deliver(std::move(found));
          },
          [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
      return rp;
    },
    // A user's limits are counted wherever the user is: any writer will do,
    // the same one for the same user.
    [self](admit_atom a, const std::string& user, const std::string& conv, int per_minute, int concurrent) {
      return self->delegate(writer_of(self, user, ""), a, user, conv, per_minute, concurrent);
    },
    [self](turn_ended_atom a, const std::string& user, const std::string& conv) {
      self->send(writer_of(self, user, ""), a, user, conv);
    },
  };
}

} // namespace

store_actor spawn_store_actor(caf::actor_system& sys, std::shared_ptr<conversation_store> store,
                              bool only_writer) {
  std::vector<store_actor> writers;
  for (size_t i = 0; i < store_writers; ++i)
    writers.push_back(sys.spawn<caf::detached>(store_behavior, store));
  // The front only routes (never blocks), so it runs on the scheduler; the
  // writers end with it.
  auto front = sys.spawn(front_behavior, writers, only_writer);
  for (auto& w : writers)
    front->attach_functor([w] { caf::anon_send_exit(w, caf::exit_reason::user_shutdown); });
  return front;
}

} // namespace medha
