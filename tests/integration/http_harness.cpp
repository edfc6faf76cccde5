#include "tests/integration/http_harness.hpp"

#include <csignal>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <boost/json.hpp>
#include <curl/curl.h>

namespace medha::testing {

namespace json = boost::json;

std::vector<std::string> http_response::events() const {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = body.find("data: ", pos)) != std::string::npos) {
    auto end = body.find('\n', pos);
    out.push_back(body.substr(pos + 6, end - pos - 6));
    pos = end == std::string::npos ? body.size() : end;
  }
  return out;
}

http_gateway::http_gateway(const nats_server& nats) {
  dir_ = make_temp_dir("medha-http-");
  json::array users;
  int n = 0;
  for (std::string user : {"alice", "bob"}) {
    auto creds = nats.credentials(user);
    tokens_[user] = "test-token-" + user + "-" + std::to_string(++n) + "-0123456789abcdef";
    users.push_back(
        json::object{{"user", user}, {"token", tokens_[user]}, {"nats_password", creds.password}});
  }
  std::ofstream{dir_ + "/users.json"} << json::serialize(json::object{{"users", users}});
  // A port drawn free may be taken before medha-http binds it: draw again.
  for (int attempt = 1; attempt <= 5; ++attempt) {
    port_ = free_port();
    auto log = dir_ + "/medha-http.log";
    pid_ =
        spawn_process({build_dir() + "/medha-http", "--listen",
                       "127.0.0.1:" + std::to_string(port_), "--nats", nats.url(), "--users",
                       dir_ + "/users.json", "--web", build_dir() + "/web", "--turn-timeout", "60"},
                      log);
    if (wait_for_port(port_, std::chrono::seconds(10)))
      return;
    kill_process(pid_, SIGKILL);
    wait_process(pid_);
    pid_ = -1;
    if (!port_taken_in_log(file_tail(log)))
      break;
  }
  throw std::runtime_error("medha-http did not start:\n" + log_tail());
}

http_gateway::~http_gateway() {
  if (pid_ > 0) {
    kill_process(pid_, SIGTERM);
    if (!wait_process_for(pid_, std::chrono::seconds(5))) {
      kill_process(pid_, SIGKILL);
      wait_process(pid_);
    }
  }
  run_command({"rm", "-rf", dir_});
}

std::string http_gateway::url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

std::string http_gateway::token(const std::string& user) const {
  return tokens_.at(user);
}

std::string http_gateway::log_tail() const {
  return file_tail(dir_ + "/medha-http.log");
}

namespace {
size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* res = static_cast<http_response*>(user);
  std::string piece(data, size * count);
  res->body += piece;
  res->pieces.emplace_back(std::chrono::steady_clock::now(), std::move(piece));
  return size * count;
}
} // namespace

http_response http_gateway::call(const std::string& method, const std::string& path,
                                 const std::string& token, const std::string& body) const {
  http_response res;
  CURL* curl = curl_easy_init();
  if (!curl)
    throw std::runtime_error("curl_easy_init failed");
  auto target = url() + path;
  curl_slist* headers = nullptr;
  if (!token.empty())
    headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
  if (!body.empty())
    headers = curl_slist_append(headers, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  if (!body.empty() || method == "POST" || method == "PATCH") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &res);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 90L);
  auto rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &res.status);
    char* type = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    res.content_type = type ? type : "";
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK)
    throw std::runtime_error(std::string{"HTTP "} + method + " " + path + ": " +
                             curl_easy_strerror(rc) + "\n" + log_tail());
  return res;
}

} // namespace medha::testing
