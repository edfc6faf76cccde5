// "What time span do the bookings cover?", "what date range does it span?":
// the first and the last date of the rows named (or of the rows the last
// answer was about, for "they" and "it"). The words of the span are taken
// before linking: "period" must not name a column called period_start.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen::detail {

void reader::take_span_words() {
  auto at = [&](size_t i, std::initializer_list<const char*> ws) {
    return i < tokens.size() && !tokens[i].quoted && !taken[i]
           && std::any_of(ws.begin(), ws.end(), [&](const char* w) { return tokens[i].text == w; });
  };
  size_t lead = at(0, {"and", "so"}) ? 1 : 0;
  if (!at(lead, {"what", "which"}))
    return;
  // "what period", "what date range", "what time span", "what dates".
  size_t end = lead + 1;
  if (at(end, {"period", "dates", "range"}))
    end += 1;
  else if (at(end, {"date", "time"}) && at(end + 1, {"range", "span", "period"}))
    end += 2;
  else
    return;
  auto verb = std::find_if(tokens.begin() + static_cast<std::ptrdiff_t>(end), tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "cover" || t.text == "covers" || t.text == "span" || t.text == "spans");
  });
  if (verb == tokens.end())
    return;
  for (size_t i = 0; i < end; ++i)
    taken[i] = true;
  taken[static_cast<size_t>(verb - tokens.begin())] = true;
  span_asked = true;
}

void reader::read_span_covered() {
  if (!span_asked)
    return;
  bool pronoun = std::any_of(tokens.begin(), tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "they" || t.text == "it" || t.text == "them" || t.text == "those");
  });
  std::string rows = rows_asked();
  if (rows.empty() && pronoun && !context_tables.empty()) {
    rows = context_tables.back();
    r.refers_back = true;
  }
  auto date = rows.empty() ? column_ref{} : default_time_column(model, rows);
  if (date.empty() || date.table != rows) {
    r.unresolved.push_back("which dates");
    return;
  }
  measure first, last;
  first.agg = aggregate::min;
  first.column = date;
  last.agg = aggregate::max;
  last.column = date;
  r.measures = {first, last};
  r.entity.clear();
  r.listing = false;
  r.selected.clear();
  r.order.clear();
  r.limit = 0;
}

} // namespace medha::sqlgen::detail
