#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace medha {

/// splitmix64: the same sequence on every platform (unlike the std
/// distributions), so generated distractors and benchmark catalogs are
/// identical for a seed everywhere.
struct seeded_rng {
  uint64_t state;

  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

  /// A number in [0, n); 0 when n is 0.
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }

  /// True with probability p.
  bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }

  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
};

} // namespace medha
