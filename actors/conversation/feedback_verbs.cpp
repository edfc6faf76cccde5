#include "actors/conversation/feedback_verbs.hpp"

#include <chrono>
#include <functional>
#include <optional>

#include <boost/json.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "messages/protocol.hpp"
#include "runtime/event_sink.hpp"
#include "runtime/logging.hpp"

namespace medha {

namespace json = boost::json;

namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void reply(manager_ptr self, const std::string& to, const std::string& wire) {
  if (!to.empty())
    self->state.deps.events->publish(to, wire);
}

void reply_error(manager_ptr self, const std::string& to, medha_error err) {
  reply(self, to, encode_error_reply(err));
}

medha_error bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

// Which answer of a conversation a request names.
struct answer_ref {
  std::string user;
  std::string conv;
  std::optional<std::string> turn_id;
  std::optional<uint64_t> message;
};

std::optional<std::string> text_of(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (v && v->is_string())
    return std::string{v->as_string()};
  return std::nullopt;
}

// {conversation, turn_id | message}: the answer a request is about.
std::variant<answer_ref, medha_error> answer_ref_of(const json::object& o, const std::string& user) {
  answer_ref ref;
  ref.user = user;
  auto conv = text_of(o, "conversation");
  if (!conv || !is_valid_token(*conv))
    return bad("\"conversation\" is required: a conversation id");
  ref.conv = *conv;
  if (auto* m = o.if_contains("message")) {
    if (!m->is_int64() || m->as_int64() < 0)
      return bad("\"message\" must be a message index (conversations.get lists them)");
    ref.message = static_cast<uint64_t>(m->as_int64());
  } else if (auto turn = text_of(o, "turn_id"); turn && is_valid_token(*turn)) {
    ref.turn_id = *turn;
  } else {
    return bad("name the answer by \"turn_id\" or by \"message\" (its index)");
  }
  return ref;
}

// The answer named, with the question it answered.
struct found_answer {
  uint64_t index = 0;
  std::string question;
  std::string sql;
  std::string data_source;
  std::string strategy;
};

std::optional<found_answer> find_answer(const std::vector<message_record>& msgs, const answer_ref& ref) {
  for (auto& m : msgs) {
    if (m.role != "assistant" || (ref.message && m.index != *ref.message)
        || (ref.turn_id && m.turn_id != *ref.turn_id))
      continue;
    found_answer out;
    out.index = m.index;
    json::error_code ec;
    auto payload = json::parse(m.payload_json, ec);
    if (!ec && payload.is_object()) {
      auto& p = payload.as_object();
      out.sql = text_of(p, "sql").value_or("");
      out.data_source = text_of(p, "data_source").value_or("");
      out.strategy = text_of(p, "strategy").value_or("");
    }
    for (auto& q : msgs)
      if (q.role == "user" && q.turn_id == m.turn_id && q.index < m.index)
        out.question = q.text;
    return out;
  }
  return std::nullopt;
}

// An answer whose (question, SQL) can stand alone as an example: SQL that
// ran, not a structural edit of the turn before (whose question is no
// question: "only 2024").
bool can_be_example(const found_answer& a) {
  return !a.sql.empty() && !a.question.empty() && !a.data_source.empty() && a.strategy != "refine";
}

example_record example_of(const answer_ref& ref, const found_answer& a, const std::string& scope) {
  return {scope, a.data_source, a.question, a.sql,
          ref.user + "/" + ref.conv + "/" + std::to_string(a.index), now_ms()};
}

using found_fn = std::function<void(const found_answer&)>;

// Loads the user's conversation and finds the answer; errors are replied.
void with_answer(manager_ptr self, const answer_ref& ref, const std::string& to, found_fn then) {
  auto timeout = self->state.deps.settings.stage_timeout;
  auto store = self->state.deps.store;
  auto failure = [self, to](const caf::error& err) {
    reply_error(self, to, {error_code::internal, caf::to_string(err)});
  };
  self->request(store, timeout, history_atom_v, ref.user, ref.conv)
      .then(
          [self, to, ref, then](std::vector<message_record>& msgs) {
            auto found = find_answer(msgs, ref);
            if (!found) {
              reply_error(self, to, {error_code::not_found,
                                     "no answer " + (ref.turn_id ? "of turn \"" + *ref.turn_id + "\""
                                                                 : std::to_string(*ref.message))
                                       + " in conversation \"" + ref.conv + "\""});
              return;
            }
            then(*found);
          },
          failure);
}

void store_example(manager_ptr self, const std::string& to, example_record ex, std::string ok_body) {
  self->request(self->state.deps.store, self->state.deps.settings.stage_timeout, example_atom_v, ex)
      .then(
          [self, to, ok_body](const store_ack& ack) {
            if (ack.error)
              reply_error(self, to, *ack.error);
            else
              reply(self, to, encode_ok_reply(ok_body));
          },
          [self, to](const caf::error& err) {
            reply_error(self, to, {error_code::internal, caf::to_string(err)});
          });
}

} // namespace

