#include "messages/data_source_grants.hpp"

#include <algorithm>

namespace medha {

namespace {

bool lists(const std::vector<std::string>& sources, const std::string& source) {
  return std::any_of(sources.begin(), sources.end(),
                     [&](const std::string& s) { return s == "*" || s == source; });
}

} // namespace

bool data_source_grants::allows(const std::string& user, const std::string& source) const {
  if (!configured)
    return true;
  if (auto i = grants.find(user); i != grants.end() && lists(i->second, source))
    return true;
  for (auto& [group, members] : groups) {
    if (std::find(members.begin(), members.end(), user) == members.end())
      continue;
    if (auto i = grants.find(group); i != grants.end() && lists(i->second, source))
      return true;
  }
  return false;
}

std::vector<std::string> data_source_grants::granted(const std::string& user,
                                                     const std::vector<std::string>& all) const {
  std::vector<std::string> out;
  for (auto& name : all)
    if (allows(user, name))
      out.push_back(name);
  return out;
}

} // namespace medha
