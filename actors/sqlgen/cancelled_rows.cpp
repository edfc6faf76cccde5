// "How many seats did we sell?" over bookings some of which were
// cancelled: one reader leaves those out, another keeps every booking
// made. Neither is provable from the question, and the two numbers differ,
// so the engine asks rather than pick. Only where the rows measured, or the
// rows they belong to, have a state that says cancelled (a value of their
// own, or a code whose description says it), and only for what was sold or
// taken in; a filter or a group on that state, or the word said, settles
// it.
#include "actors/sqlgen/cancelled_rows.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/value_legend.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

bool says_cancelled(const std::string& value) {
  std::string v;
  for (char c : value)
    v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v.find("cancel") != std::string::npos || v == "void" || v == "voided";
}

bool holds_cancelled(const column_info& c) {
  auto legend = value_legend(c.comment); // "X cancelled by client"
  return std::any_of(c.values.begin(), c.values.end(), says_cancelled)
         || std::any_of(c.lookup_values.begin(), c.lookup_values.end(), says_cancelled)
         || std::any_of(legend.begin(), legend.end(), [](const auto& e) { return says_cancelled(e.second); });
}

// The columns of `table` whose state may be cancelled: its own values, or
// a key to a table of codes one of whose rows says so.
std::vector<column_ref> cancel_states(const indexed_model& model, const std::string& table) {
  std::vector<column_ref> out;
  auto* t = table_of(model, table);
  if (!t)
    return out;
  for (auto& c : t->columns)
    if (holds_cancelled(c))
      out.push_back({t->name, c.name});
  for (auto& rel : model.relationships) {
    if (rel.from_table != table || rel.from_columns.size() != 1)
      continue;
    auto* codes = table_of(model, rel.to_table);
    if (codes && codes->columns.size() <= 4
        && std::any_of(codes->columns.begin(), codes->columns.end(), holds_cancelled)) {
      out.push_back({t->name, rel.from_columns.front()});
      for (auto& c : codes->columns)
        out.push_back({codes->name, c.name});
    }
  }
  return out;
}

// Said as a word of sales, not inside a value ("the sales assistants").
bool sales_said(const reading& r, const query& q) {
  static const char* words[] = {"sold", "sell", "sells", "selling", "sales", "revenue", "income", "turnover",
                                "takings", "spend", "spent", "earned", "earn", "earns"};
  std::string values;
  for (auto& f : q.filters)
    for (auto& v : f.values) {
      for (char c : v)
        values += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      values += '\n';
    }
  return std::any_of(r.tokens.begin(), r.tokens.end(), [&](const token& t) {
    return !t.quoted && values.find(t.text) == std::string::npos
           && std::any_of(std::begin(words), std::end(words), [&](const char* w) { return t.text == w; });
  });
}

// A table of sales by its name: orders, bookings, reservations, ...
bool names_a_sale(const std::string& table) {
  static const char* nouns[] = {"order", "booking", "reservation", "sale", "purchase", "transaction", "basket"};
  auto words = lexicon_words::spelled_out(split_words(table));
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return std::any_of(std::begin(nouns), std::end(nouns), [&](const char* n) { return stem(w) == stem(n); });
  });
}

void filtered_columns(const std::vector<filter>& filters, std::vector<column_ref>& out) {
  for (auto& f : filters) {
    out.push_back(f.column);
    filtered_columns(f.within, out);
  }
}

} // namespace

std::string cancelled_rows_unsaid(const indexed_model& model, const reading& r, const query& q) {
  if (q.kind != query_kind::aggregate || q.measures.empty())
    return "";
  bool said = std::any_of(r.tokens.begin(), r.tokens.end(), [](const token& t) {
    return !t.quoted && (t.stem.rfind("cancel", 0) == 0 || t.text == "regardless");
  });
  // "jobs we actually did": what really happened, said
  // as plainly as a sale.
  bool happened = std::any_of(r.tokens.begin(), r.tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "actually" || t.text == "really");
  });
  if (said || !(sales_said(r, q) || happened))
    return "";
  // A condition on the state, or a group by it, shows which rows count.
  std::vector<column_ref> filtered;
  filtered_columns(q.filters, filtered);
  for (auto& d : q.dimensions)
    filtered.push_back(d.column);
  for (auto& m : q.measures) {
    auto table = m.column.table;
    if (table.empty() || !m.metric.empty())
      continue;
    // The rows measured, and the sale each belongs to (a ticket's booking;
    // not its flight or show, whose cancelling leaves the sale made).
    std::vector<std::string> tables{table};
    for (auto& rel : model.relationships)
      if (rel.from_table == table && rel.to_table != table && names_a_sale(rel.to_table))
        tables.push_back(rel.to_table);
    for (auto& t : tables) {
      auto states = cancel_states(model, t);
      if (states.empty())
        continue;
      bool settled = std::any_of(states.begin(), states.end(), [&](const column_ref& c) {
        return std::find(filtered.begin(), filtered.end(), c) != filtered.end();
      });
      if (!settled)
        return column_words(t);
    }
  }
  return "";
}

} // namespace medha::sqlgen
