#include "messages/llm_settings.hpp"

namespace medha {

std::vector<llm_settings> offered_models(const llm_settings& preferred,
                                         const std::vector<llm_settings>& others) {
  std::vector<llm_settings> out;
  auto add = [&](const llm_settings& s) {
    if (!s.enabled())
      return;
    auto one = s;
    one.models.clear();
    out.push_back(one);
    for (auto& m : s.models)
      if (m != s.model) {
        one.model = m;
        out.push_back(one);
      }
  };
  add(preferred);
  for (auto& s : others)
    add(s);
  return out;
}

const llm_settings* find_offered(const std::vector<llm_settings>& offered,
                                 const std::string& provider, const std::string& model) {
  if (offered.empty())
    return nullptr;
  const auto& wanted = provider.empty() ? offered.front().provider : provider;
  for (auto& s : offered)
    if (s.provider == wanted && (model.empty() || s.model == model))
      return &s;
  return nullptr;
}

} // namespace medha
