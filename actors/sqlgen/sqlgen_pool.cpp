#include <deque>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/sqlgen/sqlgen_actor.hpp"

namespace medha {

namespace {

struct job {
  sql_request request;
  caf::typed_response_promise<sql_plan> promise;
};

struct pool_state {
  sqlgen_behavior_fn make_worker;
  std::vector<sqlgen_actor> workers;
  std::deque<size_t> idle;
  std::deque<job> waiting;
  static inline const char* name = "sqlgen_pool";
};

using pool_ptr = sqlgen_actor::stateful_pointer<pool_state>;

void dispatch(pool_ptr self, size_t worker, job j);

// A worker finished: it takes the oldest waiting job, or becomes idle.
void release(pool_ptr self, size_t worker) {
  auto& st = self->state;
  if (st.waiting.empty()) {
    st.idle.push_back(worker);
    return;
  }
  auto next = std::move(st.waiting.front());
  st.waiting.pop_front();
  dispatch(self, worker, std::move(next));
}

void dispatch(pool_ptr self, size_t worker, job j) {
  // The caller's own request carries the timeout; the pool only forwards.
  self->request(self->state.workers[worker], caf::infinite, generate_atom_v, std::move(j.request))
      .then(
          [self, worker, rp = j.promise](sql_plan& plan) mutable {
            rp.deliver(std::move(plan));
            release(self, worker);
          },
          [self, worker, rp = j.promise](const caf::error& err) mutable {
            rp.deliver(err);
            release(self, worker);
          });
}

sqlgen_actor::behavior_type pool_behavior(pool_ptr self, size_t size, sqlgen_behavior_fn worker) {
  auto& st = self->state;
  st.make_worker = std::move(worker);
  // Linked so they end with the pool; a worker that dies alone (a bug the
  // engine throws on) fails only its request and is replaced.
  for (size_t i = 0; i < std::max<size_t>(1, size); ++i) {
    st.workers.push_back(self->spawn<caf::linked>(st.make_worker));
    st.idle.push_back(i);
  }
  self->set_exit_handler([self](const caf::exit_msg& msg) {
    auto& workers = self->state.workers;
    for (auto& w : workers)
      if (w.address() == msg.source) {
        w = self->spawn<caf::linked>(self->state.make_worker);
        return;
      }
    self->quit(msg.reason);
  });
  return {
    [self](generate_atom, sql_request& request) -> caf::result<sql_plan> {
      auto& st = self->state;
      job j{std::move(request), self->make_response_promise<sql_plan>()};
      auto rp = j.promise;
      if (st.idle.empty()) {
        st.waiting.push_back(std::move(j));
      } else {
        auto w = st.idle.front();
        st.idle.pop_front();
        dispatch(self, w, std::move(j));
      }
      return rp;
    },
  };
}

} // namespace

sqlgen_actor spawn_sqlgen_pool(caf::actor_system& sys, size_t size, sqlgen_behavior_fn worker) {
  return sys.spawn(pool_behavior, size, std::move(worker));
}

} // namespace medha
