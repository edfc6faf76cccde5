#include "runtime/turn_stream.hpp"

#include <algorithm>
#include <cstdlib>

#include <caf/send.hpp>
#include <nats/nats.h>

#include "runtime/logging.hpp"

namespace medha {

namespace {

constexpr const char* turn_subjects = "medha.turn.>";

int64_t nanos(std::chrono::milliseconds d) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
}

medha_error js_failure(const std::string& what, natsStatus s, jsErrCode code) {
  std::string text = what + ": " + natsStatus_GetText(s);
  if (code != 0)
    text += " (JetStream error " + std::to_string(static_cast<int>(code)) + ")";
  if (const char* last = nats_GetLastError(nullptr))
    text += std::string{" - "} + last;
  return {error_code::internal, text};
}

// Creates the stream, or brings an existing one to this configuration
// (workers starting together all try; the same configuration is no change).
std::optional<medha_error> ensure_stream(jsCtx* js, const turn_stream_settings& settings) {
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  const char* subjects[] = {turn_subjects};
  cfg.Name = settings.stream.c_str();
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  // A turn leaves the stream when it is acknowledged: the oldest turn of a
  // subject still stored is the conversation's unfinished one.
  cfg.Retention = js_WorkQueuePolicy;
  cfg.Storage = js_FileStorage;
  cfg.Duplicates = nanos(settings.duplicate_window);
  // The order check reads the oldest turn of a subject directly.
  cfg.AllowDirect = true;
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  auto s = js_AddStream(&info, js, &cfg, nullptr, &code);
  if (s != NATS_OK) {
    code = static_cast<jsErrCode>(0);
    s = js_UpdateStream(&info, js, &cfg, nullptr, &code);
  }
  jsStreamInfo_Destroy(info);
  if (s != NATS_OK)
    return js_failure("cannot create the turn stream " + settings.stream
                        + " (is JetStream enabled on nats-server? start it with -js)",
                      s, code);
  return std::nullopt;
}

std::optional<medha_error> ensure_consumer(jsCtx* js, const turn_stream_settings& settings) {
  jsConsumerConfig cfg;
  jsConsumerConfig_Init(&cfg);
  cfg.Durable = settings.consumer.c_str();
  cfg.AckPolicy = js_AckExplicit;
  cfg.AckWait = nanos(settings.ack_wait);
  // A turn released because the one before it is unfinished counts as a
  // delivery: a bound would drop turns of a busy conversation.
  cfg.MaxDeliver = -1;
  cfg.MaxAckPending = 100000;
  cfg.FilterSubject = turn_subjects;
  jsConsumerInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  auto s = js_AddConsumer(&info, js, settings.stream.c_str(), &cfg, nullptr, &code);
  if (s != NATS_OK) {
    code = static_cast<jsErrCode>(0);
    s = js_UpdateConsumer(&info, js, settings.stream.c_str(), &cfg, nullptr, &code);
  }
  jsConsumerInfo_Destroy(info);
  if (s != NATS_OK)
    return js_failure("cannot create the turn consumer " + settings.consumer, s, code);
  return std::nullopt;
}

// How long a turn waits before it is offered again while the turn before it
// in its conversation runs: short at first, longer the more often it came back.
std::chrono::milliseconds wait_for_predecessor(uint64_t deliveries) {
  auto ms = std::min<uint64_t>(20 * deliveries, 500);
  return std::chrono::milliseconds(ms);
}

} // namespace

std::variant<std::unique_ptr<turn_stream>, medha_error>
turn_stream::open(natsConnection* conn, turn_stream_settings settings) {
  std::unique_ptr<turn_stream> out{new turn_stream};
  out->settings_ = std::move(settings);
  if (auto s = natsConnection_JetStream(&out->js_, conn, nullptr); s != NATS_OK)
    return js_failure("JetStream context", s, static_cast<jsErrCode>(0));
  if (auto err = ensure_stream(out->js_, out->settings_))
    return *err;
  if (auto err = ensure_consumer(out->js_, out->settings_))
    return *err;
  jsSubOptions sub_opts;
  jsSubOptions_Init(&sub_opts);
  sub_opts.Stream = out->settings_.stream.c_str();
  sub_opts.Consumer = out->settings_.consumer.c_str();
  jsErrCode code = static_cast<jsErrCode>(0);
  auto s = js_PullSubscribe(&out->sub_, out->js_, turn_subjects, out->settings_.consumer.c_str(),
                            nullptr, &sub_opts, &code);
  if (s != NATS_OK)
    return js_failure("cannot bind to the turn consumer", s, code);
  return out;
}

