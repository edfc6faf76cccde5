#include "actors/context/context_actor.hpp"

#include <map>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/context/load_model.hpp"
#include "runtime/logging.hpp"

namespace medha {

namespace {

using introspector_actor = caf::typed_actor<caf::replies_to<model_atom, std::string>::with<model_reply>>;

// Blocking: connects, reads the catalogs (or takes the shared model), ends.
introspector_actor::behavior_type introspector(introspector_actor::pointer self, data_source src,
                                              bool reuse) {
  return {
    [self, src, reuse](model_atom, const std::string&) {
      self->quit();
      return load_model(src, reuse);
    },
  };
}

struct context_state {
  std::map<std::string, data_source> sources;
  std::map<std::string, model_ptr> models;
  std::map<std::string, std::vector<caf::typed_response_promise<model_reply>>> waiting;
  discovery_actor discovery;
  std::chrono::seconds refresh_interval{600};
  static inline const char* name = "context";
};

using self_ptr = context_actor::stateful_pointer<context_state>;

void deliver(self_ptr self, const std::string& name, const model_reply& reply) {
  auto waiters = std::move(self->state.waiting[name]);
  self->state.waiting.erase(name);
  for (auto& rp : waiters)
    rp.deliver(reply);
}

// Starts one introspection of a source unless one is already running;
// `reuse`: a model another worker built for the same structure will do.
void load(self_ptr self, const std::string& name, bool reuse = true) {
  if (self->state.waiting.count(name))
    return;
  self->state.waiting[name];
  auto worker = self->spawn<caf::detached>(introspector, self->state.sources[name], reuse);
  self->request(worker, std::chrono::seconds(120), model_atom_v, name)
    .then(
      [self, name](model_reply& reply) {
        if (reply.model) {
          auto& old = self->state.models[name];
          if (!old || old->schema_version != reply.model->schema_version) {
            log::info("context", name + ": " + std::to_string(reply.model->tables.size())
                                   + " tables, schema version "
                                   + std::to_string(reply.model->schema_version)
                                   + (reply.model->cache == "hit" ? " (from the shared cache)" : ""));
            self->send(self->state.discovery, add_atom_v, reply.model);
          }
          old = reply.model;
        } else if (reply.error) {
          log::warn("context", name + ": " + reply.error->message);
        }
        deliver(self, name, reply);
      },
      [self, name](const caf::error& err) {
        deliver(self, name, model_reply{nullptr, medha_error{error_code::datasource_unavailable,
                                                             "introspecting " + name + " failed: "
                                                               + caf::to_string(err)}});
      });
}

context_actor::behavior_type context_behavior(self_ptr self, std::vector<data_source> sources,
                                              discovery_actor discovery, std::vector<model_ptr> saved,
                                              std::chrono::seconds refresh_interval) {
  self->state.discovery = std::move(discovery);
  self->state.refresh_interval = refresh_interval;
  for (auto& s : sources)
    self->state.sources[s.name] = s;
  for (auto& m : saved)
    if (m && self->state.sources.count(m->data_source))
      self->state.models[m->data_source] = m;
  for (auto& s : sources)
    if (!self->state.models.count(s.name))
      load(self, s.name);
  self->delayed_send(self, refresh_interval, tick_atom_v);
  auto lookup = [self](const std::string& name, bool refresh) -> caf::result<model_reply> {
    auto& st = self->state;
    if (!st.sources.count(name))
      return model_reply{nullptr, medha_error{error_code::not_found,
                                              "there is no data source named \"" + name + "\""}};
    if (!refresh)
      if (auto i = st.models.find(name); i != st.models.end())
        return model_reply{i->second, std::nullopt};
    auto rp = self->make_response_promise<model_reply>();
    // Asked to refresh: read the data again, not another worker's model.
    load(self, name, !refresh); // no-op while an introspection of this source runs
    st.waiting[name].push_back(rp);
    return rp;
  };
  return {
    [lookup](model_atom, const std::string& name) { return lookup(name, false); },
    [lookup](refresh_atom, const std::string& name) { return lookup(name, true); },
    [self](tick_atom) {
      for (auto& [name, src] : self->state.sources)
        load(self, name);
      self->delayed_send(self, self->state.refresh_interval, tick_atom_v);
    },
  };
}

} // namespace

context_actor spawn_context_actor(caf::actor_system& sys, std::vector<data_source> sources,
                                  discovery_actor discovery, std::vector<model_ptr> saved,
                                  std::chrono::seconds refresh_interval) {
  return sys.spawn(context_behavior, std::move(sources), std::move(discovery), std::move(saved),
                   refresh_interval);
}

} // namespace medha