void on_feedback(manager_ptr self, const std::string& user, const std::string& body_json,
                 const std::string& to) {
  auto body = json::parse(body_json).as_object(); // checked by parse_api_request
  auto ref = answer_ref_of(body, user);
  if (auto* err = std::get_if<medha_error>(&ref)) {
    reply_error(self, to, *err);
    return;
  }
  auto rating = text_of(body, "rating");
  if (!rating || (*rating != "positive" && *rating != "negative")) {
    reply_error(self, to, bad("\"rating\" must be \"positive\" or \"negative\""));
    return;
  }
  auto comment = body.if_contains("comment");
  auto category = body.if_contains("category");
  if ((comment && !comment->is_string()) || (category && !category->is_string())) {
    reply_error(self, to, bad("\"comment\" and \"category\" must be strings"));
    return;
  }
  feedback_record f;
  f.positive = *rating == "positive";
  f.comment = text_of(body, "comment").value_or("");
  f.category = text_of(body, "category").value_or("");
  f.conv = std::get<answer_ref>(ref).conv;
  f.created_ms = now_ms();
  with_answer(self, std::get<answer_ref>(ref), to, [self, to, f, ref = std::get<answer_ref>(ref)](const found_answer& a) mutable {
    f.message = a.index;
    bool teaches = f.positive && can_be_example(a);
    self->request(self->state.deps.store, self->state.deps.settings.stage_timeout, feedback_atom_v,
                  ref.user, f)
        .then(
            [self, to, f, a, ref, teaches](const store_ack& ack) {
              if (ack.error) {
                reply_error(self, to, *ack.error);
                return;
              }
              json::object ok{{"feedback", json::object{{"message", f.message},
                                                        {"rating", f.positive ? "positive" : "negative"}}},
                              {"example", teaches}};
              if (!teaches) {
                reply(self, to, encode_ok_reply(json::serialize(ok)));
                return;
              }
              // The thumbs-up teaches this user only; everyone needs an operator.
              store_example(self, to, example_of(ref, a, ref.user), json::serialize(ok));
            },
            [self, to](const caf::error& err) {
              reply_error(self, to, {error_code::internal, caf::to_string(err)});
            });
  });
}

void on_admin(manager_ptr self, const inbound_message& msg) {
  auto& to = msg.reply;
  if (msg.data.size() > self->state.settings.max_payload_bytes) {
    reply_error(self, to, {error_code::payload_too_large, "the request is over max_payload_bytes"});
    return;
  }
  std::string verb = msg.subject.substr(std::string{"medha.admin."}.size());
  json::error_code ec;
  auto body = json::parse(msg.data.empty() ? std::string{"{}"} : msg.data, ec);
  if (ec || !body.is_object()) {
    reply_error(self, to, bad("the body must be a JSON object"));
    return;
  }
  if (verb != "examples.approve") {
    reply_error(self, to, bad("unknown operator verb \"" + verb + "\" (examples.approve)"));
    return;
  }
  auto user = text_of(body.as_object(), "user");
  if (!user || !is_valid_token(*user)) {
    reply_error(self, to, bad("\"user\" is required: the owner of the conversation"));
    return;
  }
  auto ref = answer_ref_of(body.as_object(), *user);
  if (auto* err = std::get_if<medha_error>(&ref)) {
    reply_error(self, to, *err);
    return;
  }
  with_answer(self, std::get<answer_ref>(ref), to, [self, to, ref = std::get<answer_ref>(ref)](const found_answer& a) {
    if (!can_be_example(a)) {
      reply_error(self, to, bad("that answer has no question and SQL that stand alone"));
      return;
    }
    log::info("feedback", "operator approved the SQL of " + ref.user + "/" + ref.conv + "/"
                            + std::to_string(a.index) + " for everyone");
    auto ok = json::serialize(json::object{{"example", json::object{{"question", a.question},
                                                                  {"sql", a.sql},
                                                                  {"data_source", a.data_source}}}});
    store_example(self, to, example_of(ref, a, everyone_scope), ok);
  });
}

} // namespace medha
