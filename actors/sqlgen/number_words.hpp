#pragma once

#include <string>
#include <string_view>

namespace medha::sqlgen {

/// Numbers spelled with a scale word as digits: "two thousand" →
/// "100000", "two million" → "2000000", "1.5 million" → "1500000". Small
/// numbers alone ("at least two") stay words: they are often not counts.
std::string spell_out_numbers(std::string_view text);

} // namespace medha::sqlgen
