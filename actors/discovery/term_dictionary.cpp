#include "actors/discovery/term_dictionary.hpp"

#include <algorithm>

namespace medha::discovery {

namespace {

constexpr uint64_t fnv_offset = 1469598103934665603ull;
constexpr uint64_t fnv_prime = 1099511628211ull;

// FNV-1a over `s` with the byte at `skip` left out (skip >= size: none), so
// deletion variants are hashed without building them.
uint64_t hash_without(std::string_view s, size_t skip) {
  uint64_t h = fnv_offset;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == skip)
      continue;
    h ^= static_cast<unsigned char>(s[i]);
    h *= fnv_prime;
  }
  // Mixing in the length keeps "abc" and a deletion variant equal to "abc"
  // in one bucket while separating unrelated lengths.
  h ^= (skip < s.size() ? s.size() - 1 : s.size());
  h *= fnv_prime;
  return h;
}

bool fuzzy_eligible(std::string_view term) {
  if (term.size() < term_dictionary::min_fuzzy_length)
    return false;
  return std::none_of(term.begin(), term.end(),
                      [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > 1)
    return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i])
    ++i;
  if (i == a.size())
    return true; // equal, or b has one extra letter at the end
  if (a.size() == b.size()) {
    // Substitution at i, or a swap of i and i+1.
    if (a.substr(i + 1) == b.substr(i + 1))
      return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i]
           && a.substr(i + 2) == b.substr(i + 2);
  }
  // b has one extra letter at i.
  return a.substr(i) == b.substr(i + 1);
}

uint32_t term_dictionary::find(std::string_view term) const {
  auto it = ids_.find(term);
  return it == ids_.end() ? npos : it->second;
}

uint32_t term_dictionary::intern(std::string_view term) {
  if (auto id = find(term); id != npos)
    return id;
  auto id = static_cast<uint32_t>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(std::string_view{terms_.back()}, id);
  if (fuzzy_eligible(term))
    index_deletions(id);
  return id;
}

void term_dictionary::index_deletions(uint32_t id) {
  std::string_view t = terms_[id];
  auto add = [&](uint64_t key) {
    auto [it, inserted] = heads_.try_emplace(key, npos);
    // A term with a repeated letter ("summary") yields one variant twice.
    for (auto l = it->second; l != npos; l = links_[l].next)
      if (links_[l].term == id)
        return;
    links_.push_back(link{id, it->second});
    it->second = static_cast<uint32_t>(links_.size() - 1);
  };
  add(hash_without(t, t.size()));
  for (size_t i = 0; i < t.size(); ++i)
    add(hash_without(t, i));
}

void term_dictionary::probe(uint64_t key, std::string_view term,
                            std::vector<uint32_t>& out) const {
  auto it = heads_.find(key);
  if (it == heads_.end())
    return;
  for (auto l = it->second; l != npos; l = links_[l].next) {
    auto id = links_[l].term;
    const auto& candidate = terms_[id];
    if (candidate == term || !within_one_edit(candidate, term))
      continue; // a hash collision, or two edits apart
    if (std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
  }
}

void term_dictionary::fuzzy(std::string_view term, std::vector<uint32_t>& out) const {
  if (!fuzzy_eligible(term))
    return;
  probe(hash_without(term, term.size()), term, out);
  for (size_t i = 0; i < term.size(); ++i)
    probe(hash_without(term, i), term, out);
}

} // namespace medha::discovery
