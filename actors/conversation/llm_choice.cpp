#include "actors/conversation/llm_choice.hpp"

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

llm_choice_field llm_choice_of(const std::string& body_json,
                               const std::vector<llm_settings>& offered) {
  llm_choice_field out;
  auto bad = [&](std::string message) {
    out.error = medha_error{error_code::bad_request, std::move(message)};
    return out;
  };
  json::error_code ec;
  auto body = json::parse(body_json, ec);
  if (ec || !body.is_object())
    return bad("the body must be a JSON object");
  auto* llm = body.as_object().if_contains("llm");
  if (!llm)
    return out;
  if (!llm->is_object())
    return bad("\"llm\" must be an object {\"provider\", \"model\"}");
  llm_choice wanted;
  for (auto& [key, value] : llm->as_object()) {
    if (key != "provider" && key != "model")
      return bad("\"llm\" takes \"provider\" and \"model\", not \"" + std::string{key} + "\"");
    if (!value.is_string())
      return bad("\"llm." + std::string{key} + "\" must be a string");
    (key == "provider" ? wanted.provider : wanted.model) = std::string{value.as_string()};
  }
  if (auto* found = find_offered(offered, wanted.provider, wanted.model)) {
    out.choice = llm_choice{found->provider, found->model};
    return out;
  }
  std::string offers;
  for (auto& s : offered)
    offers += (offers.empty() ? "" : ", ") + s.provider + "/" + s.model;
  out.error = medha_error{
    error_code::llm_not_offered,
    "no language model " + (wanted.provider.empty() ? std::string{"(default provider)"} : wanted.provider)
      + "/" + (wanted.model.empty() ? std::string{"(any)"} : wanted.model)
      + " is configured; offered: " + (offers.empty() ? std::string{"none (embedded engine only)"} : offers)};
  return out;
}

std::string llm_choice_reply(const llm_choice& choice) {
  return json::serialize(
    json::object{{"llm", json::object{{"provider", choice.provider}, {"model", choice.model}}}});
}

} // namespace medha
