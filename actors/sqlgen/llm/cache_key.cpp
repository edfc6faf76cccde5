#include "actors/sqlgen/llm/cache_key.hpp"

#include <cctype>

namespace medha::llm {

namespace {

using u128 = unsigned __int128;

// FNV-1a, 128 bits: stable across builds and machines (std::hash is not),
// which a cache shared by workers needs.
struct fnv128 {
  u128 h = (u128{0x6c62272e07bb0142ULL} << 64) | 0x62b821756295c58dULL;
  static constexpr u128 prime = (u128{1} << 88) | 0x13b;

  // Each part with its length first, so ("ab","c") and ("a","bc") differ.
  void part(std::string_view s) {
    bytes(std::to_string(s.size()));
    byte(':');
    bytes(s);
  }
  void bytes(std::string_view s) {
    for (unsigned char c : s)
      byte(c);
  }
  void byte(unsigned char c) {
    h ^= c;
    h *= prime;
  }
};

} // namespace

std::string normalised_question(std::string_view question) {
  std::string out;
  bool gap = false;
  for (unsigned char c : question) {
    if (std::isspace(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap)
      out += ' ';
    gap = false;
    out += static_cast<char>(std::tolower(c));
  }
  while (!out.empty() && (out.back() == '?' || out.back() == '.' || out.back() == '!'
                          || out.back() == ' '))
    out.pop_back();
  return out;
}

std::string sql_cache_key(const sql_cache_inputs& in) {
  fnv128 f;
  f.part(normalised_question(in.question));
  f.part(in.data_source);
  f.part(std::to_string(in.schema_version));
  f.part(in.previous_query_json);
  f.part(in.model);
  f.part(in.examples);
  static const char* digits = "0123456789abcdef";
  std::string key(32, '0');
  for (int i = 31; i >= 0; --i) {
    key[static_cast<size_t>(i)] = digits[static_cast<unsigned>(f.h & 0xf)];
    f.h >>= 4;
  }
  return key;
}

} // namespace medha::llm