turn_stream::~turn_stream() {
  close();
  if (sub_)
    natsSubscription_Destroy(sub_);
  if (js_)
    jsCtx_Destroy(js_);
}

void turn_stream::start(manager_actor target) {
  target_ = std::move(target);
  running_ = true;
  thread_ = std::thread{[this] { run(); }};
}

void turn_stream::stop_taking() {
  taking_ = false;
}

void turn_stream::close() {
  taking_ = false;
  running_ = false;
  if (thread_.joinable())
    thread_.join();
  std::map<uint64_t, held_turn> left;
  {
    std::lock_guard<std::mutex> lock{mx_};
    left.swap(held_);
  }
  for (auto& [delivery, held] : left) {
    natsMsg_Nak(held.msg, nullptr);
    natsMsg_Destroy(held.msg);
  }
  if (!left.empty())
    log::info("turns", "released " + std::to_string(left.size()) + " unfinished turn(s) to other workers");
}

natsMsg* turn_stream::settle(uint64_t delivery) {
  std::lock_guard<std::mutex> lock{mx_};
  auto i = held_.find(delivery);
  if (i == held_.end())
    return nullptr;
  auto* msg = i->second.msg;
  held_.erase(i);
  return msg;
}

void turn_stream::ack(uint64_t delivery) {
  auto* msg = settle(delivery);
  if (!msg)
    return;
  // A lost ack only means the turn comes back; it is then found answered.
  if (auto s = natsMsg_Ack(msg, nullptr); s != NATS_OK)
    log::warn("turns", std::string{"ack failed: "} + natsStatus_GetText(s));
  natsMsg_Destroy(msg);
}

void turn_stream::finished(uint64_t delivery) {
  std::lock_guard<std::mutex> lock{mx_};
  auto i = held_.find(delivery);
  if (i == held_.end())
    return;
  finished_.push_back(i->second.stream_seq);
  if (finished_.size() > max_finished)
    finished_.pop_front();
}

bool turn_stream::finished_here(uint64_t stream_seq) const {
  std::lock_guard<std::mutex> lock{mx_};
  return std::find(finished_.rbegin(), finished_.rend(), stream_seq) != finished_.rend();
}

void turn_stream::release(uint64_t delivery, std::chrono::milliseconds delay) {
  if (auto* msg = settle(delivery)) {
    natsMsg_NakWithDelay(msg, delay.count(), nullptr);
    natsMsg_Destroy(msg);
  }
}

size_t turn_stream::held() const {
  std::lock_guard<std::mutex> lock{mx_};
  return held_.size();
}

// The consumer gives a stream's turns out for the first time in stream order,
// numbering every delivery. So when the last turn of this subject that this
// worker saw was its first delivery, ran here and has finished here, and
// every delivery since came to this worker (no gap in the numbers) with none
// on this subject, no turn of the conversation lies between that one and
// this first delivery: this is the next, and the stream need not be asked.
// A gap (a turn went to another worker, or a delivery was lost) forgets all.
bool turn_stream::follows_a_turn_finished_here(const std::string& subject, uint64_t seq,
                                               uint64_t consumer_seq, uint64_t deliveries) {
  bool contiguous = last_consumer_seq_ != 0 && consumer_seq == last_consumer_seq_ + 1;
  last_consumer_seq_ = consumer_seq;
  if (!contiguous || since_gap_.size() >= max_since_gap)
    since_gap_.clear();
  if (deliveries != 1)
    return false;
  auto i = since_gap_.find(subject);
  if (i == since_gap_.end())
    return false;
  auto& last = i->second;
  return last.ran && last.first_delivery && last.stream_seq < seq && finished_here(last.stream_seq);
}

bool turn_stream::is_next_of_its_conversation(const char* subject, uint64_t seq) {
  checks_asked_ += 1;
  // From the subject's oldest turn on, past those finished here (their ends
  // written, their acks on the way): the turn after them may run (a bounded walk).
  uint64_t from = 1;
  for (size_t step = 0; step <= max_finished; ++step) {
    jsDirectGetMsgOptions opts;
    jsDirectGetMsgOptions_Init(&opts);
    opts.Sequence = from;
    opts.NextBySubject = subject;
    natsMsg* oldest = nullptr;
    auto s = js_DirectGetMsg(&oldest, js_, settings_.stream.c_str(), nullptr, &opts);
    if (s == NATS_NOT_FOUND) {
      // Gone meanwhile: acknowledged by a worker that ran it before (the ack
      // of an earlier delivery arrived late); running it again finds it answered.
      return true;
    }
    if (s != NATS_OK) {
      log::warn("turns", std::string{"cannot read the stream's oldest turn of "} + subject + ": "
                           + natsStatus_GetText(s));
      return false; // unsure: wait and try again rather than run out of order
    }
    uint64_t oldest_seq = natsMsg_GetSequence(oldest);
    const char* header = nullptr;
    if (oldest_seq == 0 && natsMsgHeader_Get(oldest, "Nats-Sequence", &header) == NATS_OK && header)
      oldest_seq = std::strtoull(header, nullptr, 10);
    natsMsg_Destroy(oldest);
    if (oldest_seq >= seq)
      return true;
    if (oldest_seq == 0 || !finished_here(oldest_seq))
      return false;
    from = oldest_seq + 1;
  }
  return false;
}

