// Revenue is what people ask first of a trading database, and most keep it
// only as lines: quantity times unit price, perhaps less a discount.
#include "actors/context/line_revenue.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace medha {

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool named(const column_info& c, std::initializer_list<const char*> names) {
  auto n = lower(c.name);
  return c.role == column_role::numeric
         && std::any_of(names.begin(), names.end(), [&](const char* x) { return n == x; });
}

// A discount kept as a fraction of the price (0.15), not as percent or money:
// a real number, or a comment that says so.
bool fraction(const column_info& c) {
  auto text = lower(c.comment);
  if (text.find("fraction") != std::string::npos || text.find("0.") != std::string::npos)
    return true;
  if (text.find("percent") != std::string::npos || text.find("amount") != std::string::npos)
    return false;
  return c.type == "real" || c.type == "double precision";
}

std::string quoted(const std::string& table, const std::string& column) {
  return table + "." + column;
}

} // namespace

bool add_line_revenue(semantic_model& model) {
  for (auto& m : model.metrics) {
    auto n = lower(m.name);
    if (n.find("revenue") != std::string::npos || n.find("sales") != std::string::npos)
      return false; // the owners defined it
  }
  const table_info* lines = nullptr;
  const column_info *quantity = nullptr, *price = nullptr, *discount = nullptr;
  for (auto& t : model.tables) {
    if (t.derived)
      continue;
    const column_info *q = nullptr, *p = nullptr, *d = nullptr;
    for (auto& c : t.columns) {
      if (named(c, {"quantity", "qty", "units", "quantity_ordered", "units_sold"}))
        q = &c;
      if (named(c, {"unit_price", "price", "sale_price"}))
        p = &c;
      if (named(c, {"discount", "discount_rate", "discount_pct"}))
        d = &c;
    }
    if (!q || !p)
      continue;
    if (lines)
      return false; // two tables of lines: which one is revenue is asked
    lines = &t;
    quantity = q;
    price = p;
    discount = d;
  }
  if (!lines)
    return false;
  metric m;
  m.name = "revenue";
  m.table = lines->name;
  auto gross = quoted(lines->name, quantity->name) + " * " + quoted(lines->name, price->name);
  if (discount && fraction(*discount)) {
    m.expression = "SUM(" + gross + " * (1 - " + quoted(lines->name, discount->name) + "))";
    m.description = "quantity times unit price less the discount, over " + lines->name;
  } else if (discount) {
    return false; // a discount in another unit: not guessed
  } else {
    m.expression = "SUM(" + gross + ")";
    m.description = "quantity times unit price, over " + lines->name;
  }
  m.synonyms = {"sales", "turnover", "income", "takings", "sales revenue", "total sales"};
  model.metrics.push_back(std::move(m));
  return true;
}

} // namespace medha
