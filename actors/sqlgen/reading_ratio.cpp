// "The ratio of A to B": the two sides are read as questions of their own
// (with whatever the question says after them: "for each course", "in 2023"),
// then divided. Conditions only one side names restrict that side; the rest
// restrict both.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/sql_text.hpp"

namespace medha::sqlgen::detail {

namespace {

bool word_at(const std::vector<token>& t, size_t i, const char* w) {
  return i < t.size() && !t[i].quoted && t[i].text == w;
}

bool any_word_at(const std::vector<token>& t, size_t i, std::initializer_list<const char*> ws) {
  return std::any_of(ws.begin(), ws.end(), [&](const char* w) { return word_at(t, i, w); });
}

bool same_filter(const filter& a, const filter& b) {
  return a.op == b.op && a.column == b.column && a.values == b.values
         && a.related_table == b.related_table && a.measure == b.measure && a.sql == b.sql;
}

bool same_dimensions(const std::vector<dimension>& a, const std::vector<dimension>& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].column != b[i].column || a[i].bucket != b[i].bucket)
      return false;
  return true;
}

// Where the question's words about the whole ratio begin ("for each
// course", "by state", "ordered by ..."): the end of the denominator.
bool starts_tail(const std::vector<token>& t, size_t i) {
  // "cited by 2 papers", "written by": who did it, not a grouping.
  if (word_at(t, i, "by") && i > 0 && !t[i - 1].quoted && is_participle(t[i - 1].text)
      && !any_word_at(t, i - 1, {"grouped", "ordered", "sorted", "broken", "split", "ranked"}))
    return false;
  if (any_word_at(t, i, {"for", "per", "by", "across", "among", "grouped", "ordered", "sorted",
                         "order", "sort", "split", "broken", "vary", "varies", "differ",
                         "differs", "change", "changes"}))
    return true;
  return any_word_at(t, i, {"in", "within", "of"}) && any_word_at(t, i + 1, {"each", "every"});
}

// "belong to", "sent to", "that moved to": the verb's own "to", less likely
// the split between the sides.
bool verb_takes_to(const std::vector<token>& t, size_t i) {
  if (i == 0 || t[i - 1].quoted)
    return false;
  if (any_word_at(t, i - 1, {"belong", "belongs", "belonged", "go", "goes", "went", "due",
                             "according", "relative", "similar", "equal", "close", "next"}))
    return true;
  if (is_participle(t[i - 1].text))
    return true;
  return i >= 2 && any_word_at(t, i - 2, {"that", "who", "which"});
}

// "Return the annual numbers of publications and journals as well": the
// words from `from` on ask for the two sides' own numbers, and nothing else.
bool names_sides(const semantic_model& model, const std::vector<token>& t, size_t from,
                 const measure& a, const measure& b) {
  auto words_of = [&](const measure& m) {
    std::vector<std::string> out;
    auto table = measure_table(model, m);
    for (auto& w : split_words(m.metric.empty() ? table : m.metric))
      out.push_back(stem(w));
    for (auto& w : split_words(m.column.column))
      out.push_back(stem(w));
    return out;
  };
  auto wa = words_of(a), wb = words_of(b);
  bool named_a = false, named_b = false, asks_number = false;
  for (size_t i = from; i < t.size(); ++i) {
    if (t[i].quoted)
      return false;
    auto& w = t[i].stem;
    bool in_a = std::find(wa.begin(), wa.end(), w) != wa.end();
    bool in_b = std::find(wb.begin(), wb.end(), w) != wb.end();
    named_a = named_a || in_a;
    named_b = named_b || in_b;
    if (any_word_at(t, i, {"number", "numbers", "count", "counts", "total", "totals"}))
      asks_number = true;
    else if (!in_a && !in_b && !is_stopword(t[i].text)
             && !any_word_at(t, i, {"return", "show", "include", "display", "annual", "yearly",
                                    "monthly", "quarterly", "weekly", "daily", "both",
                                    "respective", "corresponding"}))
      return false;
  }
  return named_a && named_b && asks_number;
}

