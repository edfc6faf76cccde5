#include "actors/sqlgen/words.hpp"

#include "actors/sqlgen/number_words.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace medha::sqlgen {

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80);
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool has_vowel(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return vowel(c) || c == 'y'; });
}

// "shipp" → "ship", "cancell" → "cancel": undo the doubled final consonant.
std::string undouble(std::string s) {
  auto n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !vowel(s[n - 1]) && s[n - 1] != 's'
      && s[n - 1] != 'z')
    s.pop_back();
  return s;
}

} // namespace

std::string stem_suffixes(std::string_view word);

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> out;
  size_t i = 0;
  int depth = 0; // of parentheses
  while (i < text.size()) {
    char c = text[i];
    if (c == '(' || c == ')') {
      depth = c == '(' ? depth + 1 : std::max(0, depth - 1);
      ++i;
      continue;
    }
    if ((c == '\'' || c == '"') && (i == 0 || !word_char(text[i - 1]))) {
      auto close = text.find(c, i + 1);
      if (close != std::string_view::npos && close > i + 1) {
        token t;
        t.text = std::string(text.substr(i + 1, close - i - 1));
        t.stem = t.text;
        t.quoted = true;
        out.push_back(std::move(t));
        i = close + 1;
        continue;
      }
    }
    // Comparison signs are words of their own: "score > 7.5", "price <= 10".
    if (c == '<' || c == '>' || c == '=') {
      std::string sign(1, c);
      if (c != '=' && i + 1 < text.size() && text[i + 1] == '=')
        sign += '=';
      out.push_back({sign, sign, false});
      i += sign.size();
      continue;
    }
    if (!word_char(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string w;
    // Keep "2024-03-01", "3.5" and "o'brien" whole; drop a trailing "'s".
    while (j < text.size()) {
      char d = text[j];
      if (word_char(d)) {
        w += lower(d);
        ++j;
      } else if ((d == '-' || d == '.' || d == '\'') && j + 1 < text.size()
                 && word_char(text[j + 1]) && !w.empty()
                 && (d != '.' || (std::isdigit(static_cast<unsigned char>(w.back()))
                                  && std::isdigit(static_cast<unsigned char>(text[j + 1]))))
                 && (d != '-' || std::isdigit(static_cast<unsigned char>(w.back())))) {
        w += d;
        ++j;
      } else {
        break;
      }
    }
    if (ends_with(w, "'s"))
      w.resize(w.size() - 2);
    // "1-star reviews", "5 stars": a rating of that many stars, said as
    // "rated 1" (the rating column is found by its own name).
    auto digits = [](const std::string& s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); });
    };
    auto dash = w.find('-');
    if (dash != std::string::npos && digits(w.substr(0, dash))
        && (w.substr(dash + 1) == "star" || w.substr(dash + 1) == "stars")) {
      out.push_back({"rated", stem("rated"), false, depth > 0});
      out.push_back({w.substr(0, dash), w.substr(0, dash), false, depth > 0});
      i = j;
      continue;
    }
    if ((w == "star" || w == "stars") && !out.empty() && !out.back().quoted && digits(out.back().text)) {
      auto n = out.back();
      out.back() = {"rated", stem("rated"), false, depth > 0};
      out.push_back(n);
      i = j;
      continue;
    }
    out.push_back({w, stem(w), false, depth > 0});
    out.back().joined = j + 1 < text.size() && text[j] == '-' && word_char(text[j + 1]);
    // "21+", "5+ nights": the number or more, never a count of rows to show.
    if (j < text.size() && text[j] == '+' && std::all_of(w.begin(), w.end(), [](char d) {
          return std::isdigit(static_cast<unsigned char>(d));
        })) {
      out.push_back({"or", "or", false, depth > 0});
      out.push_back({"more", "more", false, depth > 0});
      ++j;
    }
    i = j;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view id) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      if (!cur.empty())
        out.push_back(cur);
      cur.clear();
      continue;
    }
    if (upper && !cur.empty() && i > 0 && std::islower(static_cast<unsigned char>(id[i - 1]))) {
      out.push_back(cur);
      cur.clear();
    }
    cur += lower(c);
  }
  if (!cur.empty())
    out.push_back(cur);
  return out;
}

