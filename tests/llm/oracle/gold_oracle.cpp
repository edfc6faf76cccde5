#include "tests/llm/oracle/gold_oracle.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "actors/sqlgen/llm/cache_key.hpp"
#include "runtime/client/eval_judge.hpp"

namespace medha::llm::testing {

namespace json = boost::json;

namespace {

// The user messages of a chat request, oldest first (OpenAI and Anthropic
// bodies both keep them in "messages" with string contents).
std::vector<std::string> user_messages(const recorded_request& req) {
  std::vector<std::string> out;
  json::error_code ec;
  auto v = json::parse(req.body, ec);
  auto* messages = ec || !v.is_object() ? nullptr : v.as_object().if_contains("messages");
  if (!messages || !messages->is_array())
    return out;
  for (auto& m : messages->as_array()) {
    auto* o = m.if_object();
    auto* role = o ? o->if_contains("role") : nullptr;
    auto* content = o ? o->if_contains("content") : nullptr;
    if (role && role->is_string() && role->as_string() == "user" && content && content->is_string())
      out.emplace_back(content->as_string());
  }
  return out;
}

// A user message is the question itself, or ends with "Question: <q>" when
// rows of the last answer come first.
std::string asked_in(const std::string& message) {
  static const std::string marker = "Question: ";
  auto at = message.rfind(marker);
  return at == std::string::npos ? message : message.substr(at + marker.size());
}

} // namespace

gold_oracle::gold_oracle(std::vector<client::suite_case> suites) : cases_(std::move(suites)) {}

oracle_answer gold_oracle::answer(const recorded_request& req) const {
  auto messages = user_messages(req);
  std::vector<std::string> keys;
  for (auto& m : messages)
    keys.push_back(normalised_question(asked_in(m)));
  for (size_t i = keys.size(); i-- > 0;) {
    const client::suite_turn* best = nullptr;
    int best_score = -1;
    for (auto& c : cases_)
      for (size_t t = 0; t < c.turns.size(); ++t) {
        if (normalised_question(c.turns[t].question) != keys[i])
          continue;
        // Earlier questions of the same conversation seen in the history.
        int score = 0;
        for (size_t e = 0; e < t; ++e)
          score += std::count(keys.begin(), keys.begin() + static_cast<long>(i),
                              normalised_question(c.turns[e].question)) > 0;
        if (score > best_score) {
          best = &c.turns[t];
          best_score = score;
        }
      }
    if (!best)
      continue;
    auto golds = client::expand_gold(best->gold);
    if (golds.empty())
      return {oracle_answer::kind::unanswerable, {}, best->question};
    return {oracle_answer::kind::gold, golds.front(), best->question};
  }
  return {};
}

scripted_reply gold_oracle::reply(const recorded_request& req) const {
  // An answer's sentence (a source sharing its data): what the rows say.
  if (asks_for_answer_sentence(req))
    return word_the_first_row(req);
  auto found = answer(req);
  switch (found.what) {
    case oracle_answer::kind::gold:
      return reply_as_asked(req, "```sql\n" + found.text + "\n```");
    case oracle_answer::kind::unanswerable:
      return reply_as_asked(req, "The data cannot answer that. Could you ask about what the tables hold?");
    case oracle_answer::kind::unknown:
      break;
  }
  return reply_as_asked(req, "I do not know this question. Could you ask it another way?");
}

} // namespace medha::llm::testing
