#include "actors/conversation/manager_actor.hpp"

#include <algorithm>
#include <random>

#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/conversation/api_payloads.hpp"
#include "actors/conversation/feedback_verbs.hpp"
#include "actors/conversation/llm_choice.hpp"
#include "actors/conversation/sql_run_verb.hpp"
#include "actors/conversation/turn_admission.hpp"
#include "actors/conversation/turn_payloads.hpp"
#include "actors/refine/refine_sql.hpp"
#include "runtime/event_sink.hpp"
#include "runtime/logging.hpp"
#include "runtime/turn_acks.hpp"

namespace medha {

namespace {

using self_ptr = manager_actor::stateful_pointer<manager_state>;
using conv_key = std::pair<std::string, std::string>;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string new_conversation_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[20];
  std::snprintf(buf, sizeof(buf), "c%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

void reply(self_ptr self, const std::string& to, const std::string& body) {
  if (!to.empty())
    self->state.deps.events->publish(to, body);
}

void reply_error(self_ptr self, const std::string& to, const medha_error& err) {
  reply(self, to, encode_error_reply(err));
}

void reply_ok(self_ptr self, const std::string& to, const std::string& body) {
  reply(self, to, encode_ok_reply(body));
}

// Reply handlers shared by the API verbs.
auto on_ack(self_ptr self, std::string to, std::string ok_body = "{}") {
  return [self, to, ok_body](const store_ack& ack) {
    if (ack.error)
      reply_error(self, to, *ack.error);
    else
      reply_ok(self, to, ok_body);
  };
}

auto on_failure(self_ptr self, std::string to) {
  return [self, to](const caf::error& err) {
    reply_error(self, to, {error_code::internal, caf::to_string(err)});
  };
}

// A turn that fails before reaching its conversation: one error event, and
// the turn (from the stream) is done with.
void reject_turn(self_ptr self, const std::string& user, const std::string& conv,
                 const std::string& turn_id, const std::string& reply_to, const medha_error& err,
                 uint64_t delivery) {
  step_event ev;
  ev.conv = conv;
  ev.turn_id = turn_id;
  ev.seq = 1;
  ev.step = step_kind::error;
  ev.status = step_status::failed;
  ev.data_json = error_data(err);
  auto wire = encode_step_event(ev);
  if (is_valid_token(user) && is_valid_token(conv))
    self->state.deps.events->publish(events_subject(user, conv), wire);
  reply(self, reply_to, wire);
  if (delivery != 0 && self->state.deps.acks)
    self->state.deps.acks->ack(delivery);
}

// Tells the statistics how many conversation actors are in memory (the
// metrics endpoint reads it from its own thread).
void note_live(self_ptr self) {
  if (self->state.settings.stats)
    self->state.settings.stats->set_live_conversations(self->state.live.size());
}

conversation_actor spawn_conversation(self_ptr self, conversation_record rec) {
  conv_key key{rec.user, rec.id};
  auto handle = self->spawn(conversation, self->state.deps, std::move(rec));
  // A conversation actor that dies must not keep its slot: the next turn
  // reloads it from the store instead of going to a dead handle.
  self->monitor(handle);
  self->state.live[key] = live_conversation{handle, 0};
  note_live(self);
  return handle;
}

// The handle to send one message to, counted for the eviction handshake.
// Every message the manager sends a conversation goes through here.
conversation_actor route_to(self_ptr self, const conv_key& key) {
  auto& entry = self->state.live.at(key);
  entry.sent += 1;
  return entry.handle;
}

// The store is keyed by (user, conversation), so a record of another owner
// under this user's key is a bug; refuse it all the same, and say so.
bool owned_by(const conversation_record& rec, const std::string& user) {
  if (rec.user == user)
    return true;
  log::warn("manager", "refused user " + user + " access to conversation " + rec.id
                           + " owned by another user");
  return false;
}

// Runs `then` with the live actor of a conversation the user owns, loading
// it from the store first; replies not_found otherwise. `then` sends the actor
// one message (counted for the eviction handshake), unless `sends` is false.
template <class F>
void with_conversation(self_ptr self, const std::string& user, const std::string& conv,
                       const std::string& reply_to, F then, bool sends = true) {
  conv_key key{user, conv};
  auto handle_of = [self, sends](const conv_key& k) {
    return sends ? route_to(self, k) : self->state.live.at(k).handle;
  };
  if (self->state.live.count(key)) {
    then(handle_of(key));
    return;
  }
  self->request(self->state.deps.store, self->state.deps.settings.stage_timeout, load_atom_v, user,
                conv)
      .then(
          [self, key, reply_to, then, handle_of](conversation_lookup& found) mutable {
            if (self->state.live.count(key)) {
              then(handle_of(key)); // loaded meanwhile by another request
              return;
            }
            if (!found.found || !owned_by(found.record, key.first)) {
              reply_error(self, reply_to,
                          {error_code::not_found, "no conversation \"" + key.second + "\""});
              return;
            }
            spawn_conversation(self, std::move(found.record));
            then(handle_of(key));
          },
          [self, reply_to](const caf::error& err) {
            reply_error(self, reply_to,
                        {error_code::internal, "store unavailable: " + caf::to_string(err)});
          });
}

// Why `user` may not use a data source (unknown, or not granted), if so.
std::optional<medha_error> source_refusal(self_ptr self, const std::string& user,
                                          const std::string& source) {
  auto& st = self->state;
  if (std::none_of(st.sources.begin(), st.sources.end(),
                   [&](const data_source& s) { return s.name == source; }))
    return medha_error{error_code::not_found, "there is no data source named \"" + source + "\""};
  if (!st.deps.grants.allows(user, source)) {
    log::warn("manager", "refused data source " + source + " to user " + user);
    return medha_error{error_code::forbidden,
                       "you are not granted the data source \"" + source + "\""};
  }
  return std::nullopt;
}

void route_turn(self_ptr self, turn_request req);

void on_turn(self_ptr self, const inbound_message& msg) {
  auto parsed = parse_turn(msg.subject, msg.data, self->state.settings.max_payload_bytes);
  if (auto* err = std::get_if<medha_error>(&parsed)) {
    auto tokens = split_subject(msg.subject);
    std::string user = tokens.size() == 4 ? std::string{tokens[2]} : "";
    std::string conv = tokens.size() == 4 ? std::string{tokens[3]} : "";
    reject_turn(self, user, conv, "", msg.reply, *err, msg.delivery);
    return;
  }
  auto req = std::get<turn_request>(std::move(parsed));
  req.reply_to = msg.reply;
  req.delivery = msg.delivery;
  req.deliveries = msg.deliveries;
  // Named by its place in the stream, a turn keeps its id when it is taken again.
  if (req.turn_id.empty() && msg.stream_seq != 0)
    req.turn_id = "s" + std::to_string(msg.stream_seq);
  if (self->state.draining) {
    if (req.delivery != 0 && self->state.deps.acks) {
      self->state.deps.acks->release(req.delivery, std::chrono::milliseconds(0));
      return; // another worker takes it
    }
    reject_turn(self, req.user, req.conv, req.turn_id, req.reply_to,
                {error_code::busy, "this worker is shutting down; send the turn again"}, 0);
    return;
  }
  self->state.turns_received += 1;
  // Says which worker took which turn (tests of several workers read it).
  log::debug("manager", "turn " + req.turn_id + " of " + req.user + "/" + req.conv);
  // A shared store counts the turn against the user's limits as it starts,
  // in the same round trip as its other reads and writes there.
  if (self->state.deps.settings.shared_store) {
    route_turn(self, std::move(req));
    return;
  }
  conv_key key{req.user, req.conv};
  admit_turn(self, key, [self, req = std::move(req)](std::optional<medha_error> refused) mutable {
    req.admitted = !refused;
    if (refused) {
      log::info("manager", "rate limited user " + req.user + ": " + refused->message);
      reject_turn(self, req.user, req.conv, req.turn_id, req.reply_to, *refused, req.delivery);
      return;
    }
    route_turn(self, std::move(req));
  });
}

// An admitted turn to its conversation actor, loading it from the store first.
void route_turn(self_ptr self, turn_request req) {
  conv_key key{req.user, req.conv};
  if (self->state.live.count(key)) {
    self->send(route_to(self, key), std::move(req));
    return;
  }
  // Keep turns in arrival order while the conversation loads.
  auto& pending = self->state.loading[key];
  pending.push_back(std::move(req));
  if (pending.size() > 1)
    return;
  self->request(self->state.deps.store, self->state.deps.settings.stage_timeout, load_atom_v,
                key.first, key.second)
      .then(
          [self, key](conversation_lookup& found) {
            auto turns = std::move(self->state.loading[key]);
            self->state.loading.erase(key);
            if (!found.found || !owned_by(found.record, key.first)) {
              for (auto& t : turns) {
                if (t.admitted)
                  release_turn(self, key);
                reject_turn(self, t.user, t.conv, t.turn_id, t.reply_to,
                            {error_code::not_found, "no conversation \"" + t.conv +
                                                        "\"; create one with medha.api." + t.user +
                                                        ".conversations.create"},
                            t.delivery);
              }
              return;
            }
            spawn_conversation(self, std::move(found.record));
            for (auto& t : turns)
              self->send(route_to(self, key), std::move(t));
          },
          [self, key](const caf::error& err) {
            auto turns = std::move(self->state.loading[key]);
            self->state.loading.erase(key);
            for (auto& t : turns) {
              if (t.admitted)
                release_turn(self, key);
              reject_turn(self, t.user, t.conv, t.turn_id, t.reply_to,
                          {error_code::internal, "store unavailable: " + caf::to_string(err)},
                          t.delivery);
            }
          });
}

std::string health_body(self_ptr self) {
  auto& st = self->state;
  worker_health h;
  h.worker = st.settings.worker_name;
  h.nats_connected = st.deps.events->connected();
  h.data_sources = st.sources.size();
  h.live_conversations = st.live.size();
  h.turns_received = st.turns_received;
  h.uptime_s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                st.started)
                   .count();
  return health_reply(h);
}

void on_api(self_ptr self, const inbound_message& msg) {
  auto parsed = parse_api_request(msg.subject, msg.data, self->state.settings.max_payload_bytes);
  if (auto* err = std::get_if<medha_error>(&parsed)) {
    reply_error(self, msg.reply, *err);
    return;
  }
  auto req = std::get<api_request>(std::move(parsed));
  auto to = msg.reply;
  auto& st = self->state;
  auto conv_field = [&](bool required) -> body_field {
    auto f = string_field(req.body_json, "conversation", true);
    if (!f.error && !f.value && required)
      f.error = medha_error{error_code::bad_request, "\"conversation\" is required"};
    return f;
  };
  auto timeout = st.deps.settings.stage_timeout;
  auto user = req.user;
  if (req.verb == "health") {
    reply_ok(self, to, health_body(self));
  } else if (req.verb == "stats") {
    if (!st.settings.stats)
      reply_error(self, to, {error_code::not_found, "this worker keeps no statistics"});
    else
      reply_ok(self, to, st.settings.stats->snapshot_json(st.live.size()));
  } else if (req.verb == "conversations.create") {
    auto title = string_field(req.body_json, "title", false);
    auto source = string_field(req.body_json, "data_source", true);
    if (title.error || source.error) {
      reply_error(self, to, title.error ? *title.error : *source.error);
      return;
    }
    if (source.value) {
      if (auto refused = source_refusal(self, user, *source.value)) {
        reply_error(self, to, *refused);
        return;
      }
    }
    auto llm = llm_choice_of(req.body_json, st.settings.llm_offered);
    if (llm.error) {
      reply_error(self, to, *llm.error);
      return;
    }
    conversation_record rec;
    rec.id = new_conversation_id();
    rec.user = user;
    rec.title = title.value.value_or("");
    rec.data_source = source.value.value_or("");
    rec.created_ms = rec.updated_ms = now_ms();
    if (llm.choice) {
      carried_context carried;
      carried.llm_provider = llm.choice->provider;
      carried.llm_model = llm.choice->model;
      rec.state_json = encode_carried_context(carried);
    }
    self->request(st.deps.store, timeout, save_atom_v, rec)
        .then(on_ack(self, to, conversation_reply(rec)), on_failure(self, to));
  } else if (req.verb == "conversations.list") {
    self->request(st.deps.store, timeout, list_atom_v, user)
        .then(
            [self, to](std::vector<conversation_record>& recs) {
              reply_ok(self, to, conversation_list_reply(recs));
            },
            on_failure(self, to));
  } else if (req.verb == "conversations.get") {
    auto conv = conv_field(true);
    if (conv.error) {
      reply_error(self, to, *conv.error);
      return;
    }
    auto id = *conv.value;
    self->request(st.deps.store, timeout, load_atom_v, user, id)
        .then(
            [self, to, user, id, timeout](conversation_lookup& found) {
              if (!found.found || !owned_by(found.record, user)) {
                reply_error(self, to, {error_code::not_found, "no conversation \"" + id + "\""});
                return;
              }
              self->request(self->state.deps.store, timeout, history_atom_v, user, id)
                  .then(
                      [self, to, user, id, timeout, rec = found.record](std::vector<message_record>& msgs) {
                        self->request(self->state.deps.store, timeout, feedback_atom_v, user, id)
                            .then(
                                [self, to, rec, msgs](std::vector<feedback_record>& feedback) {
                                  reply_ok(self, to, conversation_history_reply(rec, msgs, feedback));
                                },
                                on_failure(self, to));
                      },
                      on_failure(self, to));
            },
            on_failure(self, to));
  } else if (req.verb == "conversations.rename") {
    auto conv = conv_field(true);
    auto title = string_field(req.body_json, "title", false);
    if (conv.error || title.error || !title.value) {
      reply_error(self, to,
                  conv.error    ? *conv.error
                  : title.error ? *title.error
                                : medha_error{error_code::bad_request, "\"title\" is required"});
      return;
    }
    with_conversation(self, user, *conv.value, to,
                      [self, to, title = *title.value, timeout](const conversation_actor& handle) {
                        self->request(handle, timeout, rename_atom_v, title)
                            .then(on_ack(self, to), on_failure(self, to));
                      });
  } else if (req.verb == "conversations.delete") {
    auto conv = conv_field(true);
    if (conv.error) {
      reply_error(self, to, *conv.error);
      return;
    }
    conv_key key{user, *conv.value};
    if (auto i = st.live.find(key); i != st.live.end()) {
      self->send_exit(i->second.handle, caf::exit_reason::user_shutdown);
      st.live.erase(i);
      note_live(self);
    }
    self->request(st.deps.store, timeout, delete_atom_v, user, *conv.value)
        .then(on_ack(self, to), on_failure(self, to));
  } else if (req.verb == "datasource.list" || req.verb == "datasources.list") {
    std::vector<data_source> visible;
    for (auto& s : st.sources)
      if (st.deps.grants.allows(user, s.name))
        visible.push_back(s);
    reply_ok(self, to, data_source_list_reply(visible));
  } else if (req.verb == "datasource.select") {
    auto conv = conv_field(true);
    auto source = string_field(req.body_json, "data_source", true);
    if (conv.error || source.error || !source.value) {
      reply_error(self, to,
                  conv.error ? *conv.error
                  : source.error
                      ? *source.error
                      : medha_error{error_code::bad_request, "\"data_source\" is required"});
      return;
    }
    with_conversation(
        self, user, *conv.value, to,
        [self, to, source = *source.value, timeout](const conversation_actor& handle) {
          self->request(handle, timeout, select_atom_v, source)
              .then(on_ack(self, to, data_source_reply(source)), on_failure(self, to));
        });
  } else if (req.verb == "conversations.set_llm") {
    auto conv = conv_field(true);
    auto llm = llm_choice_of(req.body_json, st.settings.llm_offered);
    if (conv.error || llm.error || !llm.choice) {
      reply_error(self, to,
                  conv.error  ? *conv.error
                  : llm.error ? *llm.error
                              : medha_error{error_code::bad_request, "\"llm\" is required"});
      return;
    }
    with_conversation(self, user, *conv.value, to,
                      [self, to, choice = *llm.choice, timeout](const conversation_actor& handle) {
                        self->request(handle, timeout, llm_atom_v, choice.provider, choice.model)
                            .then(on_ack(self, to, llm_choice_reply(choice)),
                                  on_failure(self, to));
                      });
  } else if (req.verb == "feedback") {
    on_feedback(self, user, req.body_json, to);
  } else if (req.verb == "discover") {
    auto question = string_field(req.body_json, "question", false);
    if (question.error || !question.value) {
      reply_error(self, to,
                  question.error
                      ? *question.error
                      : medha_error{error_code::bad_request, "\"question\" is required"});
      return;
    }
    self->request(st.deps.discovery, timeout, rank_atom_v, *question.value)
        .then(
            [self, to, user](discovery_result& r) {
              auto& grants = self->state.deps.grants;
              bool top_granted = !r.sources.empty()
                                 && grants.allows(user, r.sources.front().data_source);
              r.sources.erase(std::remove_if(r.sources.begin(), r.sources.end(),
                                             [&](const source_match& m) {
                                               return !grants.allows(user, m.data_source);
                                             }),
                              r.sources.end());
              r.clear_winner = r.clear_winner && top_granted;
              reply_ok(self, to, discovery_payload(r, "", "ranked"));
            },
              on_failure(self, to));
  } else if (req.verb == "datasource.refresh") {
    auto source = string_field(req.body_json, "data_source", true);
    if (source.error || !source.value) {
      reply_error(self, to,
                  source.error
                      ? *source.error
                      : medha_error{error_code::bad_request, "\"data_source\" is required"});
      return;
    }
    if (auto refused = source_refusal(self, user, *source.value)) {
      reply_error(self, to, *refused);
      return;
    }
    self->request(st.deps.context, st.deps.settings.timeouts.context, refresh_atom_v, *source.value)
        .then(
            [self, to](model_reply& reply) {
              if (reply.error)
                reply_error(self, to, *reply.error);
              else
                reply_ok(self, to,
                         context_payload(reply.model->data_source, reply.model->tables.size(),
                                         reply.model->schema_version, reply.model->metrics.size()));
            },
            on_failure(self, to));
  } else if (req.verb == "refine") {
    // Checked here so a malformed edit is refused before it becomes a turn;
    // the answer streams as the turn's events, like a question's.
    auto conv = conv_field(true);
    if (conv.error) {
      reply_error(self, to, *conv.error);
      return;
    }
    auto parsed_edit = parse_refinement(req.body_json);
    if (auto* err = std::get_if<medha_error>(&parsed_edit)) {
      reply_error(self, to, *err);
      return;
    }
    auto turn_id = string_field(req.body_json, "turn_id", true);
    turn_request t;
    t.user = user;
    t.conv = *conv.value;
    t.turn_id = turn_id.value.value_or(new_conversation_id());
    t.text = std::string{"refine: "} + to_string(std::get<refinement>(parsed_edit).op);
    t.refinement_json = req.body_json;
    t.admitted = true; // here, so that a refused edit is this call's error
    with_conversation(self, user, t.conv, to, [self, to, t](const conversation_actor&) {
      admit_turn(self, {t.user, t.conv}, [self, to, t](std::optional<medha_error> refused) {
        if (refused) {
          reply_error(self, to, *refused);
          return;
        }
        // Through the routing table (which counts what it sends): the actor
        // may have been evicted while the store admitted the turn.
        route_turn(self, t);
        reply_ok(self, to, turn_id_reply(t.turn_id));
      });
    }, false);
  } else if (req.verb == "sql.run") {
    auto call = decode_sql_run(req.body_json);
    if (auto* err = std::get_if<medha_error>(&call)) {
      reply_error(self, to, *err);
      return;
    }
    auto run = std::get<sql_run_request>(std::move(call));
    if (auto refused = source_refusal(self, user, run.data_source)) {
      reply_error(self, to, *refused);
      return;
    }
    // A statement counts as a turn against the user's limits; "#" is never
    // in a conversation id, so this key is no conversation's.
    conv_key key{user, "#sql.run"};
    admit_turn(self, key, [self, to, key, run = std::move(run)](std::optional<medha_error> limited) mutable {
      if (limited) {
        log::info("manager", "rate limited user " + key.first + ": " + limited->message);
        reply_error(self, to, *limited);
        return;
      }
      run_user_sql(self, key.first, std::move(run), [self, to, key](const std::string& body) {
        release_turn(self, key);
        reply(self, to, body);
      });
    });
  } else if (req.verb == "cancel") {
    auto conv = conv_field(true);
    if (conv.error) {
      reply_error(self, to, *conv.error);
      return;
    }
    conv_key key{user, *conv.value};
    if (st.live.count(key))
      self->send(route_to(self, key), cancel_atom_v);
    reply_ok(self, to, "{}");
  } else {
    reply_error(self, to, {error_code::bad_request, "unknown API verb \"" + req.verb + "\""});
  }
}

} // namespace

manager_actor::behavior_type manager(manager_actor::stateful_pointer<manager_state> self,
                                     conversation_deps deps, manager_settings settings,
                                     std::vector<data_source> sources) {
  auto& st = self->state;
  st.deps = std::move(deps);
  st.deps.manager = caf::actor_cast<manager_actor>(self);
  st.settings = std::move(settings);
  st.limiter = turn_limiter{st.settings.turns_per_minute, st.settings.concurrent_turns_per_user};
  st.deps.settings.turns_per_minute = st.settings.turns_per_minute;
  st.deps.settings.concurrent_turns_per_user = st.settings.concurrent_turns_per_user;
  st.sources = std::move(sources);
  st.deps.data_sources.clear();
  for (auto& s : st.sources)
    st.deps.data_sources.push_back(s.name);
  // Conversations are not linked (one crashing must not take the manager
  // down), so the manager ends them itself when it is told to stop.
  self->set_exit_handler([self](const caf::exit_msg& msg) {
    for (auto& [key, entry] : self->state.live)
      self->send_exit(entry.handle, msg.reason);
    self->state.live.clear();
    self->quit(msg.reason);
  });
  self->set_down_handler([self](const caf::down_msg& down) {
    auto& live = self->state.live;
    for (auto i = live.begin(); i != live.end(); ++i)
      if (i->second.handle.address() == down.source) {
        self->state.limiter.forget(i->first);
        live.erase(i);
        note_live(self);
        break;
      }
  });
  self->send(self, tick_atom_v);
  return {
      [self](inbound_message& msg) {
        if (msg.subject.rfind("medha.turn.", 0) == 0)
          on_turn(self, msg);
        else if (msg.subject.rfind("medha.admin.", 0) == 0)
          on_admin(self, msg);
        else
          on_api(self, msg);
      },
      [self](evicted_atom, const std::string& user, const std::string& conv,
             uint64_t received) -> bool {
        auto& live = self->state.live;
        auto i = live.find({user, conv});
        // Not (or no longer) the actor we route to: nothing more comes its way.
        if (i == live.end() || i->second.handle.address() != self->current_sender())
          return true;
        if (received != i->second.sent)
          return false; // a turn is on its way to it: it must stay
        live.erase(i);
        note_live(self);
        return true;
      },
      [self](drain_atom) -> caf::result<bool> {
        auto& st = self->state;
        st.draining = true;
        if (st.live.empty())
          return true;
        auto rp = self->make_response_promise<bool>();
        auto left = std::make_shared<size_t>(st.live.size());
        for (auto& [key, entry] : st.live)
          self->request(entry.handle, caf::infinite, drain_atom_v)
              .then(
                  [rp, left](bool) mutable {
                    if (--*left == 0)
                      rp.deliver(true);
                  },
                  [rp, left](const caf::error&) mutable {
                    if (--*left == 0)
                      rp.deliver(true);
                  });
        return rp;
      },
      [self](turn_ended_atom, const std::string& user, const std::string& conv) {
        release_turn(self, {user, conv});
      },
      [self](tick_atom) {
        auto ttl = std::chrono::duration_cast<std::chrono::milliseconds>(
            self->state.settings.conversation_ttl);
        self->request(self->state.deps.store, self->state.deps.settings.stage_timeout,
                      expire_atom_v, now_ms(), static_cast<int64_t>(ttl.count()))
            .then(
                [](uint64_t n) {
                  if (n > 0)
                    log::info("manager", "expired " + std::to_string(n) + " idle conversations");
                },
                [](const caf::error&) {});
        self->delayed_send(self, self->state.settings.expiry_interval, tick_atom_v);
      },
  };
}

} // namespace medha
