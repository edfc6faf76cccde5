// The chat page's files, from the build's web directory (the page and the
// JavaScript libraries npm installed): nothing comes from a CDN.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/http/routes.hpp"

namespace medha::http {

namespace {

std::string_view content_type_of(std::string_view path) {
  struct mapping {
    std::string_view ext;
    std::string_view type;
  };
  static constexpr mapping table[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".map", "application/json"},
  };
  for (auto& m : table)
    if (path.size() >= m.ext.size() && path.substr(path.size() - m.ext.size()) == m.ext)
      return m.type;
  return "application/octet-stream";
}

// Only plain names below the root: no "..", no hidden files, no backslashes.
bool safe_path(std::string_view path) {
  if (path.empty() || path[0] != '/' || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos)
    return false;
  return path.find("/.") == std::string_view::npos;
}

} // namespace

bool serve_static(const std::string& web_root, const std::string& path, response_writer& out) {
  std::string file = path == "/" ? "/index.html" : path;
  if (!safe_path(file))
    return false;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(web_root + file, ec))
    return false;
  std::ifstream in(web_root + file, std::ios::binary);
  if (!in)
    return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  out.send(200, content_type_of(file), bytes.str());
  return true;
}

} // namespace medha::http
