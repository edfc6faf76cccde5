#include "actors/sqlgen/llm/sse.hpp"

namespace medha::llm {

void sse_reader::feed(std::string_view chunk) {
  for (char c : chunk) {
    if (c == '\n' && last_was_cr_) { // the LF of a CRLF already ended the line
      last_was_cr_ = false;
      continue;
    }
    last_was_cr_ = c == '\r';
    if (c == '\n' || c == '\r') {
      line(pending_);
      pending_.clear();
    } else {
      pending_.push_back(c);
    }
  }
}

void sse_reader::finish() {
  if (!pending_.empty()) {
    line(pending_);
    pending_.clear();
  }
  dispatch();
}

void sse_reader::line(std::string_view l) {
  if (l.empty()) {
    dispatch();
    return;
  }
  if (l.front() == ':')
    return;
  auto colon = l.find(':');
  auto field = l.substr(0, colon);
  std::string_view value;
  if (colon != std::string_view::npos) {
    value = l.substr(colon + 1);
    if (!value.empty() && value.front() == ' ')
      value.remove_prefix(1);
  }
  if (field == "event") {
    event_ = std::string{value};
  } else if (field == "data") {
    if (has_data_)
      data_ += '\n';
    data_ += value;
    has_data_ = true;
  }
}

void sse_reader::dispatch() {
  if (has_data_)
    on_event_(event_.empty() ? std::string{"message"} : event_, data_);
  event_.clear();
  data_.clear();
  has_data_ = false;
}

} // namespace medha::llm
