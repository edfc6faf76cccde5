#include "tests/integration/worker_harness.hpp"

#include <chrono>
#include <csignal>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <boost/json.hpp>

#include "tests/support/servers.hpp"

namespace medha::testing {

namespace json = boost::json;

worker_harness::worker_harness(const nats_server& nats, worker_options opts)
  : nats_url_(nats.url()), opts_(std::move(opts)) {
  dir_ = make_temp_dir("medha-worker-");
  config_path_ = dir_ + "/medhad.json";
  auto& pg = postgres_server::shared();
  json::array sources;
  for (auto& name : opts_.sources) {
    json::object s{{"name", name}, {"conninfo", pg.conninfo(name)}, {"description", name + " data"}};
    auto model = source_dir() + "/config/models/" + name + ".json";
    if (std::ifstream{model}.good())
      s["model_file"] = model;
    for (auto& sharing : opts_.sharing_data)
      if (sharing == name)
        s["allow_llm_to_see_data"] = true;
    sources.push_back(std::move(s));
  }
  if (!opts_.bad_source_conninfo.empty())
    sources.push_back(json::object{{"name", "offline"},
                                   {"conninfo", opts_.bad_source_conninfo},
                                   {"description", "a database that is down"}});
  auto service = nats.credentials(nats_server::service_user);
  json::object cfg{{"nats_url", nats_url_}, {"nats_user", service.user},
                   {"nats_password", service.password}, {"store_path", dir_ + "/store"},
                   {"data_sources", std::move(sources)}};
  // Tests send turns in bursts; the limit's own test sets it low.
  if (opts_.extra_json.find("turns_per_minute") == std::string::npos)
    cfg["turns_per_minute"] = 1000000;
  auto text = json::serialize(cfg);
  if (!opts_.extra_json.empty())
    text = text.substr(0, text.size() - 1) + opts_.extra_json + "}";
  std::ofstream{config_path_} << text;
  std::string error;
  auto connected = client::nats_client::connect(nats_url_, error, service);
  if (!connected)
    throw std::runtime_error(error);
  nats_.emplace(std::move(*connected));
}

worker_harness::~worker_harness() {
  stop();
  run_command({"rm", "-rf", dir_});
}

void worker_harness::start() {
  pid_ = spawn_process({build_dir() + "/medhad", "--config", config_path_}, dir_ + "/medhad.log");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string error;
    if (auto reply = nats_->request(api_subject("probe", "health"), "{}", 500, error))
      if (reply->find("\"ok\":true") != std::string::npos)
        return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("medhad did not become healthy:\n" + log_tail());
}

void worker_harness::kill_hard() {
  if (pid_ > 0) {
    kill_process(pid_, SIGKILL);
    wait_process(pid_);
    pid_ = -1;
  }
}

void worker_harness::stop() {
  if (pid_ > 0) {
    kill_process(pid_, SIGTERM);
    if (!wait_process_for(pid_, std::chrono::seconds(10))) {
      kill_process(pid_, SIGKILL);
      wait_process(pid_);
    }
    pid_ = -1;
  }
}

std::optional<int> worker_harness::terminate_within(std::chrono::milliseconds bound) {
  if (pid_ <= 0)
    return std::nullopt;
  kill_process(pid_, SIGTERM);
  auto code = wait_process_for(pid_, bound);
  if (!code) {
    kill_process(pid_, SIGKILL);
    wait_process(pid_);
  }
  pid_ = -1;
  return code;
}

std::string worker_harness::log_tail(size_t max_bytes) const {
  return file_tail(dir_ + "/medhad.log", max_bytes);
}

std::string worker_harness::api(const std::string& user, const std::string& verb,
                                const std::string& body) {
  return request(api_subject(user, verb), body);
}

std::string worker_harness::request(const std::string& subject, const std::string& body) {
  std::string error;
  return nats_->request(subject, body, 10000, error).value_or("");
}

std::string worker_harness::create_conversation(const std::string& user,
                                                const std::string& data_source) {
  json::object body;
  if (!data_source.empty())
    body["data_source"] = data_source;
  auto reply = api(user, "conversations.create", json::serialize(body));
  auto v = json::parse(reply);
  return std::string{v.at("conversation").at("id").as_string()};
}

turn_events worker_harness::send_turn(const std::string& user, const std::string& conv,
                                      const std::string& payload, const std::string& turn_id) {
  nats_->subscribe(events_subject(user, conv));
  nats_->publish(turn_subject(user, conv), payload);
  return collect(turn_id);
}

turn_events worker_harness::collect(const std::string& turn_id) {
  turn_events out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    auto msg = nats_->next(1000);
    if (!msg)
      continue;
    auto decoded = decode_step_event(*msg);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || ev->turn_id != turn_id)
      continue;
    out.events.push_back(*ev);
    if (ev->step == step_kind::answer || ev->step == step_kind::clarify
        || ev->step == step_kind::error)
      return out;
  }
  throw std::runtime_error("no final event for turn " + turn_id + "\n" + log_tail());
}

turn_events worker_harness::ask(const std::string& user, const std::string& conv,
                                const std::string& text) {
  auto turn_id = "t" + std::to_string(++turns_);
  json::object body{{"v", 1}, {"turn_id", turn_id}, {"text", text}};
  return send_turn(user, conv, json::serialize(body), turn_id);
}

turn_events worker_harness::refine(const std::string& user, const std::string& conv,
                                   const std::string& body) {
  auto turn_id = "r" + std::to_string(++turns_);
  auto obj = json::parse(body).as_object();
  obj["conversation"] = conv;
  obj["turn_id"] = turn_id;
  nats_->subscribe(events_subject(user, conv));
  auto reply = api(user, "refine", json::serialize(obj));
  auto v = json::parse(reply);
  if (!v.at("ok").as_bool()) {
    // Refused before it became a turn: report it as an error event.
    step_event ev;
    ev.step = step_kind::error;
    ev.status = step_status::failed;
    ev.data_json = json::serialize(v.at("error"));
    return turn_events{{ev}};
  }
  return collect(turn_id);
}

std::string data_field(const step_event& ev, const std::string& key) {
  auto v = json::parse(ev.data_json);
  auto* f = v.as_object().if_contains(key);
  if (!f)
    return "";
  return f->is_string() ? std::string{f->as_string()} : json::serialize(*f);
}

} // namespace medha::testing
