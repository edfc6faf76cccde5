// "offerings that end before 1pm", "start time after 9am": a clock time
// compared with a column that keeps a time of day (no date).
#include <algorithm>
#include <cctype>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen::detail {

namespace {

bool is_word(const token& t, std::initializer_list<const char*> words) {
  return !t.quoted && std::any_of(words.begin(), words.end(), [&](const char* w) { return t.text == w; });
}

bool time_of_day(const column_info& c) {
  return c.type.rfind("time", 0) == 0 && c.type.rfind("timestamp", 0) != 0;
}

// "1pm", "1 pm", "11am", "noon", "midnight" as "HH:MM:SS"; the number of
// words read, 0 when none.
size_t clock_at(const std::vector<token>& t, size_t i, std::string& out) {
  if (i >= t.size() || t[i].quoted)
    return 0;
  if (t[i].text == "noon" || t[i].text == "midday") {
    out = "12:00:00";
    return 1;
  }
  if (t[i].text == "midnight") {
    out = "00:00:00";
    return 1;
  }
  std::string w = t[i].text, half;
  size_t len = 1;
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits])))
    ++digits;
  if (digits == 0 || digits > 2)
    return 0;
  half = w.substr(digits);
  if (half.empty() && i + 1 < t.size() && (t[i + 1].text == "am" || t[i + 1].text == "pm")) {
    half = t[i + 1].text;
    len = 2;
  }
  if (half != "am" && half != "pm")
    return 0;
  int h = std::stoi(w.substr(0, digits));
  if (h < 1 || h > 12)
    return 0;
  h = h % 12 + (half == "pm" ? 12 : 0);
  out = (h < 10 ? "0" : "") + std::to_string(h) + ":00:00";
  return len;
}

} // namespace

// Before the cues and links: "9 am" is no value of a column.
void reader::take_clocks() {
  for (size_t b = 1; b + 1 < tokens.size(); ++b) {
    if (!is_word(tokens[b], {"before", "after"}) || taken[b])
      continue;
    std::string clock;
    size_t len = clock_at(tokens, b + 1, clock);
    if (!len || taken[b + 1])
      continue;
    for (size_t k = b; k < b + 1 + len; ++k)
      taken[k] = true;
    clocks.push_back({b, len, clock});
  }
}

// After the walk: the column each clock time is compared with; none found,
// the words are the user's again (and so asked about).
void reader::read_clock() {
  for (auto& [b, len, clock] : clocks) {
    // The column: named right before ("end time before 1pm"), or by the verb
    // before ("closes before 6pm") among the time-of-day columns of the tables
    // the question names.
    std::optional<column_ref> col;
    for (auto& it : items)
      if (!it.c && it.e.kind == element_kind::column && it.end <= b && it.end + 1 >= b)
        if (auto* t = table_of(model, it.e.table))
          if (auto* c = t->find_column(it.e.column); c && time_of_day(*c))
            col = column_ref{t->name, c->name};
    if (!col && !tokens[b - 1].quoted) {
      int found = 0;
      std::vector<std::string> seen;
      for (auto& it : items) {
        if (it.c || it.e.table.empty()
            || std::find(seen.begin(), seen.end(), it.e.table) != seen.end())
          continue;
        seen.push_back(it.e.table);
        auto* t = table_of(model, it.e.table);
        for (auto& c : t ? t->columns : std::vector<column_info>{}) {
          if (!time_of_day(c))
            continue;
          auto words = split_words(c.name);
          if (std::any_of(words.begin(), words.end(),
                          [&](const std::string& w) { return stem(w) == tokens[b - 1].stem; })
              && ++found == 1)
            col = column_ref{t->name, c.name};
        }
      }
      if (found != 1)
        col.reset();
      else
        taken[b - 1] = true;
    }
    if (!col) {
      for (size_t k = b; k < b + 1 + len; ++k)
        taken[k] = false;
      continue;
    }
    filter f;
    f.op = tokens[b].text == "before" ? filter_op::lt : filter_op::gt;
    f.column = *col;
    f.values = {clock};
    r.filters.push_back(f);
  }
}

} // namespace medha::sqlgen::detail
