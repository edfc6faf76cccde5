#pragma once

#include <string_view>

namespace medha::sqlgen {

/// The name of a US state or territory for its two-letter postal code
/// ("CA" → "California"); empty for anything else. Data often stores the
/// code while people say the name.
std::string_view us_state_name(std::string_view code);

} // namespace medha::sqlgen
