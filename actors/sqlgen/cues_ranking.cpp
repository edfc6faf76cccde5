// The cues that rank and sort: a direction said around the thing sorted
// ("from the heaviest to the lightest", "in descending order"), price
// adjectives ("the 5 cheapest"), and the size of a ranking ("top 10",
// "the 3 worst").
#include <algorithm>
#include <string>

#include "actors/sqlgen/cues_scanner.hpp"

namespace medha::sqlgen::detail {

namespace {
auto desc(bool d) { return [d](cue& c) { c.descending = d; }; }
} // namespace

bool scanner::ranking_cues(size_t i) {
  // "going from the heaviest parcels to the lightest": the direction around
  // the thing sorted by.
  {
    struct span { const char* from; const char* to; bool down; };
    static const span spans[] = {
      {"starting? from the? highest|largest|biggest|most|best|longest",
       "to the? lowest|smallest|least|worst|shortest", true},
      {"starting? from the? lowest|smallest|least|worst|shortest",
       "to the? highest|largest|biggest|most|best|longest", false}};
    bool found = false;
    for (auto& sp : spans) {
      auto len = match(i, sp.from);
      for (size_t k = i + len + 1; len && k < i + len + 4 && k < t.size() && !found; ++k)
        if (auto to_len = match(k, sp.to)) {
          add(cue_kind::direction, i, len).descending = sp.down;
          for (size_t m = k; m < k + to_len; ++m)
            taken[m] = true;
          found = true;
        }
      if (found)
        break;
    }
    if (found)
      return true;
  }
  if (any(i, {"from highest|largest|biggest|most|best|longest to lowest|smallest|least|worst|shortest",
              "highest|largest|biggest|most first", "descending|desc|decreasing order?",
              "in descending|decreasing order"},
          cue_kind::direction, desc(true))
      || any(i, {"from lowest|smallest|least|worst|shortest to highest|largest|biggest|most|best|longest",
                 "lowest|smallest|least first", "in? ascending|increasing order?", "asc"},
             cue_kind::direction, desc(false))
      || any(i, {"in? alphabetical order", "alphabetically", "a-z", "a to z"},
             cue_kind::direction, [](cue& c) { c.text = "alphabetical"; }))
    return true;
  // Price adjectives rank by the entity's price: "the 5 cheapest products".
  auto price = [](bool d) { return [d](cue& c) { c.descending = d; c.text = "price"; }; };
  if (auto len = std::max(match(i, "# cheapest"), match(i, "# least expensive"))) {
    match(i, len == 2 ? "# cheapest" : "# least expensive");
    auto& c = add(cue_kind::top_n, i, len);
    c.count = std::stoi(numbers[0]);
    c.text = "price";
    return true;
  }
  if (auto len = std::max(match(i, "# priciest"), match(i, "# most expensive"))) {
    match(i, len == 2 ? "# priciest" : "# most expensive");
    auto& c = add(cue_kind::top_n, i, len);
    c.count = std::stoi(numbers[0]);
    c.descending = true;
    c.text = "price";
    return true;
  }
  if (any(i, {"the? cheapest", "the? least expensive"}, cue_kind::superlative, price(false))
      || any(i, {"the? most expensive", "the? priciest"}, cue_kind::superlative, price(true)))
    return true;
  // "the biggest one" is a superlative of the rows meant, not a top 1 of
  // whatever the listing was sorted by.
  auto one_at = [&](size_t j) { return j < t.size() && !t[j].quoted && t[j].text == "one"; };
  if (auto len = match(i, "the? top|best|highest|largest|biggest|leading #"); len && !one_at(i + len - 1)) {
    add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
    out.back().descending = true;
    return true;
  }
  if (auto len = match(i, "the? bottom|worst|lowest|smallest #"); len && !one_at(i + len - 1)) {
    add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
    return true;
  }
  if (auto len = match(i, "# top|best|highest|largest|biggest|most")) {
    add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
    out.back().descending = true;
    return true;
  }
  if (auto len = match(i, "# bottom|worst|lowest|smallest|least|fewest")) {
    add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
    return true;
  }
  return false;
}

} // namespace medha::sqlgen::detail
