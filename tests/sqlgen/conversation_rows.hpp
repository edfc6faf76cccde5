#pragma once

// A conversation as rows: each turn's question and what its SQL must (and must
// not) contain; an empty `contains` means the engine must ask, not answer.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "actors/sqlgen/embedded_engine.hpp"
#include "tests/sqlgen/plan_matchers.hpp"

namespace medha::sqlgen::testing {

inline void converse(const semantic_model& model, const std::vector<sql_row>& turns) {
  std::string previous;
  for (auto& t : turns) {
    auto plan = generate(model, t.question, previous);
    if (t.contains.empty()) {
      EXPECT_NE(plan.outcome, plan_outcome::answer) << t.question << "\n  answered: " << plan.sql;
      continue;
    }
    EXPECT_EQ(check(plan, t), "") << "turn: " << t.question;
    previous = plan.query_json;
  }
}

} // namespace medha::sqlgen::testing
