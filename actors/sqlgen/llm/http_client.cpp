#include "actors/sqlgen/llm/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

#include <curl/curl.h>

namespace medha::llm {

namespace {

struct exchange {
  CURL* curl = nullptr;
  http_response* response = nullptr;
  const body_chunk_fn* on_chunk = nullptr;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* ex = static_cast<exchange*>(user);
  std::string_view chunk{data, size * n};
  ex->response->body.append(chunk);
  if (ex->on_chunk && *ex->on_chunk) {
    long status = 0;
    curl_easy_getinfo(ex->curl, CURLINFO_RESPONSE_CODE, &status);
    (*ex->on_chunk)(status, chunk);
  }
  return chunk.size();
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return std::string{s};
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* ex = static_cast<exchange*>(user);
  std::string_view line{data, size * n};
  // A new status line (after a 100 Continue or a redirect) starts afresh.
  if (line.rfind("HTTP/", 0) == 0)
    ex->response->retry_after.reset();
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name{line.substr(0, colon)};
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "retry-after")
      ex->response->retry_after = trimmed(line.substr(colon + 1));
  }
  return line.size();
}

} // namespace

http_response http_post(const http_request& req, const body_chunk_fn& on_chunk) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  http_response response;
  CURL* curl = curl_easy_init();
  if (!curl) {
    response.transport_error = "curl_easy_init failed";
    return response;
  }
  exchange ex{curl, &response, &on_chunk};
  curl_slist* headers = nullptr;
  for (auto& h : req.headers)
    headers = curl_slist_append(headers, h.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, req.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(req.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &ex);
  auto rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    response.transport_error = curl_easy_strerror(rc);
    response.status = 0;
  } else {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return response;
}

} // namespace medha::llm
