#pragma once

#include <optional>
#include <string>
#include <vector>

#include "messages/error.hpp"
#include "messages/llm_settings.hpp"

namespace medha {

/// A conversation's language model, as the configuration names it.
struct llm_choice {
  std::string provider;
  std::string model;
};

/// The body's "llm" field ({"provider"?, "model"?}) checked against what the
/// configuration offers (offered_models): `choice` unset when the body has no
/// "llm"; `bad_request` when malformed; `llm_not_offered` naming the offers
/// when it is not one of them.
struct llm_choice_field {
  std::optional<llm_choice> choice;
  std::optional<medha_error> error;
};
llm_choice_field llm_choice_of(const std::string& body_json,
                               const std::vector<llm_settings>& offered);

/// `conversations.set_llm`'s reply body: {"llm":{"provider","model"}}.
std::string llm_choice_reply(const llm_choice& choice);

} // namespace medha
