#pragma once

#include <string>

namespace medha {

/// Where step events and replies go: NATS in a worker, a recorder in a unit
/// test of one actor. Implementations are thread-safe.
class event_sink {
public:
  virtual ~event_sink() = default;
  virtual void publish(const std::string& subject, const std::string& data) = 0;
  /// A step event of a turn, which its sender knows to be final or not:
  /// a sink that looks only at final events need not decode the others.
  virtual void publish_step(const std::string& subject, const std::string& data, bool final) {
    publish(subject, data);
  }
  virtual bool connected() const = 0;
};

} // namespace medha
