#pragma once

#include "messages/data_source.hpp"
#include "messages/stage_replies.hpp"

namespace medha {

/// The whole semantic model of a data source: introspected, with its model
/// file and the joins descriptions name. With the shared metadata cache on
/// (actors/cache/metadata_cache.hpp), a model another worker built for the
/// same structure is taken from it after the catalog queries, and a model
/// built here is kept there (`reuse` false: introspected anew all the same,
/// and kept). Blocking: call it from a detached actor.
model_reply load_model(const data_source& src, bool reuse = true);

} // namespace medha
