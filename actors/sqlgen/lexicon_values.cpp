// The words for a column's values: each value as written, a sex kept as a
// code ("women"), names among many (weaker), US state codes by their names,
// and the states an empty column means ("open" while closed_at is empty).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/place_codes.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

using namespace lexicon_words;

namespace {

// A date kept for when someone leaves: its name or its description says
// leaving, resigning, termination or the end of their time with us.
bool marks_leaving(const column_info& c) {
  static const char* words[] = {"left", "leave", "leaving", "leaver", "term", "terminated", "termination",
                                "resigned", "resignation", "end", "ended", "exit", "quit"};
  auto said = split_words(c.name);
  for (auto& w : phrase_words(c.comment))
    said.push_back(w);
  return std::any_of(said.begin(), said.end(), [&](const std::string& w) {
    return std::any_of(std::begin(words), std::end(words), [&](const char* x) { return w == x; });
  });
}

} // namespace

void lexicon::add_values_of(const table_info& t, const column_info& c, const std::vector<std::string>& words) {
  // "women", "male patients": a sex kept as a code or a word.
  if (std::find(words.begin(), words.end(), "sex") != words.end()
      || std::find(words.begin(), words.end(), "gender") != words.end())
    for (auto& v : c.values) {
      auto code = v;
      for (auto& ch : code)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      element ve{element_kind::value, t.name, c.name, "", v};
      if (code == "f" || code == "female" || code == "w")
        for (auto* w : {"women", "woman", "female", "females"})
          add({w}, ve, 0.9);
      if (code == "m" || code == "male")
        for (auto* w : {"men", "man", "male", "males"})
          add({w}, ve, 0.9);
    }
  bool state_codes = !c.values.empty();
  // A person's name is no spelling to correct towards: "person" is not
  // 'Pearson', "rose" not 'Ross'.
  bool name_part = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "first" || w == "last" || w == "given" || w == "family" || w == "surname" || w == "forename"
           || w == "middle";
  });
  for (auto& v : c.values) {
    state_codes = state_codes && !us_state_name(v).empty();
    auto vw = phrase_words(v);
    if (!vw.empty())
      add(vw, {element_kind::value, t.name, c.name, "", v}, 0.9, false, !name_part);
    // "successful transactions" for status 'success': the adjective of a noun value.
    if (vw.size() == 1 && vw[0].size() >= 4
        && std::all_of(vw[0].begin(), vw[0].end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }))
      add({vw[0] + "ful"}, {element_kind::value, t.name, c.name, "", v}, 0.85);
  }
  // A name among many ("Bergen" of 600 towns): weaker than a category
  // value or a column's own name, so those win when both are said. A
  // value that is only a number or one short word is too easily said
  // for something else.
  for (auto& v : c.lookup_values) {
    auto vw = phrase_words(v);
    bool numeric = std::all_of(v.begin(), v.end(), [](unsigned char ch) { return std::isdigit(ch) || ch == ' ' || ch == '.' || ch == '-'; });
    if (vw.empty() || numeric || (vw.size() == 1 && (vw[0].size() < 4 || is_stopword(vw[0]))))
      continue;
    // Not a spelling to correct towards: among thousands of names, a
    // misspelt word would find one.
    add(vw, {element_kind::value, t.name, c.name, "", v}, 0.85, false, false);
  }
  // "California" for a column of postal codes ('CA'): weaker than a value
  // spelled out elsewhere, so a column of state names still wins; but still
  // a candidate beside a city of the same name ("the county of Kent" beside a town Kent).
  if (state_codes)
    for (auto& v : c.values)
      add(phrase_words(std::string(us_state_name(v))), {element_kind::value, t.name, c.name, "", v},
          0.8);
  // "Swiss suppliers", "outside the USA": a country by its people's
  // adjective or its short name, where the data keeps it under another
  // name. Not a name the column keeps as well: that value is meant.
  for (auto* values : {&c.values, &c.lookup_values})
    for (auto& v : *values)
      for (auto other : other_country_names(v))
        if (std::none_of(values->begin(), values->end(), [&](const std::string& kept) { return kept == other; }))
          add(phrase_words(std::string(other)), {element_kind::value, t.name, c.name, "", v}, 0.85);
  // "NULL while the subscription is active": the state said after the
  // column is empty ("active", "open") names that condition.
  if (auto state = state_of_empty(c.comment); !state.empty())
    add({state}, {element_kind::value, t.name, c.name, "", empty_state}, 0.85);
  // "open tickets" where tickets keep a closed_at: open while it is empty.
  if (c.role == column_role::time && c.nullable)
    for (auto& state : states_while_unset(split_words(c.name)))
      add({state}, {element_kind::value, t.name, c.name, "", empty_state}, 0.9);
  // "staff who have left", "children who left us": people gone, where the
  // day someone leaves is kept (term_dt, left_on, "Leaving date"). Only as
  // a verb of leaving the business: "left" alone is also what remains.
  if (c.role == column_role::time && c.nullable && marks_leaving(c)) {
    element gone{element_kind::value, t.name, c.name, "", set_state};
    for (auto* said : {"have left", "has left", "had left", "left us", "leavers", "former"})
      add(phrase_words(said), gone, 0.9);
    for (auto* before : {"", "have ", "has ", "had "})
      for (auto* whom : {"the company", "the business", "the firm", "the team"})
        add(phrase_words(std::string(before) + "left " + whom), gone, 0.9);
  }
}

