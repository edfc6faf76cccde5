#include "actors/conversation/event_outbox.hpp"

#include "runtime/event_sink.hpp"
#include "runtime/turn_acks.hpp"

namespace medha {

event_outbox::event_outbox(std::shared_ptr<event_sink> sink, std::string subject)
    : sink_(std::move(sink)), subject_(std::move(subject)) {
}

void event_outbox::hold(std::string wire) {
  std::lock_guard<std::mutex> guard(mx_);
  held_.push_back(std::move(wire));
}

// Publishing under the lock keeps the order between the actor's thread and
// the writer's: a held event never overtakes, nor is overtaken by, the final one.
void event_outbox::flush_locked() {
  if (!sink_) {
    held_.clear();
    return;
  }
  for (auto& wire : held_)
    sink_->publish_step(subject_, wire, false);
  held_.clear();
}

void event_outbox::flush() {
  std::lock_guard<std::mutex> guard(mx_);
  flush_locked();
}

void event_outbox::send_final(const std::string& wire, const std::string& reply_to) {
  std::lock_guard<std::mutex> guard(mx_);
  flush_locked();
  if (!sink_)
    return;
  sink_->publish_step(subject_, wire, true);
  if (!reply_to.empty())
    sink_->publish(reply_to, wire);
}

void event_outbox::arm(uint64_t ticket, final_event ev) {
  std::lock_guard<std::mutex> guard(mx_);
  armed_ticket_ = ticket;
  armed_ = std::move(ev);
}

void event_outbox::stored(uint64_t ticket) {
  std::lock_guard<std::mutex> guard(mx_);
  if (!armed_ || armed_ticket_ != ticket)
    return; // taken back (its deadline passed): the actor ends the turn
  auto ev = std::move(*armed_);
  armed_.reset();
  armed_ticket_ = 0;
  sent_ticket_ = ticket;
  if (ev.acks && ev.delivery != 0)
    ev.acks->finished(ev.delivery);
  flush_locked();
  if (!sink_)
    return;
  sink_->publish_step(subject_, ev.wire, true);
  if (!ev.reply_to.empty())
    sink_->publish(ev.reply_to, ev.wire);
}

bool event_outbox::disarm(uint64_t ticket) {
  std::lock_guard<std::mutex> guard(mx_);
  if (armed_ && armed_ticket_ == ticket) {
    armed_.reset();
    armed_ticket_ = 0;
  }
  return sent_ticket_ == ticket;
}

} // namespace medha
