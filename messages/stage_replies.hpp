#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "messages/error.hpp"
#include "messages/result_set.hpp"
#include "messages/semantic_model.hpp"

namespace medha {

using model_ptr = std::shared_ptr<const semantic_model>;

/// The context stage's reply: the data source's semantic model, or why not.
struct model_reply {
  model_ptr model;
  std::optional<medha_error> error;
};

/// The executor's reply: rows, or why the query did not run.
struct execute_reply {
  std::optional<result_set> rows;
  std::optional<medha_error> error;
};

/// A message that arrived on NATS, copied out of the C library's buffers.
struct inbound_message {
  std::string subject;
  std::string data;
  std::string reply; // "" when the sender wants no reply
  /// A turn taken from the JetStream stream: the stream consumer's handle for
  /// acknowledging it (0: a plain NATS message, nothing to acknowledge), and
  /// its stream sequence, which names a turn sent without a turn id.
  uint64_t delivery = 0;
  uint64_t stream_seq = 0;
  /// How many times the stream has delivered this turn, this time included.
  uint64_t deliveries = 0;
};

} // namespace medha
