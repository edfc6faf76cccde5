// Conditions said in particular ways: on a related table's rows, joined by
// "or", or as a small word ("a grade of A") that is a value.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/join_graph.hpp"

namespace medha::sqlgen::detail {

// "books borrowed by members in the Leeds branch": a value said
// right after a related table ("members") describes those rows. When the
// entity reaches the value's table by another road (a book's own branches),
// the condition goes inside the related rows' EXISTS instead of the main joins.
void reader::attach_to_related(const std::vector<std::pair<filter, size_t>>& said) {
  for (auto& [value, pos] : said) {
    if (value.op != filter_op::eq && value.op != filter_op::in)
      continue;
    // The nearest phrase before the value; past the value's own table
    // ("books in the genre 'X'": the books').
    const item* before = nullptr;
    auto nearest = [&](size_t limit) {
      const item* found = nullptr;
      for (auto& it : items)
        if (it.end <= limit && (!found || it.end > found->end))
          found = &it;
      return found;
    };
    before = nearest(pos);
    if (before && !before->c && before->e.kind == element_kind::table && before->e.table == value.column.table)
      before = nearest(before->begin);
    if (!before || before->c || before->e.kind != element_kind::table)
      continue;
    auto& related = before->e.table;
    auto owner = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) {
      return f.op == filter_op::has_related && f.related_table == related;
    });
    auto& table = value.column.table;
    if (owner == r.filters.end() || table == related || table == owner->column.table)
      continue;
    auto direct = shortest_path(model, owner->column.table, table);
    auto from_related = shortest_path(model, related, table);
    bool passes = std::any_of(direct.steps.begin(), direct.steps.end(),
                              [&](const join_step& s) { return s.to_table == related; });
    if (!direct.found || passes || !from_related.found)
      continue;
    auto same = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) {
      return f.op == value.op && f.column == value.column && f.values == value.values && f.within.empty();
    });
    if (same == r.filters.end())
      continue;
    filter moved = *same;
    r.filters.erase(same);
    owner = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) {
      return f.op == filter_op::has_related && f.related_table == related;
    });
    owner->within.push_back(moved);
  }
}

// "a class of A or B": a small word ("a", "i") that is exactly a value of
// the column the value after "or"/"and" belongs to is that value too.
void reader::rescue_short_values(const lexicon& lex, std::vector<mention>& mentions) {
  for (size_t n = 0; n < mentions.size(); ++n) {
    auto& next = mentions[n];
    size_t i = next.begin;
    if (i < 2 || (tokens[i - 1].text != "or" && tokens[i - 1].text != "and") || taken[i - 2]
        || tokens[i - 2].quoted || !is_stopword(tokens[i - 2].text))
      continue;
    if (n > 0 && mentions[n - 1].end > i - 2)
      continue;
    for (auto& e : lex.lookup(tokens[i - 2].text)) {
      auto& v = e.target;
      std::string lowered = v.value;
      for (auto& ch : lowered)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool sibling = std::any_of(next.candidates.begin(), next.candidates.end(), [&](const element& c) {
        return c.kind == element_kind::value && c.table == v.table && c.column == v.column;
      });
      if (v.kind != element_kind::value || lowered != tokens[i - 2].text || !sibling)
        continue;
      mention m;
      m.begin = i - 2;
      m.end = i - 1;
      m.candidates = {v};
      m.weights = {e.weight};
      m.score = std::min(e.weight, 1.0);
      mentions.insert(mentions.begin() + static_cast<long>(n), m);
      ++n;
      break;
    }
  }
  // "a class of A": the same small word right after its column and "of"/"is",
  // ending the phrase (not "the grade of a student").
  for (size_t n = 0; n < mentions.size(); ++n) {
    auto& col = mentions[n];
    size_t i = col.end + 1;
    if (col.candidates.empty() || col.candidates[0].kind != element_kind::column || i >= tokens.size()
        || (tokens[col.end].text != "of" && tokens[col.end].text != "is") || taken[i]
        || tokens[i].quoted || !is_stopword(tokens[i].text)
        || (i + 1 < tokens.size() && !is_stopword(tokens[i + 1].text))
        || (n + 1 < mentions.size() && mentions[n + 1].begin <= i))
      continue;
    for (auto& e : lex.lookup(tokens[i].text)) {
      auto& v = e.target;
      std::string lowered = v.value;
      for (auto& ch : lowered)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (v.kind != element_kind::value || lowered != tokens[i].text || v.table != col.candidates[0].table
          || v.column != col.candidates[0].column)
        continue;
      mention m;
      m.begin = i;
      m.end = i + 1;
      m.candidates = {v};
      m.weights = {e.weight};
      m.score = std::min(e.weight, 1.0);
      mentions.insert(mentions.begin() + static_cast<long>(n + 1), m);
      break;
    }
  }
}

// "a room with a balcony or a view": two conditions on different
// columns with only "or" (and small words) between them.
std::vector<std::pair<filter, filter>> reader::alternatives() {
  std::vector<std::pair<filter, filter>> out;
  auto spans = filter_spans;
  std::sort(spans.begin(), spans.end(), [](const span& a, const span& b) { return a.begin < b.begin; });
  for (size_t i = 0; i + 1 < spans.size(); ++i) {
    auto& a = spans[i];
    auto& b = spans[i + 1];
    bool said_or = false, only_small = a.end <= b.begin;
    for (size_t k = a.end; k < b.begin && only_small; ++k) {
      said_or = said_or || tokens[k].text == "or";
      only_small = tokens[k].text == "or" || (is_stopword(tokens[k].text) && tokens[k].text != "and");
    }
    if (!said_or || !only_small || a.filter >= r.filters.size() || b.filter >= r.filters.size())
      continue;
    auto& fa = r.filters[a.filter];
    auto& fb = r.filters[b.filter];
    if (fa.column != fb.column)
      out.emplace_back(fa, fb);
  }
  return out;
}

void reader::join_alternatives(const std::vector<std::pair<filter, filter>>& pairs) {
  auto same = [](const filter& x, const filter& y) {
    return x.op == y.op && x.column == y.column && x.values == y.values && x.within.empty();
  };
  for (auto& [a, b] : pairs) {
    auto ia = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) { return same(f, a); });
    auto ib = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) { return same(f, b); });
    if (ia == r.filters.end() || ib == r.filters.end())
      continue;
    filter either;
    either.op = filter_op::any_of;
    either.within = {*ia, *ib};
    r.filters.erase(std::max(ia, ib));
    r.filters.erase(std::min(ia, ib));
    r.filters.push_back(either);
  }
}

} // namespace medha::sqlgen::detail
