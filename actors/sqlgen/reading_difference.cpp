// "the largest markup (sale price minus cost)": two numbers of one
// table, one taken from the other on each row, then aggregated or ranked by.
// The words a bracket restates ("unit margin") are what the subtraction names.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::detail {

namespace {

bool is_rank_word(const std::string& w) {
  static const char* words[] = {"highest", "largest", "biggest", "greatest", "lowest", "smallest",
                                "most",    "least",   "top",     "best",     "worst",  "average",
                                "total",   "mean",    "maximum", "minimum",  "max",    "min"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* x) { return w == x; });
}

} // namespace

// The numeric columns a phrase of tokens [from, to) names surely.
std::vector<column_ref> reader::numeric_phrase(const lexicon& lex, size_t from, size_t to) {
  std::string key;
  for (size_t k = from; k < to; ++k) {
    if (taken[k] || tokens[k].quoted)
      return {};
    key += (k > from ? " " : "") + tokens[k].stem;
  }
  std::vector<column_ref> found;
  for (auto& e : lex.lookup(key))
    if (e.target.kind == element_kind::column && e.weight >= 0.9
        && role_of(model, {e.target.table, e.target.column}) == column_role::numeric)
      found.push_back({e.target.table, e.target.column});
  return found;
}

void reader::read_difference(const lexicon& lex) {
  auto n = tokens.size();
  for (size_t p = 1; p + 1 < n; ++p) {
    if (tokens[p].quoted || tokens[p].text != "minus" || taken[p])
      continue;
    // The longest sure phrase on each side, up to four words.
    std::vector<column_ref> lefts, rights;
    size_t l = p, e = p + 1;
    for (size_t len = std::min<size_t>(4, p); len >= 1 && lefts.empty(); --len)
      if (!(lefts = numeric_phrase(lex, p - len, p)).empty())
        l = p - len;
    for (size_t len = std::min<size_t>(4, n - p - 1); len >= 1 && rights.empty(); --len)
      if (!(rights = numeric_phrase(lex, p + 1, p + 1 + len)).empty())
        e = p + 1 + len;
    // Both of one table's rows ("unit price" of products, beside their cost):
    // exactly one such pair, or it is not read here.
    std::vector<std::pair<column_ref, column_ref>> pairs;
    for (auto& a : lefts)
      for (auto& b : rights)
        if (a.table == b.table && !(a == b))
          pairs.emplace_back(a, b);
    if (pairs.size() != 1)
      continue;
    for (size_t k = l; k < e; ++k)
      taken[k] = true;
    // "markup (sale price minus cost)": the bracket says what the
    // words before it mean.
    if (tokens[p].bracketed && l > 0 && !tokens[l - 1].bracketed)
      for (size_t k = l; k-- > 0 && k + 3 > l;) {
        if (taken[k] || tokens[k].quoted || is_stopword(tokens[k].text) || is_rank_word(tokens[k].text))
          break;
        taken[k] = true;
      }
    difference = pairs.front();
    return;
  }
}

// The subtraction as the measure: under the aggregate asked for, or the
// rows' own value when they are ranked by it; otherwise asked.
void reader::apply_difference() {
  auto [from, less] = *difference;
  measure m;
  m.form = measure_form::difference;
  m.column = from;
  m.per = less;
  bool ranked = top > 0 || superlative.has_value();
  if (pending_agg == aggregate::avg || pending_agg == aggregate::sum || pending_agg == aggregate::min
      || pending_agg == aggregate::max) {
    m.agg = pending_agg;
    pending_agg = aggregate::none;
  } else if (ranked && pending_agg == aggregate::none && r.measures.empty() && r.entity == from.table) {
    m.agg = aggregate::max; // each row's own difference: one row per name
    if (superlative)
      superlative->values.clear(); // ranked by the difference, not by a size
  } else {
    r.unresolved.push_back(column_words(from.column) + " minus " + column_words(less.column)
                           + " of which rows");
    return;
  }
  r.measures.push_back(m);
}

} // namespace medha::sqlgen::detail