// "Show all domain IDs": the words from `from` on name the groups, which
// every group of the answer shows anyway.
bool names_groups(const std::vector<token>& t, size_t from, const std::vector<dimension>& groups) {
  std::vector<std::string> words;
  for (auto& d : groups) {
    for (auto& w : split_words(d.column.table))
      words.push_back(stem(w));
    for (auto& w : split_words(d.column.column))
      words.push_back(stem(w));
  }
  bool named = false;
  for (size_t i = from; i < t.size(); ++i) {
    if (t[i].quoted)
      return false;
    if (std::find(words.begin(), words.end(), t[i].stem) != words.end()
        || any_word_at(t, i, {"id", "ids"})) {
      named = true;
      continue;
    }
    if (!is_stopword(t[i].text) && !any_word_at(t, i, {"return", "show", "include", "display"}))
      return false;
  }
  return named && !groups.empty();
}

// A side of the ratio as one measure: "the number of students", "restaurants
// with a rating above 4" (their rows counted), "helpfulness scores" (the
// column's value, summed over each group).
struct side {
  measure m;
  std::vector<filter> filters;
  bool row_values = false; // a column's own value, not an aggregate asked for
};

// "papers that have more than 1 keyphrase": read alone, keyphrases counted
// per paper and the groups kept by their count. As a side, the papers are
// counted, each kept by the number of its keyphrases.
std::optional<side> entities_by_count(const semantic_model& model, reading& r) {
  if (r.measures.size() != 1 || r.dimensions.size() != 1)
    return std::nullopt;
  auto& m = r.measures.front();
  auto entity = r.dimensions.front().column.table;
  if (m.form != measure_form::plain || m.agg != aggregate::count || !m.metric.empty()
      || !m.column.column.empty() || m.column.table == entity
      || r.dimensions.front().bucket != time_bucket::none
      || r.dimensions.front().column != label_of(model, entity))
    return std::nullopt;
  side s;
  s.m.agg = aggregate::count;
  s.m.column = {entity, ""};
  bool counted = false;
  for (auto f : r.filters) {
    if (f.measure < 0) {
      // A condition on the entity itself; one on the counted rows would
      // change what is counted for each: not attempted.
      if (f.column.table != entity)
        return std::nullopt;
      s.filters.push_back(f);
      continue;
    }
    bool compares = f.op == filter_op::gt || f.op == filter_op::ge || f.op == filter_op::lt
                    || f.op == filter_op::le || f.op == filter_op::eq;
    if (f.measure != 0 || !compares || f.values.size() != 1 || !is_number(f.values.front()))
      return std::nullopt;
    f.measure = -1;
    f.column = {entity, ""};
    f.related_table = m.column.table;
    f.numeric = true;
    s.filters.push_back(f);
    counted = true;
  }
  if (!counted)
    return std::nullopt;
  r.dimensions.clear();
  return s;
}

std::optional<side> side_of(const semantic_model& model, reading& r) {
  if (!r.ambiguities.empty() || r.refers_back || r.top_n > 0 || r.limit > 0)
    return std::nullopt;
  if (auto s = entities_by_count(model, r))
    return s;
  side s;
  for (auto& f : r.filters) {
    if (f.measure >= 0)
      return std::nullopt; // a condition on a count per entity: not one measure
    s.filters.push_back(f);
  }
  // A column named beside the measure ("students enrolled" beside
  // num_enrolled) says the side is not one measure.
  if (r.measures.size() == 1 && r.measures[0].form == measure_form::plain && r.selected.empty()) {
    s.m = r.measures[0];
    return s;
  }
  if (!r.measures.empty())
    return std::nullopt;
  if (r.selected.empty() && !r.entity.empty()) {
    s.m = count_of(model, r.entity);
    return s;
  }
  std::vector<column_ref> numbers;
  for (auto& c : r.selected)
    if (role_of(model, c) == column_role::numeric)
      numbers.push_back(c);
  if (numbers.size() != 1)
    return std::nullopt;
  s.m.agg = aggregate::sum;
  s.m.column = numbers.front();
  s.row_values = true;
  return s;
}