// Runs on the pulling thread: checks the turn's place in its conversation,
// then either hands it to the manager or releases it to come back later.
void turn_stream::take(natsMsg* msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, msg) != NATS_OK) {
    natsMsg_Term(msg, nullptr); // not a stream delivery: nothing to run
    natsMsg_Destroy(msg);
    return;
  }
  uint64_t seq = meta->Sequence.Stream;
  uint64_t consumer_seq = meta->Sequence.Consumer;
  uint64_t deliveries = meta->NumDelivered;
  jsMsgMetaData_Destroy(meta);
  const char* subject = natsMsg_GetSubject(msg);
  bool next = follows_a_turn_finished_here(subject, seq, consumer_seq, deliveries)
              || is_next_of_its_conversation(subject, seq);
  since_gap_[subject] = last_of_subject{seq, deliveries == 1, next};
  if (!next) {
    natsMsg_NakWithDelay(msg, wait_for_predecessor(deliveries).count(), nullptr);
    natsMsg_Destroy(msg);
    return;
  }
  inbound_message in;
  in.subject = subject;
  if (auto* data = natsMsg_GetData(msg))
    in.data.assign(data, static_cast<size_t>(natsMsg_GetDataLength(msg)));
  // The message's reply subject is the stream's ack subject, not the client's.
  in.stream_seq = seq;
  in.deliveries = deliveries;
  {
    std::lock_guard<std::mutex> lock{mx_};
    in.delivery = next_delivery_++;
    held_[in.delivery] = held_turn{msg, std::chrono::steady_clock::now(), seq};
  }
  if (deliveries > 1)
    log::info("turns", "turn at stream sequence " + std::to_string(seq) + " of " + in.subject
                         + " delivered again (delivery " + std::to_string(deliveries) + ")");
  caf::anon_send(target_, std::move(in));
}

void turn_stream::report_progress() {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock{mx_};
  for (auto i = held_.begin(); i != held_.end();) {
    if (now - i->second.since < settings_.max_turn_time) {
      natsMsg_InProgress(i->second.msg, nullptr);
      ++i;
      continue;
    }
    // Left to time out: the stream gives it to a worker again, which finds
    // it answered, or runs it. A late ack from here finds nothing to ack.
    log::warn("turns", "a turn held for longer than max_turn_time goes to another worker ("
                         + std::string{natsMsg_GetSubject(i->second.msg)} + ")");
    natsMsg_Destroy(i->second.msg);
    i = held_.erase(i);
  }
}

void turn_stream::run() {
  using clock = std::chrono::steady_clock;
  auto progress_every = std::max(settings_.ack_wait / 3, std::chrono::milliseconds(50));
  auto fetch_wait = std::min<int64_t>(250, std::max<int64_t>(10, progress_every.count() / 2));
  auto last_progress = clock::now();
  while (running_) {
    if (clock::now() - last_progress >= progress_every) {
      report_progress();
      last_progress = clock::now();
    }
    size_t room = taking_ ? settings_.max_held - std::min(settings_.max_held, held()) : 0;
    if (room == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(fetch_wait));
      continue;
    }
    natsMsgList list{};
    auto s = natsSubscription_Fetch(&list, sub_, static_cast<int>(std::min<size_t>(room, settings_.fetch_batch)),
                                    fetch_wait, nullptr);
    if (s != NATS_OK) {
      natsMsgList_Destroy(&list);
      // Disconnected: fetch fails at once; do not spin.
      if (s != NATS_TIMEOUT)
        std::this_thread::sleep_for(std::chrono::milliseconds(fetch_wait));
      continue;
    }
    for (int i = 0; i < list.Count; ++i) {
      take(list.Msgs[i]);
      list.Msgs[i] = nullptr;
    }
    natsMsgList_Destroy(&list);
  }
}

} // namespace medha
