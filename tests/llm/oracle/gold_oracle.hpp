#pragma once

// A model that always answers correctly, for measuring everything around the
// model (routing, prompt, parsing, guard, execution): it knows a suite's
// questions and their gold SQL, finds the turn's question in a request, and
// answers with that SQL as the OpenAI chat-completions protocol does.

#include <cstddef>
#include <string>
#include <vector>

#include "runtime/client/eval_suite.hpp"
#include "tests/support/fake_llm_server.hpp"

namespace medha::llm::testing {

/// What the oracle found for one request.
struct oracle_answer {
  enum class kind {
    gold,       // the question is the suite's and has gold SQL: `text` is that SQL
    unanswerable, // the suite's, with empty gold (the data cannot answer it)
    unknown,    // no suite question in the request
  };
  kind what = kind::unknown;
  std::string text;
  std::string question; // the suite's question it matched
};

class gold_oracle {
public:
  explicit gold_oracle(std::vector<client::suite_case> suites);

  /// Finds the question in the request's user messages, the last first (a
  /// correction's last message is the error, the question comes before).
  /// A question asked in several conversations is told apart by the earlier
  /// questions the request carries as history.
  oracle_answer answer(const recorded_request& req) const;

  /// The reply in the protocol the request used: the gold SQL in a ```sql
  /// fence, else one question back (which Medha shows as a clarify); to a
  /// request for an answer's sentence, the first row it was shown.
  scripted_reply reply(const recorded_request& req) const;

private:
  std::vector<client::suite_case> cases_;
};

} // namespace medha::llm::testing
