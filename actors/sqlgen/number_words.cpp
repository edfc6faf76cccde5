#include "actors/sqlgen/number_words.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace medha::sqlgen {

namespace {

struct word_at {
  std::string text; // lowercased
  size_t begin, end; // in the original text
};

double small_value(const std::string& w) {
  static const char* units[] = {"zero",    "one",     "two",       "three",    "four",
                                "five",    "six",     "seven",     "eight",    "nine",
                                "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 20; ++i)
    if (w == units[i])
      return i;
  for (int i = 0; i < 8; ++i)
    if (w == tens[i])
      return 20 + 10 * i;
  if (w == "a" || w == "an")
    return 1;
  char* end = nullptr;
  double v = std::strtod(w.c_str(), &end);
  if (!w.empty() && end == w.c_str() + w.size() && std::isdigit(static_cast<unsigned char>(w[0])))
    return v;
  return -1;
}

double scale_of(const std::string& w) {
  if (w == "hundred")
    return 1e2;
  if (w == "thousand")
    return 1e3;
  if (w == "million")
    return 1e6;
  if (w == "billion")
    return 1e9;
  return 0;
}

} // namespace

std::string spell_out_numbers(std::string_view text) {
  std::vector<word_at> words;
  for (size_t i = 0; i < text.size();) {
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string w;
    while (j < text.size()
           && (std::isalnum(static_cast<unsigned char>(text[j]))
               || (text[j] == '.' && j + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[j + 1])))))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j++])));
    words.push_back({w, i, j});
    i = j;
  }
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    // A run: small numbers and scales, with at least one scale in it.
    double total = 0, group = 0;
    size_t j = i;
    bool scaled = false, any = false;
    while (j < words.size()) {
      auto& w = words[j].text;
      if (double s = scale_of(w); s > 0 && any) {
        group = (group == 0 ? 1 : group) * s;
        if (s >= 1e3) {
          total += group;
          group = 0;
        }
        scaled = true;
      } else if (double v = small_value(w); v >= 0 && !(scaled && (w == "a" || w == "an"))) {
        if (any && !scaled && v >= 1 && group >= 1)
          break; // "two three" is not one number
        group += v;
        any = true;
      } else if (w == "and" && scaled && j + 1 < words.size() && small_value(words[j + 1].text) > 0) {
        // "a hundred and fifty"
      } else {
        break;
      }
      ++j;
    }
    if (!scaled)
      continue;
    total += group;
    // Trailing words that were not part of a scale ("two thousand visitors").
    out += std::string(text.substr(copied, words[i].begin - copied));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", std::round(total * 1e6) / 1e6);
    out += buf;
    copied = words[j - 1].end;
    i = j - 1;
  }
  out += std::string(text.substr(copied));
  return out;
}

} // namespace medha::sqlgen