std::optional<reading> ratio_at(const semantic_model& model, const lexicon& lex,
                                const std::vector<token>& tokens,
                                const std::vector<std::string>& context, size_t k, bool averaged,
                                size_t split, size_t den, bool sides_apart = true);

} // namespace

std::optional<reading> read_ratio(const semantic_model& model, const lexicon& lex,
                                  const std::vector<token>& tokens,
                                  const std::vector<std::string>& context) {
  auto n = tokens.size();
  size_t k = 0;
  while (k + 1 < n && !(any_word_at(tokens, k, {"ratio", "proportion", "fraction"})
                        && word_at(tokens, k + 1, "of")))
    ++k;
  if (k + 1 >= n)
    return std::nullopt;
  // Only words that ask for the number may come before it ("what is the",
  // "calculate the"), or "average": each row's ratio, averaged.
  bool averaged = false;
  for (size_t i = 0; i < k; ++i) {
    if (any_word_at(tokens, i, {"average", "mean", "avg"}) && i + 1 == k) {
      averaged = true;
      continue;
    }
    if (!tokens[i].quoted && !is_stopword(tokens[i].text)
        && !any_word_at(tokens, i, {"calculate", "compute", "get", "find", "give", "tell",
                                    "return", "determine", "what's"}))
      return std::nullopt;
  }
  size_t from = k + 2;
  // The split between the sides: "A to B", else "A out of B", "A per B".
  // A side may hold the word too ("papers that belong to 1 dataset"): the
  // first split whose sides both read as measures.
  std::vector<std::pair<size_t, size_t>> splits; // (split, start of the denominator)
  std::vector<std::pair<size_t, size_t>> after_verb;
  for (size_t i = from + 1; i + 1 < n; ++i)
    if (word_at(tokens, i, "to"))
      (verb_takes_to(tokens, i) ? after_verb : splits).emplace_back(i, i + 1);
  splits.insert(splits.end(), after_verb.begin(), after_verb.end());
  for (size_t i = from + 1; i + 1 < n && splits.empty(); ++i) {
    if (word_at(tokens, i, "out") && word_at(tokens, i + 1, "of")) {
      if (i + 2 < n)
        splits.emplace_back(i, i + 2);
    } else if (any_word_at(tokens, i, {"per", "versus", "vs", "over", "against"})) {
      splits.emplace_back(i, i + 1);
    }
  }
  for (auto [split, den] : splits)
    if (auto r = ratio_at(model, lex, tokens, context, k, averaged, split, den))
      return r;
  return std::nullopt;
}

