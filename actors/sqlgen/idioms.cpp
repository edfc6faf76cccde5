// Idioms of having: "members on the books", "customers
// on file", "members on record" ask for the rows kept, nothing more.
#include "actors/sqlgen/idioms.hpp"

namespace medha::sqlgen {

void take_idioms(const std::vector<token>& tokens, std::vector<bool>& taken) {
  auto is = [&](size_t i, const char* w) { return i < tokens.size() && !tokens[i].quoted && !taken[i] && tokens[i].text == w; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!is(i, "on"))
      continue;
    size_t j = i + 1;
    if (is(j, "the") || is(j, "our"))
      ++j;
    bool idiom = is(j, "books") || ((j == i + 1 || is(i + 1, "our")) && (is(j, "file") || is(j, "record")));
    if (!idiom)
      continue;
    for (size_t k = i; k <= j; ++k)
      taken[k] = true;
  }
}

} // namespace medha::sqlgen
