#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/cues_scanner.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <shared_mutex>
#include <sstream>
#include <unordered_map>

#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen {

namespace detail {

pattern parse_pattern(const std::string& text) {
  pattern p;
  std::istringstream in(text);
  std::string part;
  while (in >> part) {
    bool opt = part.back() == '?';
    if (opt)
      part.pop_back();
    std::vector<std::string> alts;
    size_t start = 0;
    for (size_t bar; (bar = part.find('|', start)) != std::string::npos; start = bar + 1)
      alts.push_back(part.substr(start, bar - start));
    alts.push_back(part.substr(start));
    p.words.push_back(std::move(alts));
    p.optional.push_back(opt);
  }
  return p;
}

int word_number(const std::string& w) {
  static const char* names[] = {"one", "two", "three", "four", "five", "six", "seven",
                                "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"};
  static const int values[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20};
  for (int i = 0; i < 14; ++i)
    if (w == names[i])
      return values[i];
  return 0;
}

// Patterns are string literals of this program: each is parsed once for the
// whole process and never changes after (a memo shared by every thread, not
// state a reading depends on). Entries are never erased, so a reference
// stays valid once the lock is released.
const pattern& parsed_pattern(const char* text) {
  static std::shared_mutex mutex;
  static std::unordered_map<const char*, pattern> parsed;
  {
    std::shared_lock<std::shared_mutex> read(mutex);
    if (auto it = parsed.find(text); it != parsed.end())
      return it->second;
  }
  auto p = parse_pattern(text);
  std::unique_lock<std::shared_mutex> write(mutex);
  return parsed.emplace(text, std::move(p)).first->second;
}

// Length of the match of `text` at i, 0 when none; numbers go to `numbers`.
size_t scanner::match(size_t i, const char* text) {
  auto& p = parsed_pattern(text);
  numbers.clear();
  size_t j = i;
  for (size_t k = 0; k < p.words.size(); ++k) {
    bool ok = false;
    for (auto& alt : p.words[k]) {
      if (alt == "#" ? is_num(j) : (free(j) && t[j].text == alt)) {
        if (alt == "#")
          numbers.push_back(num(j));
        ok = true;
        break;
      }
    }
    if (ok)
      ++j;
    else if (!p.optional[k])
      return 0;
  }
  return j - i;
}

cue& scanner::add(cue_kind kind, size_t i, size_t len) {
  for (size_t k = i; k < i + len; ++k)
    taken[k] = true;
  cue c;
  c.kind = kind;
  c.begin = i;
  c.end = i + len;
  out.push_back(c);
  return out.back();
}

bool scanner::literal_after(size_t i, cue& c) {
  // The literal of a containment: a quoted span, or the next word.
  // "start with the letter J": the words naming the kind of literal go.
  size_t k = i;
  while (k < t.size() && !t[k].quoted
         && (t[k].text == "the" || t[k].text == "a" || t[k].text == "letter"
             || t[k].text == "letters" || t[k].text == "word" || t[k].text == "string"
             || t[k].text == "prefix" || t[k].text == "text"))
    ++k;
  if (k < t.size() && t[k].quoted && k > i) {
    for (size_t j = i; j < k; ++j)
      taken[j] = true;
    i = k;
  }
  if (i < t.size() && !taken[i]) {
    taken[i] = true;
    c.values.push_back(t[i].text);
    c.end = i + 1;
    return true;
  }
  return false;
}

void scanner::run() {
  auto none = [](cue&) {};
  for (size_t i = 0; i < t.size(); ++i) {
    if (!free(i))
      continue;
    // "10%" arrives as "10 percent": the word belongs to the number.
    if (i + 1 < t.size() && is_number(t[i].text) && free(i + 1)
        && (t[i + 1].text == "percent" || t[i + 1].text == "pct")) {
      taken[i + 1] = true;
      continue;
    }
    // Phrasal verbs whose noun would otherwise name something: "what share
    // does each region account for", "where does revenue come from", "how
    // many ended up rejected" (no end date of anything).
    if (auto len = std::max({match(i, "account|accounts|accounted for"),
                             match(i, "make|makes|made up"),
                             match(i, "come|comes|came from"),
                             match(i, "end|ends|ended up"),
                             match(i, "part|parts|member|members of")})) {
      for (size_t k = i; k < i + len; ++k)
        taken[k] = true;
      continue;
    }
    // "compare names exactly", "match the genre ignoring case": how
    // values compare, with up to three words naming what is compared.
    if (t[i].text == "match") {
      size_t j = i + 1;
      std::string mode;
      std::pair<size_t, size_t> wildcards{0, 0};
      while (j < t.size() && j <= i + 4 && free(j) && mode.empty()) {
        if (match(j, "exactly"))
          mode = "exact";
        else if (match(j, "case insensitively|insensitive")
                 || match(j, "case-insensitively|case-insensitive|caseinsensitive"))
          mode = "ignore_case";
        else if (auto len = match(j, "with wildcard|wildcards"); len && j + len < t.size()) {
          wildcards = {j, j + len}; // "match by pattern ignoring case": a containment's own way
          j += len;
        }
        else if (match(j, "wildcard|wildcards|partially|partial|pattern|like|with"))
          break;
        else
          ++j;
      }
      if (!mode.empty()) {
        auto len = match(j, "case") ? 2 : 1;
        auto& c = add(cue_kind::match_mode, i, j + len - i);
        c.text = mode;
        for (size_t k = i + 1; k < j; ++k)
          if (k < wildcards.first || k >= wildcards.second)
            c.values.push_back(t[k].text); // what is compared: "food_type", "strings"
        continue;
      }
    }
    auto chart = [](const char* kind) { return [kind](cue& c) { c.text = kind; }; };
    // A chart's kind alone is an ordinary word ("per bar of soap", "the bar
    // staff"): it asks for a chart beside "chart" or after "as".
    if (any(i, {"as? a? line chart|graph|plot", "as a? line"}, cue_kind::chart, chart("line"))
        || any(i, {"as? a? bar|column|pie chart|graph|plot", "as a? bar|pie"}, cue_kind::chart,
               chart("bar"))
        || any(i, {"as|in a table", "table view", "tabular"}, cue_kind::chart, chart("table"))
        || any(i, {"as a kpi|number", "single number"}, cue_kind::chart, chart("kpi")))
      continue;
    if (any(i, {"show|see|list? the|all|raw|underlying|individual|detailed rows|records",
                "raw|underlying|detailed data"},
            cue_kind::show_rows, none))
      continue;
    // "a year earlier?", "the month before that": the last question's period, moved back.
    // (Patterns are literals: each is parsed once, kept by its address.)
    {
      static const std::pair<const char*, std::pair<const char*, const char*>> earlier[] = {
        {"year", {"the|a|one? year before|earlier|prior", "the? prior|preceding year"}},
        {"quarter", {"the|a|one? quarter before|earlier|prior", "the? prior|preceding quarter"}},
        {"month", {"the|a|one? month before|earlier|prior", "the? prior|preceding month"}}};
      size_t len = 0;
      for (auto& [unit, said] : earlier)
        if ((len = std::max(match(i, said.first), match(i, said.second)))) {
          add(cue_kind::period_before, i, len).text = unit;
          break;
        }
      if (len)
        continue;
    }
    if (any(i, {"for|in|over|during the same period|time|dates|timeframe|months|years|year|quarter|month",
                "in|for|during|from|over|of? that period|year|quarter|month|week|day"},
            cue_kind::same_period, none))
      continue;
    if (auto len = match(i, "remove|drop|clear|reset|delete|ignore|without|no|undo the|all|any? "
                            "year|years|date|dates|time|period filter|filters|condition|conditions?")) {
      add(cue_kind::remove_filter, i, len).text = "time";
      continue;
    }
    if (any(i, {"remove|drop|clear|reset|delete|ignore|undo|without|no the|all|any? "
                "filter|filters|condition|conditions|restriction|restrictions"},
            cue_kind::remove_filter, none)
        || any(i, {"over|for|across? all|any|every years|time|dates"}, cue_kind::remove_filter,
               [](cue& c) { c.text = "time"; }))
      continue;
    if (i + 2 < t.size() && match(i, "remove|drop|clear|delete|undo the?") && !taken[i]) {
      // "remove the West filter": the named value's filter only.
      auto len = match(i, "remove|drop|clear|delete|undo the?");
      size_t j = i + len;
      size_t k = j;
      while (k < t.size() && k < j + 3 && t[k].text != "filter")
        ++k;
      if (k < t.size() && t[k].text == "filter" && k > j) {
        auto& c = add(cue_kind::remove_filter, i, len);
        for (size_t m = j; m < k; ++m) {
          c.values.push_back(t[m].text);
          taken[m] = true;
        }
        taken[k] = true;
        c.end = k + 1;
        continue;
      }
    }
    if (auto len = match(i, "instead of|for")) {
      // "by genre instead of label": what follows is what goes away.
      add(cue_kind::instead, i, len).text = "of";
      continue;
    }
    if (any(i, {"instead", "what|how about", "what if", "same for", "and for", "now for",
                "switch|change|go back? to", "back to", "rather than"},
            cue_kind::instead, none))
      continue;
    if (any(i, {"too", "also", "as well as?", "in addition to?", "plus"}, cue_kind::also, none))
      continue;
    if (i == 0 && any(i, {"and", "also", "now"}, cue_kind::instead, none))
      continue;
    // "what's the average per segment then?": a closing "then" goes on
    // from the answer just given.
    if (i > 0 && i + 1 == t.size() && any(i, {"then"}, cue_kind::instead, none))
      continue;
    // "our largest order by revenue": "order" after a determiner or an
    // adjective is the noun, and "by" says what ranks it.
    static const char* noun_before[] = {"the", "a", "an", "each", "every", "per", "our", "my",
                                        "your", "one", "single", "that", "this", "which",
                                        "largest", "biggest", "highest", "smallest", "lowest",
                                        "first", "last", "latest", "earliest", "typical"};
    bool order_noun = i > 0 && t[i].text == "order" && !t[i - 1].quoted
                      && std::any_of(std::begin(noun_before), std::end(noun_before),
                                     [&](const char* w) { return t[i - 1].text == w; });
    if (order_noun)
      continue;
    if (any(i, {"sort|sorted|order|ordered|rank|ranked|arrange|arranged by", "in order of",
                "sort|order|rank|arrange the? results|result|list|output|rows|records|them by"},
            cue_kind::order_by, none)
        || any(i, {"sort|sorted|rank|ranked|arrange|arranged"}, cue_kind::order_by,
               [](cue& c) { c.text = "bare"; }))
      continue;
    // "order" is also a noun and "ordered" a verb of buying: as a sort
    // word only when a direction follows ("ordered alphabetically",
    // "ordered from the largest down", "in descending order").
    if (match(i, "order|ordered")
        && (match(i + 1, "alphabetically|ascending|descending|increasing|decreasing")
            || match(i + 1, "from highest|largest|biggest|most|best|longest|lowest|smallest|least|worst|shortest")
            || match(i + 1, "in ascending|descending|increasing|decreasing|alphabetical"))) {
      add(cue_kind::order_by, i, 1).text = "bare";
      continue;
    }
    if (ranking_cues(i))
      continue;
    // "the 3 longest clips": the number is the ranking's size, and the
    // adjective stays a superlative of its own that names what is ranked.
    auto dimension_adjective = [&](size_t j) {
      static const char* words[] = {"longest", "shortest", "tallest", "fastest", "slowest", "heaviest",
                                    "lightest", "deepest", "shallowest", "widest", "narrowest"};
      return j < t.size() && !t[j].quoted
             && std::any_of(std::begin(words), std::end(words), [&](const char* w) { return t[j].text == w; });
    };
    size_t counted = match(i, "the #");
    if (!counted)
      counted = match(i, "#");
    if (counted && dimension_adjective(i + counted) && std::stoi(numbers[0]) < 1000) {
      auto& c = add(cue_kind::top_n, i, counted);
      c.count = std::stoi(numbers[0]);
      auto& w = t[i + counted].text;
      c.descending = !(w == "shortest" || w == "slowest" || w == "lightest" || w == "shallowest"
                       || w == "narrowest");
      continue;
    }
    // "the 5 vans with the largest load weight": a number after "the",
    // before a superlative, is a ranking's size like "which 5".
    if (auto len = match(i, "the #"); len && std::stoi(numbers[0]) < 1000) {
      bool ranked = false;
      for (size_t j = i + len; j < t.size() && !ranked; ++j)
        ranked = !t[j].quoted
                 && (t[j].text == "highest" || t[j].text == "largest" || t[j].text == "biggest"
                     || t[j].text == "greatest" || t[j].text == "most" || t[j].text == "lowest"
                     || t[j].text == "smallest" || t[j].text == "least" || t[j].text == "fewest");
      if (ranked) {
        auto& c = add(cue_kind::top_n, i, len);
        c.count = std::stoi(numbers[0]);
        c.descending = true;
        c.text = "which";
        continue;
      }
    }
    if (auto len = match(i, "which|what #")) {
      // "which 4 depots ...": a ranking whose direction the superlative gives.
      auto& c = add(cue_kind::top_n, i, len);
      c.count = std::stoi(numbers[0]);
      c.descending = true;
      c.text = "which";
      continue;
    }
    // "ordered by the highest rating first": the sort's own direction word.
    if (match(i, "first") && i + 1 == t.size()
        && std::any_of(out.begin(), out.end(), [](const cue& c) {
             return c.kind == cue_kind::order_by || c.kind == cue_kind::direction;
           })
        && std::any_of(out.begin(), out.end(), [](const cue& c) {
             return c.kind == cue_kind::superlative;
           })) {
      taken[i] = true;
      continue;
    }
    if (auto len = match(i, "first|last #")) {
      auto& c = add(cue_kind::limit, i, len);
      c.count = std::stoi(numbers[0]);
      c.text = t[i].text; // "first" or "last": in the order the rows are kept
      continue;
    }
    word_cues(i);
  }
}


} // namespace detail

std::vector<cue> read_cues(const std::vector<token>& tokens, std::vector<bool>& taken) {
  detail::scanner s{tokens, taken, {}, {}};
  s.run();
  return std::move(s.out);
}

} // namespace medha::sqlgen
