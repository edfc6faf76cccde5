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
  if (any_word_at(t, i, {"for", "per", "by", "across", "among", "grouped", "ordered", "sorted",
                         "order", "sort", "split", "broken", "vary", "varies", "differ",
                         "differs", "change", "changes"}))
    return true;
  return any_word_at(t, i, {"in", "within", "of"}) && any_word_at(t, i + 1, {"each", "every"});
}

// A side of the ratio as one measure: "the number of students", "restaurants
// with a rating above 4" (their rows counted), "helpfulness scores" (the
// column's value, summed over each group).
struct side {
  measure m;
  std::vector<filter> filters;
  bool row_values = false; // a column's own value, not an aggregate asked for
};

std::optional<side> side_of(const semantic_model& model, const reading& r) {
  if (!r.ambiguities.empty() || r.refers_back || r.top_n > 0 || r.limit > 0)
    return std::nullopt;
  side s;
  for (auto& f : r.filters) {
    if (f.measure >= 0)
      return std::nullopt; // a condition on a count per entity: not one measure
    s.filters.push_back(f);
  }
  if (r.measures.size() == 1 && r.measures[0].form == measure_form::plain) {
    s.m = r.measures[0];
    return s;
  }
  if (!r.measures.empty())
    return std::nullopt;
  if (r.selected.empty() && !r.entity.empty()) {
    s.m.agg = aggregate::count;
    s.m.column = {r.entity, ""};
    if (auto* t = table_of(model, r.entity))
      if (auto* c = count_column(*t)) { // rows that say how many they stand for
        s.m.agg = aggregate::sum;
        s.m.column.column = c->name;
      }
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
  // "calculate the"): "average ratio of" is another question.
  for (size_t i = 0; i < k; ++i)
    if (!tokens[i].quoted && !is_stopword(tokens[i].text)
        && !any_word_at(tokens, i, {"calculate", "compute", "get", "find", "give", "tell",
                                    "return", "determine", "what's"}))
      return std::nullopt;
  size_t from = k + 2;
  // The split between the sides: "A to B", else "A out of B", "A per B".
  size_t split = n, den = n;
  for (size_t i = from + 1; i < n && split == n; ++i)
    if (word_at(tokens, i, "to")) {
      split = i;
      den = i + 1;
    }
  for (size_t i = from + 1; i < n && split == n; ++i) {
    if (word_at(tokens, i, "out") && word_at(tokens, i + 1, "of")) {
      split = i;
      den = i + 2;
    } else if (any_word_at(tokens, i, {"per", "versus", "vs", "over", "against"})) {
      split = i;
      den = i + 1;
    }
  }
  if (split >= n || den >= n)
    return std::nullopt;
  size_t end = den + 1;
  while (end < n && !starts_tail(tokens, end))
    ++end;

  // Words about the whole ratio; "ordered by descending ratio" orders by it.
  std::vector<token> tail;
  bool order_by_ratio = false, descending = false;
  for (size_t i = end; i < n; ++i) {
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
  if (r.dimensions.empty() && a->row_values && b->row_values && !contrasted
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
  // Rows of two tables counted per group need each table's own groups (an
  // inner join drops the groups one side lacks): not attempted.
  if (!r.dimensions.empty() && measure_table(model, ratio) != measure_table(model, over))
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
    for (auto& u : part_reading->unresolved)
      r.unresolved.push_back(u);
  }
  return r;
}

} // namespace medha::sqlgen::detail
