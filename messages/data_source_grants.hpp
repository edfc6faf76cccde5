#pragma once

#include <map>
#include <string>
#include <vector>

namespace medha {

/// Which users may use which data sources (config keys `grants` and `groups`).
/// A key of `grants` is a user or a group name; its list names data sources,
/// "*" meaning all. Without a `grants` key everyone may use every source, as
/// before grants existed; with one, a user with no entry may use none.
struct data_source_grants {
  bool configured = false;
  std::map<std::string, std::vector<std::string>> grants; // user or group -> sources
  std::map<std::string, std::vector<std::string>> groups; // group -> members

  /// True when `user` may use `source`.
  bool allows(const std::string& user, const std::string& source) const;

  /// The names in `all` that `user` may use, in their order.
  std::vector<std::string> granted(const std::string& user,
                                   const std::vector<std::string>& all) const;
};

} // namespace medha
