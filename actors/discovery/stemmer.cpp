#include "actors/discovery/stemmer.hpp"

namespace medha::discovery {

namespace {

bool ends_with(const std::string& w, const char* suffix) {
  std::string::size_type n = std::char_traits<char>::length(suffix);
  return w.size() >= n && w.compare(w.size() - n, n, suffix) == 0;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool has_vowel(const std::string& w) {
  for (char c : w)
    if (is_vowel(c) || c == 'y')
      return true;
  return false;
}

// Plurals: "categories" -> "category", "boxes" -> "box", "orders" -> "order";
// "status", "analysis", "address" keep their s.
void strip_plural(std::string& w) {
  if (w.size() > 4 && ends_with(w, "ies") && !ends_with(w, "eies") && !ends_with(w, "aies")) {
    w.replace(w.size() - 3, 3, "y");
    return;
  }
  if (w.size() > 4 && (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "zes")
                       || ends_with(w, "ches") || ends_with(w, "shes"))) {
    w.resize(w.size() - 2);
    return;
  }
  if (w.size() > 3 && w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us")
      && !ends_with(w, "is"))
    w.pop_back();
}

// Porter's measure: how many vowel-consonant runs the word has ("hir" 1,
// "order" 2), and whether it ends consonant-vowel-consonant ("hir", not
// "join"), the last consonant not w, x or y.
bool is_consonant(const std::string& w, size_t i) {
  if (is_vowel(w[i]))
    return false;
  if (w[i] == 'y')
    return i == 0 || !is_consonant(w, i - 1);
  return true;
}

size_t measure(const std::string& w) {
  size_t m = 0;
  for (size_t i = 1; i < w.size(); ++i)
    if (is_consonant(w, i) && !is_consonant(w, i - 1))
      ++m;
  return m;
}

bool ends_cvc(const std::string& w) {
  auto n = w.size();
  return n >= 3 && is_consonant(w, n - 1) && !is_consonant(w, n - 2) && is_consonant(w, n - 3)
         && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y';
}

// "-ing" / "-ed": strip only when a vowel stays, then undo doubled consonants
// ("shipped" -> "ship") or restore a silent e ("hired" -> "hire", "dated" ->
// "date") so the verb meets its noun.
void strip_verb_suffix(std::string& w) {
  std::string::size_type cut = 0;
  if (w.size() >= 6 && ends_with(w, "ing"))
    cut = 3;
  else if (w.size() >= 5 && ends_with(w, "ed") && !ends_with(w, "eed"))
    cut = 2;
  if (cut == 0)
    return;
  std::string rest = w.substr(0, w.size() - cut);
  if (rest.size() < 3 || !has_vowel(rest))
    return;
  auto n = rest.size();
  if (rest[n - 1] == rest[n - 2] && !is_vowel(rest[n - 1]) && rest[n - 1] != 'l'
      && rest[n - 1] != 's' && rest[n - 1] != 'z')
    rest.pop_back();
  else if (measure(rest) == 1 && ends_cvc(rest))
    rest += 'e';
  w = std::move(rest);
}

} // namespace

void stem(std::string& word) {
  // Numbers and short words ("id", "qty", "day") stay as they are.
  if (word.size() <= 3 || !(word[0] >= 'a' && word[0] <= 'z'))
    return;
  strip_plural(word);
  strip_verb_suffix(word);
  // A final silent e makes "price"/"pricing" and "resolve"/"resolved" differ;
  // dropping it on longer stems joins them ("sale", "date", "time" stay).
  if (word.size() > 4 && word.back() == 'e')
    word.pop_back();
}

} // namespace medha::discovery
