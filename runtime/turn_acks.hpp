#pragma once

#include <chrono>
#include <cstdint>

namespace medha {

/// Settles turns taken from the JetStream stream (see runtime/turn_stream.hpp).
/// A delivery is the handle an inbound turn carries; 0 (a plain NATS turn)
/// is ignored. Calls do not block: they write to the NATS connection.
class turn_acks {
public:
  virtual ~turn_acks() = default;

  /// The turn ended with its final event stored: remove it from the stream.
  virtual void ack(uint64_t delivery) = 0;

  /// The turn is over here (its end written), its final event and ack about
  /// to go out: the next turn of its conversation may start on this worker
  /// without waiting for the stream to process that ack.
  virtual void finished(uint64_t delivery) {}

  /// This worker will not run the turn (shutting down, or a turn of the
  /// conversation before it is unfinished): the stream gives it out again
  /// after `delay`, to any worker.
  virtual void release(uint64_t delivery, std::chrono::milliseconds delay) = 0;
};

} // namespace medha
