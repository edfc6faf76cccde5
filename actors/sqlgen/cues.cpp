#include "actors/sqlgen/cues.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_map>

#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen {

namespace {

// Words or alternatives ("more|greater"); "?" after a word makes it optional;
// "#" is a number.
struct pattern {
  std::vector<std::vector<std::string>> words;
  std::vector<bool> optional;
};

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

struct scanner {
  const std::vector<token>& t;
  std::vector<bool>& taken;
  std::vector<cue> out;
  std::vector<std::string> numbers; // numbers captured by the last match

  bool free(size_t i) const { return i < t.size() && !taken[i] && !t[i].quoted; }

  bool is_num(size_t i) const {
    return free(i) && (is_number(t[i].text) || word_number(t[i].text) > 0);
  }

  std::string num(size_t i) const {
    return is_number(t[i].text) ? t[i].text : std::to_string(word_number(t[i].text));
  }

  // Length of the match of `text` at i, 0 when none; numbers go to `numbers`.
  size_t match(size_t i, const char* text) {
    // Patterns are literals: parse each once.
    thread_local std::unordered_map<const char*, pattern> parsed;
    auto it = parsed.find(text);
    if (it == parsed.end())
      it = parsed.emplace(text, parse_pattern(text)).first;
    auto& p = it->second;
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

  cue& add(cue_kind kind, size_t i, size_t len) {
    for (size_t k = i; k < i + len; ++k)
      taken[k] = true;
    cue c;
    c.kind = kind;
    c.begin = i;
    c.end = i + len;
    out.push_back(c);
    return out.back();
  }

  // Tries the patterns in order; the first that matches makes one cue.
  template <class F>
  bool any(size_t i, std::initializer_list<const char*> patterns, cue_kind kind, F&& fill) {
    for (auto* p : patterns)
      if (auto len = match(i, p)) {
        auto& c = add(kind, i, len);
        fill(c);
        return true;
      }
    return false;
  }

  bool literal_after(size_t i, cue& c) {
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

  void run() {
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
      // does each region account for", "where does revenue come from".
      if (auto len = std::max({match(i, "account|accounts|accounted for"),
                               match(i, "make|makes|made up"),
                               match(i, "come|comes|came from"),
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
      auto desc = [](bool d) { return [d](cue& c) { c.descending = d; }; };
      auto agg = [](aggregate a) { return [a](cue& c) { c.agg = a; }; };
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
      if (auto len = match(i, "remove|drop|clear|reset|delete|ignore|without|no|undo the|all|any? "
                              "year|years|date|dates|time|period filter|filters|condition|conditions?")) {
        add(cue_kind::remove_filter, i, len).text = "time";
        continue;
      }
      if (any(i, {"remove|drop|clear|reset|delete|ignore|undo|without|no the|all|any? "
                  "filter|filters|condition|conditions|restriction|restrictions"},
              cue_kind::remove_filter, none)
          || any(i, {"all|any|every years|time|dates"}, cue_kind::remove_filter,
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
          continue;
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
        continue;
      // Price adjectives rank by the entity's price: "the 5 cheapest products".
      auto price = [](bool d) { return [d](cue& c) { c.descending = d; c.text = "price"; }; };
      if (auto len = std::max(match(i, "# cheapest"), match(i, "# least expensive"))) {
        match(i, len == 2 ? "# cheapest" : "# least expensive");
        auto& c = add(cue_kind::top_n, i, len);
        c.count = std::stoi(numbers[0]);
        c.text = "price";
        continue;
      }
      if (auto len = std::max(match(i, "# priciest"), match(i, "# most expensive"))) {
        match(i, len == 2 ? "# priciest" : "# most expensive");
        auto& c = add(cue_kind::top_n, i, len);
        c.count = std::stoi(numbers[0]);
        c.descending = true;
        c.text = "price";
        continue;
      }
      if (any(i, {"the? cheapest", "the? least expensive"}, cue_kind::superlative, price(false))
          || any(i, {"the? most expensive", "the? priciest"}, cue_kind::superlative, price(true)))
        continue;
      if (auto len = match(i, "the? top|best|highest|largest|biggest|leading #")) {
        add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
        out.back().descending = true;
        continue;
      }
      if (auto len = match(i, "the? bottom|worst|lowest|smallest #")) {
        add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
        continue;
      }
      if (auto len = match(i, "# top|best|highest|largest|biggest|most")) {
        add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
        out.back().descending = true;
        continue;
      }
      if (auto len = match(i, "# bottom|worst|lowest|smallest|least|fewest")) {
        add(cue_kind::top_n, i, len).count = std::stoi(numbers[0]);
        continue;
      }
      // "the 5 products with the largest unit price": a number after "the",
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
      // -- comparisons --
      auto compare = [&](filter_op op) {
        return [this, op](cue& c) {
          c.op = op;
          c.values = numbers;
        };
      };
      if (any(i, {"between # and #"}, cue_kind::compare, compare(filter_op::between))
          || any(i, {"# or more", "at least #", "no less|fewer than #", "minimum of #", ">= #"},
                 cue_kind::compare, compare(filter_op::ge))
          || any(i, {"# or less|fewer", "at most #", "no more|greater than #", "up to #",
                     "maximum of #", "<= #"},
                 cue_kind::compare, compare(filter_op::le))
          || any(i, {"more|greater|higher|larger|bigger than #", "over|above|exceeding|exceeds|exceed #",
                     "> #"},
                 cue_kind::compare, compare(filter_op::gt))
          || any(i, {"less|fewer|lower|smaller than #", "under|below #", "< #"},
                 cue_kind::compare, compare(filter_op::lt))
          || any(i, {"equal|equals to? #", "exactly #", "= #"}, cue_kind::compare,
                 compare(filter_op::eq)))
        continue;
      // -- aggregates --
      if (any(i, {"count the number of", "total number|count of", "how many", "number of", "count of", "count", "counts"},
              cue_kind::aggregate, agg(aggregate::count))
          || any(i, {"average|avg|mean", "on average"}, cue_kind::aggregate, agg(aggregate::avg))
          || any(i, {"total|sum|summed|overall total?", "sum of"}, cue_kind::aggregate,
                 agg(aggregate::sum))
          || any(i, {"maximum|max|peak"}, cue_kind::aggregate, agg(aggregate::max))
          || any(i, {"minimum|min"}, cue_kind::aggregate, agg(aggregate::min))
          || any(i, {"distinct|unique|different"}, cue_kind::distinct, none))
        continue;
      // Adjectives of a dimension rank by it: "the tallest towers" by their
      // length, unless the question names the number ("the shortest connect
      // time").
      static const std::pair<const char*, const char*> dimensions[] = {
        {"longest", "length"}, {"shortest", "length"}, {"tallest", "height"}, {"tallest", "altitude"},
        {"fastest", "speed"},  {"slowest", "speed"},   {"heaviest", "weight"},
        {"lightest", "weight"}, {"deepest", "depth"},  {"shallowest", "depth"},
        {"widest", "width"},   {"narrowest", "width"}};
      if (auto len = match(i, "the? longest|tallest|fastest|heaviest|deepest|widest|shortest|"
                              "slowest|lightest|shallowest|narrowest")) {
        auto& c = add(cue_kind::superlative, i, len);
        for (auto& [adjective, noun] : dimensions)
          if (t[i + len - 1].text == adjective)
            c.values.push_back(noun);
        auto& w = t[i + len - 1].text;
        c.descending = w == "longest" || w == "tallest" || w == "fastest" || w == "heaviest"
                       || w == "deepest" || w == "widest";
        continue;
      }
      if (any(i, {"the? highest|most|largest|biggest|greatest|best|top|maximum"},
              cue_kind::superlative, desc(true))
          || any(i, {"the? lowest|least|smallest|fewest|worst|bottom"}, cue_kind::superlative,
                 desc(false))
          || any(i, {"most? recent|latest|newest"}, cue_kind::superlative,
                 [](cue& c) {
                   c.descending = true;
                   c.text = "time";
                 })
          || any(i, {"earliest|oldest"}, cue_kind::superlative, [](cue& c) { c.text = "time"; }))
        continue;
      // "the first order", "her last loan": the earliest, the latest. Not
      // "the first name", "the last 3 months", "the first quarter".
      if ((match(i, "first") || match(i, "last")) && i > 0 && i + 1 < t.size()
          && match(i - 1, "the|our|her|his|their|its|my|your") && !t[i + 1].quoted
          && !is_number(t[i + 1].text) && word_number(t[i + 1].text) == 0
          && !match(i + 1, "name|names|time|times|quarter|half|week|weeks|day|days|month|months|year|years|one|ones|few|couple|place|row|rows")) {
        auto& c = add(cue_kind::superlative, i, 1);
        c.descending = t[i].text == "last";
        c.text = "time";
        continue;
      }
      if (any(i, {"share|percentage|percent|proportion|fraction|pct"}, cue_kind::share, none))
        continue;
      if (any(i, {"both"}, cue_kind::both, none))
        continue;
      if (any(i, {"compare|compared|comparing|comparison", "versus|vs", "against", "between"}, cue_kind::versus, none))
        continue;
      // -- containment: the literal follows --
      auto containment = [&](filter_op op, const char* p) {
        if (auto len = match(i, p)) {
          auto& c = add(cue_kind::contains, i, len);
          c.op = op;
          literal_after(i + len, c);
          return true;
        }
        return false;
      };
      if (containment(filter_op::starts_with, "starting|starts|beginning|begins|start|begin with")
          || containment(filter_op::ends_with, "ending|ends|end with")
          || containment(filter_op::contains, "containing|contains|contain|like|matching|includes"))
        continue;
      if (i + 1 < t.size() && t[i].text == "with" && t[i + 1].quoted) {
        auto& c = add(cue_kind::contains, i, 1);
        c.op = filter_op::contains;
        literal_after(i + 1, c);
        // "the band with "Blue" in its name": the name of the thing before.
        if (auto len = match(i + 2, "in its|their|the name|title")) {
          for (size_t k = i + 2; k < i + 2 + len; ++k)
            taken[k] = true;
          c.end = i + 2 + len;
          c.text = "in its name";
        }
        continue;
      }
      // -- absence and presence --
      if (any(i, {"is|are|was|were missing|null|empty|blank|unknown", "not set", "is|are not set"},
              cue_kind::missing_after, none)
          || any(i, {"without a|an|any?", "with no", "who|that? have|has|had no",
                     "who|that? don't|doesn't|didn't|haven't|hasn't|never have|has|had|make|made|place|placed?",
                     "who|that? do|does|did not have|has|make|made|place|placed?", "missing", "lacking",
                     "never", "no"},
                 cue_kind::missing, none))
        continue;
      if (any(i, {"not|excluding|exclude|excludes|except|isn't|aren't|wasn't|weren't|non|besides",
                  "other than", "apart from"},
              cue_kind::negation, none))
        continue;
      if (any(i, {"for each|every", "grouped|broken|split|segmented|break|breakdown it|them|this? down? by",
                  "in terms of", "by", "per", "each", "across"},
              cue_kind::group_by, none))
        continue;
      if (any(i, {"who have|has|had"}, cue_kind::has, [](cue& c) { c.text = "who"; })
          || any(i, {"that have|has|had", "with at least one", "having", "with", "have|has"},
                 cue_kind::has, none))
        continue;
      if (any(i, {"list", "which", "what are the?", "who are", "names of", "name of", "show all"},
              cue_kind::listing, none)
          || any(i, {"who"}, cue_kind::listing, [](cue& c) { c.text = "who"; }))
        continue;
    }
  }
};

} // namespace

std::vector<cue> read_cues(const std::vector<token>& tokens, std::vector<bool>& taken) {
  scanner s{tokens, taken, {}, {}};
  s.run();
  return std::move(s.out);
}

} // namespace medha::sqlgen
