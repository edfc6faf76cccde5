#pragma once

#include <string>

namespace medha {

/// Where step events and replies go: NATS in a worker, a recorder in a unit
/// test of one actor. Implementations are thread-safe.
class event_sink {
public:
  virtual ~event_sink() = default;
  virtual void publish(const std::string& subject, const std::string& data) = 0;
  virtual bool connected() const = 0;
};

} // namespace medha
