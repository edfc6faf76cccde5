// Two columns of one row compared: "orders shipped after their required
// date", "products priced above their cost", "sessions that ended later
// than they were due". The first column is named before the comparison,
// the second right after it (a "their", "its" or "the" between), and both
// are dates or both numbers of the same table: otherwise nothing is read.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen::detail {

namespace {

struct comparator {
  const char* words[2];
  filter_op op;
};

// Words that compare; "than" completes the two-word ones.
const comparator comparators[] = {
  {{"after", nullptr}, filter_op::gt},    {{"before", nullptr}, filter_op::lt},
  {{"later", "than"}, filter_op::gt},     {{"earlier", "than"}, filter_op::lt},
  {{"more", "than"}, filter_op::gt},      {{"less", "than"}, filter_op::lt},
  {{"higher", "than"}, filter_op::gt},    {{"lower", "than"}, filter_op::lt},
  {{"greater", "than"}, filter_op::gt},   {{"above", nullptr}, filter_op::gt},
  {{"below", nullptr}, filter_op::lt},    {{"exceeds", nullptr}, filter_op::gt},
};

} // namespace

void reader::read_column_comparison() {
  for (size_t k = 0; k + 1 < items.size(); ++k) {
    auto& a = items[k];
    if (a.c || a.e.kind != element_kind::column)
      continue;
    column_ref left{a.e.table, a.e.column};
    auto role = role_of(model, left);
    if (role != column_role::time && role != column_role::numeric)
      continue;
    // The comparison right after the first column ("shipped after").
    size_t at = a.end;
    while (at < tokens.size() && (tokens[at].text == "was" || tokens[at].text == "were"
                                  || tokens[at].text == "is" || tokens[at].text == "are"))
      ++at;
    const comparator* found = nullptr;
    for (auto& c : comparators) {
      if (at >= tokens.size() || taken[at] || tokens[at].text != c.words[0])
        continue;
      if (c.words[1] && (at + 1 >= tokens.size() || tokens[at + 1].text != c.words[1]))
        continue;
      found = &c;
      break;
    }
    if (!found)
      continue;
    size_t next = at + (found->words[1] ? 2 : 1);
    if (next < tokens.size() && (tokens[next].text == "their" || tokens[next].text == "its"
                                 || tokens[next].text == "the"))
      ++next;
    auto b = std::find_if(items.begin() + static_cast<std::ptrdiff_t>(k) + 1, items.end(),
                          [&](const item& it) { return !it.c && it.begin == next; });
    if (b == items.end() || b->e.kind != element_kind::column || b->e.table != a.e.table
        || b->e.column == a.e.column)
      continue;
    column_ref right{b->e.table, b->e.column};
    if (role_of(model, right) != role)
      continue;
    filter f;
    f.op = found->op;
    f.column = left;
    f.other = right;
    r.filters.push_back(f);
    for (size_t i = a.begin; i < b->end; ++i)
      taken[i] = true;
    items.erase(b);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
    return;
  }
}

} // namespace medha::sqlgen::detail