// "sourdough sales" where the lines are 'Sourdough loaf, large' and
// 'Sourdough loaf, small': words of some of a column's values, said
// without the rest, name the rows whose value contains them.
// - A category's word several values share is sure; one value's word is
//   weak (asked before it is answered: "premium" may not mean 'Premium
//   roast').
// - Two or more words of a value in a row ("Market Hall" of 'Market Hall
//   Kiosk', "500 sheets") are sure, for a catalogue's names too; a
//   catalogue's single words are not taken ("kiosk" of many names).
// - Never people's names (a first name alone is one person, not everyone
//   called so); never words of the model's own names ("almond" of
//   almond_price says that column) or words something else is named by,
//   alone or in a run; never words most values have, which name what the
//   values are.
void lexicon::add_value_words(const semantic_model& model) {
  std::set<std::string> structure;
  // The words the tables' descriptions use ("people who give to us"): said
  // alone, such a word is more likely meant for the rows so described than
  // as part of some value. (A column's note mentions values in passing:
  // "cruisers only".)
  std::set<std::string> described;
  for (auto& t : model.tables) {
    for (auto& w : spelled_out(split_words(t.name)))
      structure.insert(stem(w));
    for (auto& w : tokenize(t.comment))
      described.insert(w.stem);
    for (auto& c : t.columns)
      for (auto& w : spelled_out(split_words(c.name)))
        structure.insert(stem(w));
  }
  // A word that begins a name's word ("member" of "membership") names it too.
  auto in_structure = [&](const std::string& key) {
    if (structure.count(key))
      return true;
    return key.size() >= 4 && std::any_of(structure.begin(), structure.end(), [&](const std::string& w) {
             return w.size() > key.size() && w.compare(0, key.size(), key) == 0;
           });
  };
  // Words of position and degree ("under", "over") begin values such as
  // 'Under 16s' but are said in questions for what they mean.
  static const std::set<std::string> relational = {"under", "over", "above", "below", "after", "before", "since",
                                                   "until", "into", "onto", "within", "without", "upon", "plus",
                                                   "extra", "other", "more", "less", "most", "least", "first",
                                                   "last", "next", "full", "half", "non", "off", "out"};
  struct said {
    std::vector<std::string> words; // as written in the values
    size_t values = 0;               // how many values have them
  };
  struct found {
    element target;
    std::vector<std::string> words;
    double weight;
  };
  std::map<std::string, std::vector<found>> by_key; // stems of the words
  auto lower = [](std::string v) {
    for (auto& ch : v)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return v;
  };
  auto wordy = [](const std::string& w) {
    return w.size() >= 4 && !is_stopword(w) && !relational.count(w)
           && std::all_of(w.begin(), w.end(), [](unsigned char ch) { return std::isalpha(ch); });
  };
  for (auto& t : model.tables) {
    if (family_name_column(t))
      continue;
    auto* label = label_column(t);
    for (auto& c : t.columns) {
      bool catalogue = label == &c && !c.lookup_values.empty();
      auto& values = catalogue ? c.lookup_values : c.values;
      if (values.size() < 2 || c.role == column_role::numeric)
        continue;
      std::map<std::string, said> counted;
      for (auto& v : values) {
        auto text = lower(v);
        auto vw = phrase_words(v);
        std::set<std::string> seen;
        auto count = [&](std::vector<std::string> words) {
          auto key = join(stems_of(words), " ");
          if (!seen.insert(key).second)
            return;
          auto& one = counted[key];
          if (one.words.empty() || join(words, " ").size() < join(one.words, " ").size())
            one.words = std::move(words);
          ++one.values;
        };
        for (size_t i = 0; i < vw.size(); ++i) {
          if (!catalogue && wordy(vw[i]))
            count({vw[i]});
          for (size_t len = 2; len <= 4 && i + len <= vw.size() && len < vw.size(); ++len) {
            std::vector<std::string> run(vw.begin() + static_cast<std::ptrdiff_t>(i),
                                         vw.begin() + static_cast<std::ptrdiff_t>(i + len));
            bool edges = !is_stopword(run.front()) && !is_stopword(run.back());
            if (edges && std::any_of(run.begin(), run.end(), wordy)
                && text.find(join(run, " ")) != std::string::npos) // said as the value says it
              count(std::move(run));
          }
        }
      }
      for (auto& [key, one] : counted) {
        // Had by most values, the words name what the values are ("Civic
        // Hall" of the venues' names), not some of them.
        if (one.values * 2 > values.size())
          continue;
        double weight = one.words.size() > 1 || one.values > 1 ? 0.9 : 0.6;
        element target{element_kind::value, t.name, c.name, "", std::string(1, value_word_mark) + join(one.words, " ")};
        by_key[key].push_back({target, one.words, weight});
      }
    }
  }
  // Words something else is named by, decided before any value word is
  // added: "theory exams" is the value 'theory' and the exams table, never
  // the words of 'Leeds Theory Exam Centre'.
  // A word of a run may be a value elsewhere ("business" of 'Business
  // cards' beside a customer type 'business'): the run, said whole, is the
  // longer match. Not a word that names a table or column.
  auto named_otherwise = [&](const std::string& key, bool values_too) {
    if (key.find(' ') == std::string::npos && (in_structure(key) || described.count(key)))
      return true;
    auto& named = lookup(key);
    return std::any_of(named.begin(), named.end(), [&](const lexicon_entry& e) {
      return e.weight >= 0.7 && (values_too || e.target.kind != element_kind::value);
    });
  };
  std::vector<found> kept;
  for (auto& [key, all] : by_key) {
    auto stems = stems_of(all.front().words);
    bool free = !named_otherwise(key, true);
    for (size_t i = 0; i < stems.size() && free && stems.size() > 1; ++i)
      free = !named_otherwise(stems[i], false);
    if (free)
      kept.insert(kept.end(), all.begin(), all.end());
  }
  for (auto& f : kept)
    add(f.words, f.target, f.weight, false, false); // not a spelling to correct towards
}

} // namespace medha::sqlgen
