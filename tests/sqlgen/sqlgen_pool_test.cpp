// The pool of SQL generators: requests of different conversations run at the
// same time, not one after the other.

#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/typed_event_based_actor.hpp>
#include <gtest/gtest.h>

#include "actors/sqlgen/sqlgen_actor.hpp"

namespace medha {
namespace {

// A meeting point: each generator waits (bounded) until `expected` of them
// are inside at once, and reports whether they met.
struct rendezvous {
  std::mutex mx;
  std::condition_variable cv;
  int inside = 0;
  int expected = 2;

  bool meet() {
    std::unique_lock<std::mutex> lock{mx};
    ++inside;
    cv.notify_all();
    return cv.wait_for(lock, std::chrono::seconds(5), [&] { return inside >= expected; });
  }
};

sqlgen_behavior_fn meeting_generator(std::shared_ptr<rendezvous> meeting) {
  return [meeting](sqlgen_actor::pointer) -> sqlgen_actor::behavior_type {
    return {
      [meeting](generate_atom, const sql_request& req) {
        const auto& question = req.question;
        sql_plan p;
        p.sql = meeting->meet() ? "together" : "alone";
        p.explanation = question;
        return p;
      },
    };
  };
}

sql_request asking(model_ptr model, std::string question) {
  sql_request r;
  r.model = std::move(model);
  r.question = std::move(question);
  return r;
}

std::vector<std::string> generate_two(caf::actor_system& sys, const sqlgen_actor& gen) {
  caf::scoped_actor self{sys};
  auto model = std::make_shared<semantic_model>();
  std::vector<std::string> out;
  // Two requests in flight at once, as two conversations would send them.
  auto r1 = self->request(gen, std::chrono::seconds(30), generate_atom_v,
                          asking(model, "conversation A"));
  auto r2 = self->request(gen, std::chrono::seconds(30), generate_atom_v,
                          asking(model, "conversation B"));
  for (auto* r : {&r1, &r2})
    r->receive([&](sql_plan& p) { out.push_back(p.sql); },
               [&](const caf::error& e) { out.push_back(caf::to_string(e)); });
  return out;
}

struct sqlgen_pool_test : ::testing::Test {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  sqlgen_pool_test() {
    // At least two scheduler threads, whatever the machine has.
    cfg.set("scheduler.max-threads", 4);
    sys = std::make_unique<caf::actor_system>(cfg);
  }
};

TEST_F(sqlgen_pool_test, two_conversations_generate_at_the_same_time) {
  auto gen = spawn_sqlgen_pool(*sys, 2, meeting_generator(std::make_shared<rendezvous>()));
  EXPECT_EQ(generate_two(*sys, gen), (std::vector<std::string>{"together", "together"}));
  caf::anon_send_exit(gen, caf::exit_reason::user_shutdown);
}

TEST_F(sqlgen_pool_test, a_pool_of_one_serves_in_turn_and_answers_all) {
  // The control: one generator cannot hold two requests at once.
  auto gen = spawn_sqlgen_pool(*sys, 1, meeting_generator(std::make_shared<rendezvous>()));
  EXPECT_EQ(generate_two(*sys, gen), (std::vector<std::string>{"alone", "together"}));
  caf::anon_send_exit(gen, caf::exit_reason::user_shutdown);
}

TEST_F(sqlgen_pool_test, a_generator_that_throws_fails_only_its_request) {
  auto gen = spawn_sqlgen_pool(*sys, 1, [](sqlgen_actor::pointer) -> sqlgen_actor::behavior_type {
    return {
      [](generate_atom, const sql_request& req) {
        const auto& question = req.question;
        if (question == "boom")
          throw std::runtime_error("engine bug");
        sql_plan p;
        p.sql = "SELECT 1";
        return p;
      },
    };
  });
  caf::scoped_actor self{*sys};
  auto model = model_ptr{std::make_shared<semantic_model>()};
  std::vector<std::string> out;
  for (std::string q : {"boom", "fine"})
    self->request(gen, std::chrono::seconds(30), generate_atom_v, asking(model, q))
      .receive([&](sql_plan& p) { out.push_back(p.sql); },
               [&](const caf::error&) { out.push_back("error"); });
  EXPECT_EQ(out, (std::vector<std::string>{"error", "SELECT 1"}));
  caf::anon_send_exit(gen, caf::exit_reason::user_shutdown);
}

} // namespace
} // namespace medha
