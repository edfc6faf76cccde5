#pragma once

#include <string>

namespace medha::discovery {

/// Reduces a lowercase word to a light stem so "customers", "customer" and
/// "ordered"/"ordering"/"order" meet in the index. Deliberately weaker than
/// Porter: schema words are short and over-stemming merges unrelated names.
void stem(std::string& word);

} // namespace medha::discovery