namespace {

std::optional<reading> ratio_at(const semantic_model& model, const lexicon& lex,
                                const std::vector<token>& tokens,
                                const std::vector<std::string>& context, size_t k, bool averaged,
                                size_t split, size_t den, bool sides_apart) {
  auto n = tokens.size();
  size_t from = k + 2;
  size_t end = den + 1;
  while (end < n && !starts_tail(tokens, end))
    ++end;

  // Words about the whole ratio; "ordered by descending ratio" orders by it.
  std::vector<token> tail;
  bool order_by_ratio = false, descending = false;
  // "Return the annual numbers of publications and journals as well": the
  // sides themselves, asked for beside the ratio.
  size_t sides_too = n;
  for (size_t i = end; i < n && sides_too == n && sides_apart; ++i)
    if (any_word_at(tokens, i, {"return", "show", "give", "include", "list", "display"}))
      sides_too = i;
  auto n_tail = sides_too;
  for (size_t i = end; i < n_tail; ++i) {
    if (any_word_at(tokens, i, {"ordered", "sorted", "order", "sort"})) {
      size_t j = i + 1;
      bool desc = false;
      while (j < n && !word_at(tokens, j, tokens[k].text.c_str()) && j < i + 4) {
        desc = desc || any_word_at(tokens, j, {"descending", "desc", "decreasing", "highest"});
        ++j;
      }
      if (word_at(tokens, j, tokens[k].text.c_str())) {
        order_by_ratio = true;
        descending = desc;
        i = j;
        continue;
      }
    }
    // "within each domain": for each.
    if (word_at(tokens, i, "within") && any_word_at(tokens, i + 1, {"each", "every"}))
      continue;
    // "vary across", "differ by": the grouping words that follow say how.
    if (any_word_at(tokens, i, {"vary", "varies", "differ", "differs", "different", "change",
                                "changes"}))
      continue;
    tail.push_back(tokens[i]);
  }
  // "in the database", "overall": all rows, which every side already is.
  auto part = [&](size_t a, size_t b) {
    std::vector<token> out;
    for (size_t i = a; i < b; ++i) {
      if (word_at(tokens, i, "in") && word_at(tokens, i + 1, "the")
          && any_word_at(tokens, i + 2, {"database", "dataset", "data"})) {
        i += 2;
        continue;
      }
      if (any_word_at(tokens, i, {"overall", "all"}))
        continue;
      out.push_back(tokens[i]);
    }
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
  };
  auto num_tokens = part(from, split);
  auto den_tokens = part(den, end);
  auto ra = read_part(model, lex, num_tokens, context);
  auto rb = read_part(model, lex, den_tokens, context);
  auto a = side_of(model, ra);
  auto b = side_of(model, rb);
  bool with_sides = false;
  if (sides_too < n) {
    with_sides = a && b && names_sides(model, tokens, sides_too, a->m, b->m);
    if (!with_sides && !(a && b && names_groups(tokens, sides_too, ra.dimensions)))
      return ratio_at(model, lex, tokens, context, k, averaged, split, den, false);
  }
  // Weak matches are spelled out against the whole question: leave those
  // to the ordinary reading.
  if (!a || !b || !ra.weak.empty() || !rb.weak.empty())
    return std::nullopt;

  reading r;
  r.tokens = tokens;
  r.dimensions = ra.dimensions;
  measure ratio = a->m;
  measure over = b->m;
  if (!same_dimensions(ra.dimensions, rb.dimensions)) {
    // "the number of businesses in each state to the total number of
    // businesses": the denominator is every group's total.
    bool whole = rb.dimensions.empty() && !ra.dimensions.empty()
                 && measure_table(model, a->m) == measure_table(model, b->m)
                 && std::all_of(b->filters.begin(), b->filters.end(), [&](const filter& f) {
                      return std::any_of(a->filters.begin(), a->filters.end(),
                                         [&](const filter& g) { return same_filter(f, g); });
                    });
    if (!whole)
      return std::nullopt;
    ratio.over_all_groups = true;
  }
  // Two values of a table's own rows, with no groups and no condition to
  // tell them apart: one ratio per row.
  bool contrasted = false;
  for (auto& f : b->filters)
    for (auto& g : a->filters)
      contrasted = contrasted || (f.column == g.column && !same_filter(f, g));
  if (averaged) {
    // "the average ratio of speed to payload": two columns of the same rows,
    // divided row by row, then averaged (over each group, if any).
    auto column_only = [](const side& x) {
      return x.row_values
             || (x.m.metric.empty() && !x.m.column.column.empty()
                 && (x.m.agg == aggregate::sum || x.m.agg == aggregate::none));
    };
    if (!column_only(*a) || !column_only(*b) || a->m.column.table != b->m.column.table
        || ratio.over_all_groups || !a->filters.empty() || !b->filters.empty())
      return std::nullopt;
    ratio.agg = aggregate::avg;
    ratio.row_by_row = true;
  }
  if (r.dimensions.empty() && a->row_values && b->row_values && !contrasted && !averaged
      && a->m.column.table == b->m.column.table) {
    dimension d;
    d.column = label_of(model, a->m.column.table);
    r.dimensions.push_back(d);
  }
  // Conditions named on both sides restrict both; on the numerator's side
  // only, the numerator. On the denominator's side only: the denominator's
  // when it contrasts a numerator condition on the same column ("rating
  // above 4 to rating below 4"), else the whole ratio ("... in New York").
  auto in = [](const std::vector<filter>& fs, const filter& f) {
    return std::any_of(fs.begin(), fs.end(), [&](const filter& g) { return same_filter(f, g); });
  };
  std::vector<filter> a_only;
  for (auto& f : a->filters)
    if (in(b->filters, f))
      r.filters.push_back(f);
    else
      a_only.push_back(f);
  ratio.condition = a_only;
  for (auto& f : b->filters) {
    if (in(a->filters, f))
      continue;
    bool contrast = std::any_of(a_only.begin(), a_only.end(), [&](const filter& g) {
      return g.column == f.column || (g.column.empty() && f.column.empty());
    });
    if (contrast || ratio.over_all_groups)
      over.condition.push_back(f);
    else
      r.filters.push_back(f);
  }
  if (ratio.over_all_groups && !over.condition.empty())
    return std::nullopt;
  bool same_sides = ratio.agg == over.agg && ratio.metric == over.metric
                    && ratio.column == over.column && ratio.condition.empty()
                    && over.condition.empty() && !ratio.over_all_groups;
  if (same_sides)
    return std::nullopt;
  ratio.form = measure_form::ratio;
  over.form = measure_form::plain;
  ratio.over = {over};
  r.measures = {ratio};
  if (with_sides) {
    // Only sides that are measures of their own (no condition of a side).
    if (!ratio.condition.empty() || !over.condition.empty() || ratio.over_all_groups
        || ratio.row_by_row)
      return std::nullopt;
    measure num = ratio;
    num.form = measure_form::plain;
    num.over.clear();
    r.measures.push_back(num);
    r.measures.push_back(over);
  }
  if (order_by_ratio) {
    ordering o;
    o.measure = 0;
    o.descending = descending;
    r.order.push_back(o);
  } else {
    for (auto& o : ra.order)
      if (o.measure < 0 || o.measure == 0)
        r.order.push_back(o);
  }
  if (ra.ignore_case || rb.ignore_case) {
    r.ignore_case = true;
    auto& of = ra.ignore_case ? ra.ignore_case_of : rb.ignore_case_of;
    // The column named may be on either side: look for it among all.
    std::vector<filter> all = r.filters;
    for (auto* fs : {&r.measures.front().condition, &r.measures.front().over.front().condition})
      all.insert(all.end(), fs->begin(), fs->end());
    bool named = std::any_of(all.begin(), all.end(), [&](const filter& f) {
      return join(split_words(f.column.column), " ") == of;
    });
    for (auto* fs : {&r.filters, &r.measures.front().condition,
                     &r.measures.front().over.front().condition})
      ignore_case(model, *fs, named ? of : std::string());
  }
  r.via = ra.via;
  r.chart_hint = ra.chart_hint;
  // How well it was understood: both sides together, and the ratio word.
  r.cues = ra.cues + rb.cues + 1;
  r.content_words = ra.content_words + rb.content_words + 1;
  r.explained_words = ra.explained_words + rb.explained_words + 1;
  r.link_quality = std::min(ra.link_quality, rb.link_quality);
  for (auto* part_reading : {&ra, &rb}) {
    for (auto& w : part_reading->unknown_words)
      if (std::find(r.unknown_words.begin(), r.unknown_words.end(), w) == r.unknown_words.end())
        r.unknown_words.push_back(w);
    if (!part_reading->unranked.empty())
      r.unresolved.push_back(part_reading->unranked);
    for (auto& u : part_reading->unresolved)
      r.unresolved.push_back(u);
  }
  return r;
}

} // namespace

} // namespace medha::sqlgen::detail