// Irregular past forms meet their verb, so "wrote" and "written" find a
// table or column called after "write". Only forms with no other common
// meaning ("found", "led", "won" are nouns or stems of other words too).
static std::string_view base_verb(std::string_view word) {
  static const std::pair<const char*, const char*> forms[] = {
    {"wrote", "write"},   {"written", "write"}, {"taught", "teach"}, {"took", "take"},
    {"taken", "take"},    {"bought", "buy"},    {"chose", "choose"}, {"chosen", "choose"},
    {"drove", "drive"},   {"driven", "drive"},  {"flew", "fly"},     {"flown", "fly"},
    {"spoke", "speak"},   {"spoken", "speak"},  {"began", "begin"},  {"begun", "begin"},
    {"grew", "grow"},     {"grown", "grow"},    {"knew", "know"},    {"known", "know"}};
  for (auto& [form, verb] : forms)
    if (word == form)
      return verb;
  return word;
}

std::string stem(std::string_view word) {
  if (word == "ids")
    return "id"; // too short for the plural rule below
  // "people" is the plural of "person" ("salespeople", "salespersons").
  if (word.size() >= 6 && word.substr(word.size() - 6) == "people")
    return stem(std::string(word.substr(0, word.size() - 6)) + "person");
  // Irregular plurals meet their singular: "women" find the value "woman".
  static const std::pair<const char*, const char*> plurals[] = {
    {"children", "child"}, {"women", "woman"}, {"men", "man"}};
  for (auto& [plural, singular] : plurals)
    if (word == plural)
      return singular;
  auto w = stem_suffixes(base_verb(word));
  // "movie" meets "movies", whose plural rule gave "movy" ("cities": "city").
  if (w.size() >= 5 && w.compare(w.size() - 2, 2, "ie") == 0)
    return w.substr(0, w.size() - 2) + "y";
  // "release"/"released" → "releas", "price"/"priced" → "pric".
  if (w.size() >= 4 && w.back() == 'e' && std::isalpha(static_cast<unsigned char>(w[0])))
    w.pop_back();
  return w;
}

std::string stem_suffixes(std::string_view word) {
  std::string w(word);
  if (w.size() <= 3 || !std::isalpha(static_cast<unsigned char>(w[0])))
    return w;
  if (ends_with(w, "ies") && w.size() > 4)
    return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches")
      || ends_with(w, "shes"))
    return w.substr(0, w.size() - 2);
  // "ratings" meets "rating" (and so "rated"): a plural -ing noun is stemmed
  // as its singular.
  if (ends_with(w, "ings") && w.size() > 6)
    return stem_suffixes(w.substr(0, w.size() - 1));
  if (ends_with(w, "ing") && w.size() > 5 && has_vowel(w.substr(0, w.size() - 3)))
    return undouble(w.substr(0, w.size() - 3));
  if (ends_with(w, "ied") && w.size() > 4)
    return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "ed") && w.size() > 4 && has_vowel(w.substr(0, w.size() - 2))) {
    return undouble(w.substr(0, w.size() - 2));
  }
  if (ends_with(w, "ly") && w.size() > 5)
    return w.substr(0, w.size() - 2);
  if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is"))
    return w.substr(0, w.size() - 1);
  return w;
}

std::string singular(std::string_view word) {
  std::string w(word);
  if (ends_with(w, "ies") && w.size() > 4)
    return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes"))
    return w.substr(0, w.size() - 2);
  if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && w.size() > 3)
    return w.substr(0, w.size() - 1);
  return w;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit)
    return limit + 1;
  // Optimal string alignment: a swap of two letters ("regoin") costs one.
  std::vector<int> before(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j)
    prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      best = std::min(best, cur[j]);
    }
    if (best > limit)
      return limit + 1;
    before = prev;
    std::swap(prev, cur);
  }
  return prev[m];
}

