#include "actors/sqlgen/linker.hpp"

#include <algorithm>

namespace medha::sqlgen {

namespace {

// Words a name may be split by when said as a clause: "units are on
// order", "crates do we still have in storage".
bool splits_a_name(const std::string& w) {
  static const char* gaps[] = {"is", "are", "was", "were", "do", "does", "did", "we", "you", "they",
                               "have", "has", "had", "still", "currently"};
  return std::any_of(std::begin(gaps), std::end(gaps), [&](const char* g) { return w == g; });
}

std::string lowered(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The single known stem closest to `s`, if it is close enough and unique.
std::string correct(const lexicon& lex, const std::string& s) {
  if (s.size() < 5)
    return {};
  int limit = s.size() >= 8 ? 2 : 1;
  std::string best;
  int best_d = limit + 1;
  bool tie = false;
  for (auto& v : lex.vocabulary()) {
    if (v.size() < 4)
      continue;
    int d = edit_distance(s, v, limit);
    if (d < best_d) {
      best = v;
      best_d = d;
      tie = false;
    } else if (d == best_d) {
      tie = true;
    }
  }
  return best_d <= limit && !tie ? best : std::string();
}

// "rejections", "refusals", "renewals": the noun of a verb whose past
// participle the data keeps as a state ('rejected', 'refused',
// 'renewed'). The stem of that state, or empty. Only a state: the noun
// of a verb that names a column or a table is not read for it here.
std::string state_of_noun(const lexicon& lex, std::string w) {
  if (w.size() > 5 && w.back() == 's' && w[w.size() - 2] != 's')
    w.pop_back();
  std::vector<std::string> bases;
  for (auto* suffix : {"ation", "ion", "ure", "al", "ment", "y"}) {
    std::string sf(suffix);
    if (w.size() < sf.size() + 3 || w.compare(w.size() - sf.size(), sf.size(), sf) != 0)
      continue;
    auto base = w.substr(0, w.size() - sf.size());
    bases.push_back(base);
    bases.push_back(base + "e");
    if (base.size() > 3 && base.back() == base[base.size() - 2]) // "cancell"
      bases.push_back(base.substr(0, base.size() - 1));
    break;
  }
  for (auto& b : bases) {
    auto s = stem(b);
    auto& entries = lex.lookup(s);
    if (std::any_of(entries.begin(), entries.end(), [](const lexicon_entry& e) {
          return e.target.kind == element_kind::value && e.weight >= 0.85;
        }))
      return s;
  }
  return {};
}

// Entries without words of some values (lexicon_values.cpp): those are
// never reached by a spelling fix or by two words run together.
void drop_value_words(std::vector<lexicon_entry>& entries) {
  entries.erase(std::remove_if(entries.begin(), entries.end(), [](const lexicon_entry& e) {
                  return e.target.kind == element_kind::value && is_value_word(e.target.value);
                }), entries.end());
}

// Entries within a small margin of the best; a value spelled exactly as the
// question spells it beats one that only shares its stem ("Engineering" vs
// "Engineer").
std::vector<lexicon_entry> best_entries(const std::vector<lexicon_entry>& entries,
                                        const std::string& typed) {
  auto lower = [](std::string s) {
    for (auto& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<lexicon_entry> scored = entries;
  for (auto& e : scored)
    if (e.target.kind == element_kind::value && lower(e.target.value) == typed)
      e.weight += 0.05;
  double top = 0;
  for (auto& e : scored)
    top = std::max(top, e.weight);
  std::vector<lexicon_entry> out;
  for (auto& e : scored)
    if (e.weight >= top - 0.15)
      out.push_back(e);
  std::sort(out.begin(), out.end(), [](const lexicon_entry& a, const lexicon_entry& b) {
    if (std::abs(a.weight - b.weight) > 1e-9)
      return a.weight > b.weight;
    return a.target < b.target;
  });
  return out;
}

} // namespace

std::vector<mention> link(const lexicon& lex, const std::vector<token>& tokens,
                          const std::vector<bool>& taken) {
  auto n = tokens.size();
  std::vector<std::string> stems(n);
  std::vector<bool> corrected(n, false);
  for (size_t i = 0; i < n; ++i) {
    stems[i] = tokens[i].stem;
    if (tokens[i].quoted) {
      std::string lower;
      for (auto& t : tokenize(tokens[i].text))
        lower += (lower.empty() ? "" : " ") + t.stem;
      stems[i] = lower;
    }
    if (taken[i] || tokens[i].quoted || is_stopword(tokens[i].text))
      continue;
    if (lex.knows(stems[i]) || lex.described(stems[i]))
      continue;
    bool digits = std::any_of(stems[i].begin(), stems[i].end(), ::isdigit);
    if (digits)
      continue;
    // "unshipped" is no misspelling of "shipped": its own word, read by
    // reading_happened.cpp.
    auto& text = tokens[i].text;
    if (text.size() > 6 && text.compare(0, 2, "un") == 0 && is_participle(text.substr(2)))
      continue;
    if (auto state = state_of_noun(lex, lowered(text)); !state.empty()) {
      stems[i] = state;
      continue;
    }
    if (auto fixed = correct(lex, stems[i]); !fixed.empty()) {
      stems[i] = fixed;
      corrected[i] = true;
    }
  }
  std::vector<mention> out;
  size_t i = 0;
  while (i < n) {
    if (taken[i]) {
      ++i;
      continue;
    }
    bool matched = false;
    // Up to three words longer than any name: a name split by a clause.
    for (size_t len = std::min(lex.longest() + 3, n - i); len >= 1 && !matched; --len) {
      bool free = true;
      std::string key;
      bool any_fix = false;
      for (size_t k = i; k < i + len; ++k) {
        free = free && !taken[k];
        key += (k > i ? " " : "") + stems[k];
        any_fix = any_fix || corrected[k];
      }
      if (!free)
        continue;
      // A lone function word ("by", "of") never names anything.
      // Nor one that only its stem links ("does" is not the surname "Doe").
      if (len == 1 && is_stopword(tokens[i].text)) {
        auto& e = lex.lookup(key);
        // A value must be the word itself: "does" is not the surname "Doe".
        bool strong = std::any_of(e.begin(), e.end(), [&](const lexicon_entry& x) {
          return x.weight >= 0.9
                 && (x.target.kind != element_kind::value || lowered(x.target.value) == tokens[i].text);
        });
        // "the car id, make, model and year": a column called just that word,
        // in a list of its table's columns.
        auto listed = [&]() {
          for (auto& x : e) {
            if (x.target.kind != element_kind::column || lowered(x.target.column) != tokens[i].text)
              continue;
            for (size_t j : {i - 1, i + 1}) {
              if (j >= n || taken[j] || tokens[j].quoted)
                continue;
              auto& near = lex.lookup(stems[j]);
              if (std::any_of(near.begin(), near.end(), [&](const lexicon_entry& y) {
                    return y.target.kind == element_kind::column && y.target.table == x.target.table
                           && y.weight >= 0.9;
                  }))
                return true;
            }
          }
          // "the make of cars": the column of its table, named after it.
          size_t thing = i + 2 < n && tokens[i + 2].text == "the" ? i + 3 : i + 2;
          if (thing < n && tokens[i + 1].text == "of" && !taken[thing])
            for (auto& x : e) {
              if (x.target.kind != element_kind::column || lowered(x.target.column) != tokens[i].text)
                continue;
              auto& of = lex.lookup(stems[thing]);
              if (std::any_of(of.begin(), of.end(), [&](const lexicon_entry& y) {
                    return y.target.kind == element_kind::table && y.target.table == x.target.table;
                  }))
                return true;
            }
          return false;
        };
        // A table called just that word ("shows") is named by it, unless it
        // opens the question or follows a pronoun: then it is the verb.
        bool table_name = i > 0 && tokens[i - 1].text != "it" && tokens[i - 1].text != "this"
                          && tokens[i - 1].text != "that"
                          && std::any_of(e.begin(), e.end(), [&](const lexicon_entry& x) {
          return x.target.kind == element_kind::table && x.target.table == tokens[i].text;
        });
        // "Show the orders", "can you show ...": a function word that opens
        // a request is its verb, even where a table shares the word.
        bool request = i == 0 || tokens[i - 1].text == "please" || tokens[i - 1].text == "you";
        // "live projects", "available rooms": a stored state said as the
        // word itself names it, though the word is also a function word
        // ("where they live"). Not a verb's participle ("orders placed").
        bool stored_as_said = !is_participle(tokens[i].text)
                              && std::any_of(e.begin(), e.end(), [&](const lexicon_entry& x) {
                                   return x.weight >= 0.9 && x.target.kind == element_kind::value
                                          && lowered(x.target.value) == tokens[i].text;
                                 });
        if (request || ((!strong || tokens[i].text.size() <= 3 || (tokens[i].text != stems[i] && !stored_as_said))
                        && !listed() && !table_name))
          continue;
      }
      auto entries = len <= lex.longest() ? lex.lookup(key) : std::vector<lexicon_entry>{};
      // "crates are on hold" for crates_on_hold: a name said as a clause,
      // its words in order with a copula between them. Only whole names of
      // columns and tables, never values or loose words.
      // Checked before any key is built: most spans have no such word.
      auto splits = [&](size_t k) { return k > i && k + 1 < i + len && !tokens[k].quoted && splits_a_name(tokens[k].text); };
      bool split = false;
      for (size_t k = i; k < i + len && len >= 3; ++k)
        split = split || splits(k);
      // Not a passive: "games are rated M" says what was done to the games.
      for (size_t k = i; k < i + len && split; ++k)
        split = !(is_participle(tokens[k].text) && tokens[k].text != tokens[k].stem);
      if (entries.empty() && split) {
        std::string bare;
        for (size_t k = i; k < i + len; ++k)
          if (!splits(k))
            bare += (bare.empty() ? "" : " ") + stems[k];
        for (auto& e : lex.lookup(bare))
          if (e.target.kind != element_kind::value && e.weight >= 0.9)
            entries.push_back(e);
      }
      if (entries.empty() && len == 2) { // "sign up", "signed up" → "signup"
        entries = lex.lookup(stems[i] + stems[i + 1]);
        if (entries.empty())
          entries = lex.lookup(stem(tokens[i].text + tokens[i + 1].text));
        // Never a word of some values: "sour dough" is no 'Sourdough'.
        drop_value_words(entries);
      }
      if (entries.empty() && len == 1 && !tokens[i].quoted && stems[i] != tokens[i].text)
        entries = lex.lookup(tokens[i].text);
      // A verb form names no table: "courses offered" is not course_offering,
      // though "offered" and "offering" share a stem; "ordered" still names
      // orders when that is the table's whole name.
      bool verb_last = is_participle(tokens[i + len - 1].text)
                       && tokens[i + len - 1].text != tokens[i + len - 1].stem;
      // A table whose name is the words exactly as typed ("payments received"
      // for payments_received) is still named.
      std::string as_typed;
      for (size_t k = i; k < i + len; ++k)
        as_typed += (k > i ? " " : "") + tokens[k].text;
      // Nor a stored state that is only its stem: "accounts that opened
      // tickets" did not pick the status 'open' ('cancelled' still names
      // 'cancelled', a participle stored as such).
      auto state_of_verb = [&](const lexicon_entry& e) {
        if (e.target.kind != element_kind::value)
          return true;
        auto stored = split_words(lowered(e.target.value));
        auto& typed_last = tokens[i + len - 1];
        bool by_stem = !stored.empty() && stored.back() != typed_last.text
                       && stem(stored.back()) == typed_last.stem;
        // But a verb with no object says the state of its subject: "how many
        // payments failed?" ends the question; "how many failed payments"
        // stands before its noun as an adjective.
        size_t end = i + len;
        bool no_object = std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(end), tokens.end(),
                                     [](const token& t) { return !t.quoted && is_stopword(t.text); });
        bool adjective = i > 0 && !tokens[i - 1].quoted
                         && (tokens[i - 1].text == "many" || tokens[i - 1].text == "the"
                             || tokens[i - 1].text == "all" || tokens[i - 1].text == "of");
        return !by_stem || is_participle(stored.back()) || no_object || adjective;
      };
      if (verb_last && !entries.empty()) {
        std::vector<lexicon_entry> kept;
        for (auto& e : entries)
          if ((e.target.kind != element_kind::table || (len == 1 && e.weight >= 1.0) || e.verb
               || join(split_words(e.target.table), " ") == as_typed)
              && state_of_verb(e))
            kept.push_back(e);
        entries = kept;
      }
      // A verb read off a column's name ("cleaned" of cleaned_by) is said as
      // a verb: "cleanings" are the things done, not who did them; and a
      // state stored as the word said ('delivered') is the rows' state.
      if (len == 1) {
        auto& w = tokens[i].text;
        bool a_state = std::any_of(entries.begin(), entries.end(), [&](const lexicon_entry& e) {
          return e.target.kind == element_kind::value && lowered(e.target.value) == w;
        });
        if (a_state || (w.size() > 6 && w.compare(w.size() - 4, 4, "ings") == 0))
          entries.erase(std::remove_if(entries.begin(), entries.end(), [](const lexicon_entry& e) {
                          return e.verb && e.target.kind == element_kind::column;
                        }), entries.end());
      }
      if (entries.empty())
        continue;
      std::string typed;
      for (size_t k = i; k < i + len; ++k) {
        auto text = tokens[k].text;
        for (auto& ch : text)
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        typed += (k > i ? " " : "") + text;
      }
      // The state an empty column means is an adjective as said: "open",
      // not the verb "opened".
      if (is_participle(tokens[i + len - 1].text) && tokens[i + len - 1].text != tokens[i + len - 1].stem)
        entries.erase(std::remove_if(entries.begin(), entries.end(), [](const lexicon_entry& e) {
                        return e.target.kind == element_kind::value && e.target.value == empty_state;
                      }), entries.end());
      // A word of the values is no spelling of another word: "sender" is
      // not 'Slender' of a product's name.
      if (any_fix)
        drop_value_words(entries);
      if (entries.empty())
        continue;
      // "how many brews", "the brews": after a quantifier or an article the
      // word is a noun, never the verb of a key ("brewer" of brewer_id).
      if (len == 1 && i > 0 && !tokens[i - 1].quoted) {
        auto& p = tokens[i - 1].text;
        bool noun = p == "many" || p == "the" || p == "our" || p == "each" || p == "every" || p == "all"
                    || p == "these" || p == "those";
        if (noun)
          entries.erase(std::remove_if(entries.begin(), entries.end(), [](const lexicon_entry& e) { return e.verb; }),
                        entries.end());
        if (entries.empty())
          continue;
      }
      // "reviews" names the reviews table before it is the verb of a
      // reviewer: a verb read off a name gives way to a table named so.
      double table_weight = 0;
      for (auto& e : entries)
        if (e.target.kind == element_kind::table && !e.verb)
          table_weight = std::max(table_weight, e.weight);
      if (table_weight > 0)
        entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const lexicon_entry& e) {
                        return e.verb && e.weight <= table_weight;
                      }), entries.end());
      auto best = best_entries(entries, typed);
      mention m;
      m.begin = i;
      m.end = i + len;
      m.score = std::min(best.front().weight, 1.0) * (any_fix ? 0.85 : 1.0);
      m.corrected = any_fix;
      for (auto& e : best)
      {
        m.candidates.push_back(e.target);
        m.weights.push_back(e.weight);
      }
      out.push_back(std::move(m));
      i += len;
      matched = true;
    }
    if (!matched)
      ++i;
  }
  return out;
}

} // namespace medha::sqlgen
