// Which data source a turn uses (discovery, a pick, the conversation's) and
// its model.

#include "actors/conversation/turn_steps.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/schema_questions.hpp"
#include "runtime/logging.hpp"

namespace medha::conv {

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n.!?");
  if (b == std::string::npos)
    return {};
  auto e = s.find_last_not_of(" \t\r\n.!?");
  return s.substr(b, e - b + 1);
}

} // namespace

void use_model(self_ptr self, model_ptr model) {
  auto& st = self->state;
  auto& turn = *st.turn;
  turn.model = std::move(model);
  // Before any pruning: a query may read every table of the source's model.
  turn.relations = relations_of(*turn.model);
  // A follow-up must not edit a query built on a schema that has changed.
  if (st.carried.schema_version != 0 && st.carried.schema_version != turn.model->schema_version) {
    st.carried.last_query_json.clear();
    st.carried.last_sql.clear();
  }
  stage_done(self, "context");
  publish(self, step_kind::context, step_status::done,
          context_payload(turn.source, turn.model->tables.size(), turn.model->schema_version,
                          turn.model->metrics.size(), turn.model->cache));
  // A question about the data itself ("which tables do I have?") needs the
  // whole catalog, not the tables it happens to name.
  if (turn.model->tables.size() <= st.deps.settings.prune_above_tables
      || sqlgen::answer_schema_question(*turn.model, turn.question)) {
    generate(self);
  } else if (turn.discovery) {
    prune_and_generate(self, *turn.discovery);
  } else {
    ask_stage<discovery_result>(
        self, st.deps.discovery, "discovery", st.deps.settings.timeouts.discovery,
        [self](discovery_result& r) { prune_and_generate(self, r); }, rank_atom_v, turn.question);
  }
}

void load_context(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::context, step_status::started, context_started_payload(turn.source));
  if (turn.req.refinement_json.empty())
    fetch_examples(self);
  ask_stage<model_reply>(
      self, self->state.deps.context, "context", self->state.deps.settings.timeouts.context,
      [self](model_reply& reply) {
        if (reply.error) {
          fail(self, *reply.error);
          return;
        }
        use_model(self, std::move(reply.model));
      },
      model_atom_v, turn.source);
}

void select_source(self_ptr self, const std::string& source) {
  auto& st = self->state;
  st.turn->source = source;
  st.record.data_source = source;
  st.carried.source_choices.clear();
  st.carried.pending_question.clear();
}

void discover(self_ptr self) {
  auto& turn = *self->state.turn;
  publish(self, step_kind::discovery, step_status::started);
  ask_stage<discovery_result>(
      self, self->state.deps.discovery, "discovery", self->state.deps.settings.timeouts.discovery,
      [self](discovery_result& result) {
        auto& st = self->state;
        auto& turn = *st.turn;
        stage_done(self, "discovery");
        // Sources the owner is not granted are never shown nor chosen.
        auto& grants = st.deps.grants;
        auto& user = st.record.user;
        bool top_granted = !result.sources.empty()
                           && grants.allows(user, result.sources.front().data_source);
        result.sources.erase(std::remove_if(result.sources.begin(), result.sources.end(),
                                            [&](const source_match& m) {
                                              return !grants.allows(user, m.data_source);
                                            }),
                             result.sources.end());
        result.clear_winner = result.clear_winner && top_granted;
        turn.discovery = result;
        if (!result.sources.empty() && result.clear_winner) {
          select_source(self, result.sources.front().data_source);
          publish(self, step_kind::discovery, step_status::done,
                  discovery_payload(result, turn.source, "clear winner"));
          load_context(self);
          return;
        }
        publish(self, step_kind::discovery, step_status::done,
                discovery_payload(result, "", "ask the user"));
        if (result.sources.empty()) {
          // Nothing matched: offer every registered source.
          for (auto& name : st.deps.grants.granted(st.record.user, st.deps.data_sources))
            result.sources.push_back(source_match{name, "", 0, {}, {}});
        }
        st.carried.source_choices.clear();
        for (auto& s : result.sources)
          st.carried.source_choices.push_back(s.data_source);
        st.carried.pending_question = turn.question;
        std::string text = "Which data source should I use? Reply with its name or number.";
        auto payload = source_clarify_payload(text, result);
        finish(self, step_kind::clarify, step_status::done, text, payload);
      },
      rank_atom_v, turn.question);
}

bool is_registered(self_ptr self, const std::string& source) {
  auto& names = self->state.deps.data_sources;
  return std::find(names.begin(), names.end(), source) != names.end();
}

// Why the conversation's owner may not use a source, if they may not.
std::optional<medha_error> source_refusal(self_ptr self, const std::string& source) {
  if (!is_registered(self, source))
    return medha_error{error_code::not_found, "there is no data source named \"" + source + "\""};
  auto& user = self->state.record.user;
  if (!self->state.deps.grants.allows(user, source)) {
    log::warn("conversation", "refused data source " + source + " to user " + user);
    return medha_error{error_code::forbidden,
                       "you are not granted the data source \"" + source + "\""};
  }
  return std::nullopt;
}

// A reply to a "which data source?" clarify: a name or a number.
std::optional<std::string> picked_source(const carried_context& carried, const std::string& text) {
  auto answer = lower(trim(text));
  for (size_t i = 0; i < carried.source_choices.size(); ++i) {
    if (answer == lower(carried.source_choices[i]) || answer == std::to_string(i + 1) ||
        answer == "use " + lower(carried.source_choices[i]))
      return carried.source_choices[i];
  }
  return std::nullopt;
}

// Decides the data source of the turn, then starts the first stage.
void route(self_ptr self) {
  auto& st = self->state;
  auto& turn = *st.turn;
  turn.question = turn.req.text;
  if (!turn.req.refinement_json.empty()) {
    if (st.record.data_source.empty() || st.carried.last_sql.empty()) {
      fail(self, {error_code::not_found, "this conversation has no answered query to refine yet"});
      return;
    }
    if (auto refused = source_refusal(self, st.record.data_source)) {
      fail(self, *refused);
      return;
    }
    turn.source = st.record.data_source;
    load_context(self);
    return;
  }
  if (!st.carried.source_choices.empty()) {
    if (auto pick = picked_source(st.carried, turn.req.text)) {
      turn.question =
          st.carried.pending_question.empty() ? turn.req.text : st.carried.pending_question;
      select_source(self, *pick);
      load_context(self);
      return;
    }
  }
  if (turn.req.data_source) {
    if (auto refused = source_refusal(self, *turn.req.data_source)) {
      fail(self, *refused);
      return;
    }
    select_source(self, *turn.req.data_source);
    load_context(self);
    return;
  }
  if (!st.record.data_source.empty()) {
    // Grants may have changed since the source was chosen.
    if (auto refused = source_refusal(self, st.record.data_source)) {
      fail(self, *refused);
      return;
    }
    turn.source = st.record.data_source;
    load_context(self);
    return;
  }
  if (st.deps.data_sources.empty()) {
    fail(self, {error_code::no_data_source, "no data source is registered with this worker"});
    return;
  }
  if (st.deps.grants.granted(st.record.user, st.deps.data_sources).empty()) {
    fail(self, {error_code::forbidden, "you are not granted any data source"});
    return;
  }
  discover(self);
}

} // namespace medha::conv
