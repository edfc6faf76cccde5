// The cues of one word or a short phrase: comparisons, aggregates,
// containment, absence and presence, grouping and listing, each a row of
// patterns tried in order.
#include "actors/sqlgen/cues_scanner.hpp"

namespace medha::sqlgen::detail {

namespace {
auto desc(bool d) { return [d](cue& c) { c.descending = d; }; }
auto agg(aggregate a) { return [a](cue& c) { c.agg = a; }; }
} // namespace

// Comparisons, aggregates, containment, absence and presence, grouping,
// listing: the cues of one word or a short phrase at i. True when one was read.
bool scanner::word_cues(size_t i) {
  auto none = [](cue&) {};
  // "the top one", "the first one": a row the last answer showed, which
  // reading_references.cpp reads; no ranking of its own.
  if ((match(i, "top|first|bottom|last one") && i > 0 && t[i - 1].text == "the")
      || (t[i].text == "the" && match(i + 1, "top|first|bottom|last one")))
    return true;
  // -- comparisons --
  auto compare = [&](filter_op op) {
    return [this, op](cue& c) {
      c.op = op;
      c.values = numbers;
    };
  };
  // "longer than 3 hours", "shorter than 40 minutes": a comparison of the
  // rows' length or duration, in the unit said after the number (kept in
  // the cue's text, "length:hour"); the reader finds the column.
  if (auto len = match(i, "longer|shorter than #")) {
    auto& c = add(cue_kind::compare, i, len);
    c.op = t[i].text == "longer" ? filter_op::gt : filter_op::lt;
    c.values = numbers;
    c.text = "length:";
    size_t u = i + len;
    if (free(u)) {
      auto unit = stem(t[u].text);
      static const char* time_units[] = {"second", "minut", "min", "hour", "hr", "day", "week"};
      for (auto* w : time_units)
        if (unit == stem(w) || unit == w) {
          c.text += unit;
          taken[u] = true;
          c.end = u + 1;
          break;
        }
    }
    return true;
  }
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
    return true;
  // -- aggregates --
  // "how many times was it rented": the events the verb names, counted.
  if (any(i, {"how many times"}, cue_kind::aggregate, [](cue& c) {
        c.agg = aggregate::count;
        c.text = "times";
      }))
    return true;
  if (any(i, {"count the number of", "total number|count of", "how many", "number of", "count of", "count", "counts"},
          cue_kind::aggregate, agg(aggregate::count))
      || any(i, {"average|avg|mean", "on average"}, cue_kind::aggregate, agg(aggregate::avg))
      || any(i, {"total|sum|summed|altogether|overall total?", "sum of"}, cue_kind::aggregate,
             agg(aggregate::sum))
      || any(i, {"maximum|max|peak"}, cue_kind::aggregate, agg(aggregate::max))
      || any(i, {"minimum|min"}, cue_kind::aggregate, agg(aggregate::min))
      || any(i, {"distinct|unique|different"}, cue_kind::distinct, none))
    return true;
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
    return true;
  }
  // "rented the most times": how often, said with its unit.
  auto times = [](bool d) { return [d](cue& c) { c.descending = d; c.text = "times"; }; };
  if (any(i, {"the? most times|often"}, cue_kind::superlative, times(true))
      || any(i, {"the? fewest|least times", "the? least often"}, cue_kind::superlative, times(false)))
    return true;
  // "the most common country": the one with the most rows, like "the most";
  // so are the busiest and the most popular.
  if (any(i, {"the? most common|frequent|popular", "the? commonest|busiest"}, cue_kind::superlative, desc(true))
      || any(i, {"the? least common|frequent|popular|busy", "the? quietest"}, cue_kind::superlative, desc(false)))
    return true;
  if (any(i, {"the? highest|most|largest|biggest|greatest|best|top|maximum"},
          cue_kind::superlative, desc(true))
      || any(i, {"the? lowest|least|smallest|fewest|worst|bottom"}, cue_kind::superlative,
             desc(false))
      || any(i, {"most? recent|recently|latest|newest"}, cue_kind::superlative,
             [](cue& c) {
               c.descending = true;
               c.text = "time";
             })
      || any(i, {"earliest|oldest"}, cue_kind::superlative, [](cue& c) { c.text = "time"; }))
    return true;
  // "the first order", "her last loan": the earliest, the latest. Not
  // "the first name", "the last 3 months", "the first quarter".
  if ((match(i, "first") || match(i, "last")) && i > 0 && i + 1 < t.size()
      && match(i - 1, "the|our|her|his|their|its|my|your") && !t[i + 1].quoted
      && !is_number(t[i + 1].text) && word_number(t[i + 1].text) == 0
      && !match(i + 1, "name|names|time|times|quarter|half|week|weeks|day|days|month|months|year|years|one|ones|few|couple|place|row|rows")) {
    auto& c = add(cue_kind::superlative, i, 1);
    c.descending = t[i].text == "last";
    c.text = "time";
    return true;
  }
  if (any(i, {"share|percentage|percent|proportion|fraction|pct"}, cue_kind::share, none))
    return true;
  if (any(i, {"both"}, cue_kind::both, none))
    return true;
  if (any(i, {"compare|compared|comparing|comparison", "versus|vs", "against", "between"}, cue_kind::versus, none))
    return true;
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
  // "which coaches do players like most": the verb, not a pattern.
  if (t[i].text == "like" && !t[i].quoted
      && ((i + 1 < t.size() && !t[i + 1].quoted
           && match(i + 1, "best|most|least|better|more|less|worst|it|them|this|that|to"))
          || (i > 0 && match(i - 1, "do|does|did|would|we|you|they|i"))))
    return false;
  if (containment(filter_op::starts_with, "starting|starts|beginning|begins|start|begin with")
      || containment(filter_op::ends_with, "ending|ends|end with")
      || containment(filter_op::contains, "containing|contains|contain|like|matching|includes"))
    return true;
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
    return true;
  }
  // -- absence and presence --
  if (any(i, {"is|are|was|were missing|null|empty|blank|unknown", "not set", "is|are not set"},
          cue_kind::missing_after, none)
      || any(i, {"without a|an|any?", "with no", "who|that? have|has|had no",
                 "who|that? don't|doesn't|didn't|haven't|hasn't|never have|has|had|make|made|place|placed?",
                 "who|that? do|does|did not have|has|make|made|place|placed?", "missing", "lacking",
                 "never", "no"},
             cue_kind::missing, none))
    return true;
  if (any(i, {"not|excluding|exclude|excludes|except|isn't|aren't|wasn't|weren't|non|besides",
              "other than", "apart from", "outside of?"},
          cue_kind::negation, none))
    return true;
  // "across all languages": the total over every one of them, no
  // breakdown ("across branches" still is one).
  if (match(i, "across all|every"))
    return true;
  if (any(i, {"for each|every", "grouped|broken|split|segmented|break|breakdown it|them|this? down? by",
              "in terms of", "by", "per", "each", "across"},
          cue_kind::group_by, none))
    return true;
  // "has she paid", "have they ordered": the auxiliary of a verb, not having.
  if (match(i, "have|has|had she|he|they|we|you|i|it"))
    return false;
  // "staff who have left": the auxiliary of leaving, which the lexicon
  // reads with it, not having something called "left".
  if (match(i, "have|has|had left") || match(i, "who have|has|had left"))
    return false;
  // "how many crates do we have in storage": a pronoun's "have" says what there
  // is, not that the rows have something.
  if (i > 0 && match(i, "have|has|had")) {
    size_t s = i - 1;
    while (s > 0 && (t[s].text == "still" || t[s].text == "currently" || t[s].text == "also"))
      --s;
    if (t[s].text == "we" || t[s].text == "you" || t[s].text == "they" || t[s].text == "i")
      return false;
  }
  if (any(i, {"who have|has|had"}, cue_kind::has, [](cue& c) { c.text = "who"; })
      || any(i, {"that have|has|had", "with at least one", "having", "with", "have|has"},
             cue_kind::has, none))
    return true;
  // "bookings that used a voucher": what the rows have. Not "was used"
  // (how often something was used) nor "we used".
  if (i > 0 && match(i, "used|uses|using")
      && !(t[i - 1].text == "was" || t[i - 1].text == "were" || t[i - 1].text == "is" || t[i - 1].text == "are"
           || t[i - 1].text == "been" || t[i - 1].text == "be" || t[i - 1].text == "we" || t[i - 1].text == "you"
           || t[i - 1].text == "they" || t[i - 1].text == "i")
      && any(i, {"used|uses|using"}, cue_kind::has, none))
    return true;
  // "order lines that had a discount" said without "that"; "had been" is
  // the auxiliary of a verb.
  if (i > 0 && i + 1 < t.size() && t[i + 1].text != "been" && t[i + 1].text != "not"
      && any(i, {"had"}, cue_kind::has, none))
    return true;
  if (any(i, {"list", "which", "what are the?", "who are", "names of", "name of", "show all",
              "show|give me|us the?"},
          cue_kind::listing, none)
      || any(i, {"who"}, cue_kind::listing, [](cue& c) { c.text = "who"; }))
    return true;
  return false;
}

} // namespace medha::sqlgen::detail
