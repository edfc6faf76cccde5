#include "runtime/client/eval_suite.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

namespace medha::client {

namespace json = boost::json;

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      row.push_back(std::move(field));
      field.clear();
      if (!(row.size() == 1 && row[0].empty()))
        rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

bool load_suite(const std::string& path, std::vector<suite_case>& out, std::string& error) {
  std::ifstream in{path};
  if (!in) {
    error = "cannot read " + path;
    return false;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  auto text = buf.str();
  if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
    std::istringstream lines{text};
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos)
        continue;
      json::error_code ec;
      auto v = json::parse(line, ec);
      if (ec || !v.is_object() || !v.as_object().contains("db") || !v.as_object().contains("turns")) {
        error = path + ":" + std::to_string(n) + ": expected {\"id\",\"db\",\"turns\":[{\"q\",\"gold\"}]}";
        return false;
      }
      auto& o = v.as_object();
      suite_case c;
      c.id = o.contains("id") ? std::string{o.at("id").as_string()} : std::to_string(n);
      c.db = std::string{o.at("db").as_string()};
      c.category = o.contains("category") ? std::string{o.at("category").as_string()} : "conversation";
      for (auto& t : o.at("turns").as_array())
        c.turns.push_back({std::string{t.at("q").as_string()}, std::string{t.at("gold").as_string()}});
      out.push_back(std::move(c));
    }
    return true;
  }
  auto rows = parse_csv(text);
  if (rows.empty()) {
    error = path + " is empty";
    return false;
  }
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i)
    col[rows[0][i]] = i;
  for (auto* need : {"question", "query", "db_name"})
    if (!col.count(need)) {
      error = path + ": the CSV needs columns question, query, db_name";
      return false;
    }
  for (size_t r = 1; r < rows.size(); ++r) {
    auto& row = rows[r];
    auto get = [&](const char* name) {
      auto i = col.count(name) ? col[name] : size_t(-1);
      return i < row.size() ? row[i] : std::string{};
    };
    suite_case c;
    c.id = std::to_string(r);
    c.db = get("db_name");
    c.category = col.count("query_category") ? get("query_category") : "all";
    c.turns.push_back({get("question"), get("query")});
    out.push_back(std::move(c));
  }
  return true;
}

std::optional<eval_options> parse_eval_options(const std::vector<std::string>& args,
                                               std::string& error) {
  eval_options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& flag = args[i];
    if (flag == "--verbose") {
      o.verbose = true;
      continue;
    }
    if (flag == "--discovery-only") {
      o.discovery_only = true;
      continue;
    }
    if (i + 1 >= args.size()) {
      error = flag + " needs a value";
      return std::nullopt;
    }
    const auto& value = args[++i];
    if (flag == "--suite") {
      o.suite = value;
    } else if (flag == "--report") {
      o.report = value;
    } else if (flag == "--pg") {
      o.pg = value;
    } else if (flag == "--db") {
      o.only_db = value;
    } else if (flag == "--limit") {
      char* end = nullptr;
      auto n = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || n == 0) {
        error = "--limit takes a whole number above 0";
        return std::nullopt;
      }
      o.limit = static_cast<size_t>(n);
    } else if (flag != "--databases" && flag != "--distractors") {
      error = "unknown argument " + flag;
      return std::nullopt;
    }
  }
  if (o.suite.empty()) {
    error = "--suite FILE is required";
    return std::nullopt;
  }
  return o;
}

} // namespace medha::client
