#pragma once

#include <string_view>
#include <vector>

namespace medha::sqlgen {

/// The name of a US state or territory for its two-letter postal code
/// ("CA" → "California"); empty for anything else. Data often stores the
/// code while people say the name.
std::string_view us_state_name(std::string_view code);

/// Other names people use for a country kept under `value` ("Switzerland":
/// "Swiss"; "United States": "USA", "American"): its short forms
/// and the adjective of its people. Empty for anything not a country.
std::vector<std::string_view> other_country_names(std::string_view value);

} // namespace medha::sqlgen
