#include "runtime/client/check_sql.hpp"

#include <iostream>
#include <optional>
#include <sstream>

#include "actors/executor/sql_guard.hpp"

namespace medha::client {

namespace {

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos)
    return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

} // namespace

int run_check_sql(const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
  std::optional<relation_set> tables;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--tables" && i + 1 < args.size()) {
      tables.emplace();
      std::istringstream names(args[++i]);
      for (std::string name; std::getline(names, name, ',');) {
        name = trimmed(name);
        if (!name.empty())
          tables->insert(name.find('.') == std::string::npos ? "public." + name : name);
      }
    } else {
      std::cerr << "usage: medha check-sql [--tables schema.table,...] < statements.sql\n";
      return 2;
    }
  }
  bool all_accepted = true;
  for (std::string line; std::getline(in, line);) {
    auto sql = trimmed(line);
    if (sql.empty() || sql.rfind("--", 0) == 0)
      continue;
    auto refusal = inspect_sql(sql, tables ? &*tables : nullptr);
    if (refusal) {
      all_accepted = false;
      out << "reject " << refusal->rule << "\n";
    } else {
      out << "accept\n";
    }
  }
  out.flush();
  return all_accepted ? 0 : 1;
}

} // namespace medha::client
