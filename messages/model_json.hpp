#pragma once

// A semantic model as JSON: the saved discovery catalog and the shared
// metadata cache keep models in this one form.

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "messages/semantic_model.hpp"

namespace medha {

boost::json::object model_to_json(const semantic_model& m);

/// Lenient about missing optional fields, strict about types: nullopt when a
/// field has the wrong type.
std::optional<semantic_model> model_from_json(const boost::json::object& o);

/// The same as text; nullopt for text that is not one.
std::string encode_model(const semantic_model& m);
std::optional<semantic_model> decode_model(std::string_view text);

} // namespace medha
