// "how many booking fees were added?" where each booking keeps a
// booking_fee_amt: the fees are the rows that carry one, counted; adding up
// the money would answer "how much". Said with a word for the money itself
// ("how many dollars", "how many sales") it stays a total or is asked.
#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen::detail {

bool reader::counts_charges(size_t k, const column_ref& col, measure& m) {
  auto words = split_words(col.column);
  auto any = [&](std::initializer_list<const char*> ws) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::any_of(ws.begin(), ws.end(), [&](const char* x) { return w == x; });
    });
  };
  // A sum of money named for what is charged, paid back or taken off.
  bool charge = any({"fee", "fine", "charge", "surcharge", "penalty", "refund", "deposit", "discount", "tip",
                     "bonus", "rebate"})
                && (names_money(col.column) || words.size() <= 2);
  if (!charge)
    return false;
  // The words said must name the charge, not the money: "how many booking
  // fees", not "how many pounds of fees".
  for (size_t i = items[k].begin; i < items[k].end; ++i)
    for (auto* money : {"amount", "amounts", "total", "totals", "money", "sum", "value"})
      if (tokens[i].text == money)
        return false;
  if (!items[k].plural)
    return false;
  m = count_rows(col.table);
  filter f;
  f.op = filter_op::gt;
  f.column = col;
  f.values = {"0"};
  f.numeric = true;
  r.filters.push_back(f);
  return true;
}

} // namespace medha::sqlgen::detail