bool is_stopword(std::string_view word) {
  static const std::set<std::string, std::less<>> words = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by",
    "and", "or", "is", "are", "was", "were", "be", "been", "do", "does", "did",
    "what", "whats", "what's", "which", "who", "whom", "whose", "how", "me", "my", "our",
    "we", "us", "i", "you", "your", "it", "its", "this", "that", "these", "those",
    "show", "give", "get", "tell", "find", "display", "list", "see", "want", "like",
    "would", "could", "can", "please", "there", "their", "them", "they", "have",
    "has", "had", "all", "each", "every", "per", "data", "info", "information",
    "value", "values", "figure", "figures", "number", "amount", "some", "any",
    "let", "lets", "let's", "know", "much", "many", "about", "as", "so", "then",
    "also", "just", "only", "same", "up", "overall", "altogether", "across", "broken", "down",
    "split", "grouped", "group", "breakdown", "where", "when", "whose", "been",
    "made", "make", "generated", "generate", "earned", "brought", "report", "view",
    "look", "provide", "please", "now", "well", "too", "again", "currently",
    "live", "lives", "located", "based", "exist", "exists", "existing", "available",
    "via", "through", "using", "placed", "place", "break", "breakdown", "ones", "them", "those", "these", "it", "recorded", "stored", "come", "comes", "came", "coming", "contribute", "contributes",
    // ("account for" is a phrasal verb the cues take whole; "accounts" alone
    // can name a table.)
    "contributed", "accounted", "kind", "kinds", "sort", "okay", "ok", "hey", "hi", "thanks",
    // Verbs and fillers that carry no filter or measure of their own: "which
    // region brings in the most", "the largest single order", "units we sell".
    "bring", "brings", "bringing", "one", "something", "anything", "single", "individual",
    "sell", "sells", "sold", "selling", "counting", "considering", "but", "yet", "still",
    "actually", "really", "exactly", "lasted", "give", "gives", "given", "show", "shows", "return",
    "returns", "result", "results", "output", "answer", "database", "table", "tables",
    "record", "records", "row", "rows", "entry", "entries", "do", "did", "does", "doing", "done",
    "happen", "happened", "occur", "occurs", "occurred", "occured", "receive", "received", "whole", "entire", "ever", "respective",
    "corresponding", "along", "together", "then", "including", "included", "separately",
    // "no director listed", "no email specified": said of a value being there.
    "listed", "specified", "provided", "entered",
    // Verbs that only say one named thing has another: "gyms that offer
    // classes", "shops that sell organic bread".
    "offer", "offers", "serve", "serves", "provide", "provides",
    // People spoken of in the third person: "how many did he/she have".
    "he", "she", "him", "her", "his", "hers", "they're",
    "belong", "belongs", "belonged", "belonging", "wrote", "written",
    "should", "must", "shall", "might", // modal verbs: "they should be located in ..."
    "got", "gotten", "getting",
    "hold", "holds", // "how many vans does each depot hold": have
    // "how many lessons were taken", "which firm owns the most vans": the
    // rows exist, or one thing has another.
    "take", "takes", "took", "taken", "own", "owns",
    "during", // "during 2024": in it
    "went", "goes", "gone", // "parcels that went to Leeds": whose destination is
    "we've", "i've", "you've", "they've", "we're", "you're", "we'd", "i'd", "we'll", // "we have", ...
  };
  return words.count(word) > 0;
}

std::string join(const std::vector<std::string>& words, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i)
      out += sep;
    out += words[i];
  }
  return out;
}

bool opens_a_clause(const std::vector<token>& tokens, size_t i) {
  return i > 0 && i < tokens.size() && !tokens[i].quoted && tokens[i].text == "that"
         && (tokens[i - 1].quoted || !is_stopword(tokens[i - 1].text));
}

bool is_participle(std::string_view word) {
  static const char* irregular[] = {"found",  "made",   "held", "sold",   "bought", "won",
                                    "built",  "done",   "paid", "sent",   "spent",  "taught",
                                    "brought", "kept",  "led",  "given",  "taken",  "written",
                                    "driven", "chosen", "seen", "known",  "shown",  "grown",
                                    "left",   "quit",   "lost"};
  for (auto* w : irregular)
    if (word == w)
      return true;
  if (base_verb(word) != word)
    return true; // "wrote", "took"
  return word.size() > 4 && word.substr(word.size() - 2) == "ed";
}

} // namespace medha::sqlgen
