#include "actors/discovery/discovery_actor.hpp"

#include <chrono>
#include <map>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "actors/cache/installed_buckets.hpp"
#include "actors/cache/kv_bucket.hpp"
#include "actors/cache/lookup_counts.hpp"
#include "actors/cache/source_cache.hpp"

namespace medha {

namespace {

// The ranking of a question: from the shared cache when a worker ranked it
// on the same sources before, else computed here (and kept). The cache's
// calls block on NATS: fine on this detached actor's own thread.
discovery_result ranked(const discovery::catalog& catalog,
                        const std::map<std::string, std::string>& fingerprints,
                        const std::string& question) {
  auto bucket = cache::installed_bucket(cache::sources_kind);
  if (!bucket)
    return catalog.rank(question); // times itself: elapsed_ms
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> sources;
  for (auto& [name, fingerprint] : fingerprints)
    sources.push_back(fingerprint);
  auto key = cache::source_cache_key(question, sources);
  auto text = bucket->get(key);
  auto hit = text ? cache::decode_ranking(*text) : std::nullopt;
  cache::count_lookup(cache::sources_kind, hit.has_value());
  if (hit) {
    hit->cache = "hit";
    hit->elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return *hit;
  }
  auto result = catalog.rank(question);
  result.cache = "miss";
  bucket->put(key, cache::encode_ranking(result)); // not taken: the next ask misses, no more
  return result;
}

struct discovery_state {
  discovery::catalog catalog;
  // Per source: what its ranking depends on (cache/source_cache.hpp).
  std::map<std::string, std::string> fingerprints;
  store_actor store;
  bool save_scheduled = false;
  static inline const char* name = "discovery";
};

discovery_actor::behavior_type
discovery_behavior(discovery_actor::stateful_pointer<discovery_state> self,
                   std::shared_ptr<discovery::catalog> initial, store_actor store) {
  self->state.catalog = std::move(*initial);
  for (auto& name : self->state.catalog.data_sources())
    self->state.fingerprints[name] = cache::source_fingerprint(*self->state.catalog.model(name));
  self->state.store = std::move(store);
  return {
    [self](rank_atom, const std::string& question) {
      auto& st = self->state;
      return ranked(st.catalog, st.fingerprints, question);
    },
    [self](add_atom, const model_ptr& model) {
      self->state.catalog.add(model);
      self->state.fingerprints[model->data_source] = cache::source_fingerprint(*model);
      // Several sources load together at start: one save after they settle.
      if (!self->state.save_scheduled) {
        self->state.save_scheduled = true;
        self->delayed_send(self, std::chrono::seconds(2), save_atom_v);
      }
    },
    [self](save_atom) {
      self->state.save_scheduled = false;
      if (self->state.store)
        self->send(self->state.store, put_blob_atom_v, std::string{catalog_blob_key},
                   self->state.catalog.save());
    },
  };
}

} // namespace

discovery_actor spawn_discovery_actor(caf::actor_system& sys, discovery::catalog initial,
                                      store_actor store) {
  // The catalog is move-only; a shared_ptr carries it into the spawn.
  auto boxed = std::make_shared<discovery::catalog>(std::move(initial));
  return sys.spawn<caf::detached>(discovery_behavior, std::move(boxed), std::move(store));
}

} // namespace medha
