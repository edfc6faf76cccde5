#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace medha::llm {

/// Reads a text/event-stream incrementally (the WHATWG server-sent events
/// format): `event:` and `data:` fields, lines ending in LF, CRLF or CR,
/// several data lines joined by LF, comments (`:`) ignored, an event
/// dispatched at each blank line. Chunks may split lines anywhere.
class sse_reader {
public:
  using event_fn = std::function<void(const std::string& event, const std::string& data)>;

  explicit sse_reader(event_fn on_event) : on_event_(std::move(on_event)) {}

  void feed(std::string_view chunk);
  /// The stream ended: an event not closed by a blank line is dispatched.
  void finish();

private:
  void line(std::string_view l);
  void dispatch();

  event_fn on_event_;
  std::string pending_;
  bool last_was_cr_ = false;
  std::string event_;
  std::string data_;
  bool has_data_ = false;
};

} // namespace medha::llm
