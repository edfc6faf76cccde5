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

std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> out(1);
  for (char ch : lower(name)) {
    if (ch == '_' || ch == ' ')
      out.emplace_back();
    else
      out.back() += ch;
  }
  return out;
}

// A table of bills ("invoices", "bills") that keeps one amount of its own,
// tax aside (net_amt beside vat_amt): what the business billed.
bool bills_with_amount(const table_info& t) {
  auto words = words_of(t.name);
  auto last = words.back();
  if (last != "invoice" && last != "invoices" && last != "bill" && last != "bills")
    return false;
  int amounts = 0;
  for (auto& c : t.columns) {
    if (c.role != column_role::numeric)
      continue;
    bool money = false, tax = false;
    for (auto& w : words_of(c.name)) {
      money = money || w == "amount" || w == "amt" || w == "total" || w == "net";
      tax = tax || w == "tax" || w == "vat" || w == "gst";
    }
    amounts += money && !tax;
  }
  return amounts == 1;
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
  // Where bills keep their own amount, revenue is what was billed; lines
  // add up to it only when they are the bills' own lines (invoice_lines of
  // invoices), not the parts fitted during work that is billed on its own.
  for (auto& t : model.tables) {
    if (t.derived || &t == lines || !bills_with_amount(t))
      continue;
    bool own_lines = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
      return r.from_table == lines->name && r.to_table == t.name;
    });
    if (!own_lines)
      return false;
  }
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
