#include "actors/answer/answer_writer.hpp"

#include <algorithm>
#include <cctype>

#include "actors/answer/number_format.hpp"
#include "actors/answer/result_shape.hpp"
#include "actors/answer/suggestions.hpp"

namespace medha {

namespace {

using answer::format_number;
using answer::format_percent;
using answer::format_value;
using answer::parse_number;
using answer::result_shape;
using answer::title_of;

// Groups named in the sentence before "; N regions in all".
constexpr size_t named_groups = 2;

std::string cell(const result_set& rows, size_t row, size_t column) {
  const auto& r = rows.rows[row];
  if (column >= r.size() || !r[column])
    return "no value";
  return *r[column];
}

std::string lower_first(std::string s) {
  if (!s.empty())
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// "2024-03-01" -> "2024-03" when every row is a month start, "2024" when a
// year start: how the buckets were asked for, not how PostgreSQL prints them.
std::string period_label(const std::string& value, bool months, bool years) {
  auto v = value.substr(0, 10);
  if (years)
    return v.substr(0, 4);
  if (months)
    return v.substr(0, 7);
  return v;
}

// The noun for what the rows are: "regions" for a region column, the main
// table of the SQL for a listing, else "rows".
std::string row_noun_of_column(const std::string& column) {
  std::string c = column;
  for (const char* suffix : {"_name", "_title", "_label"}) {
    std::string s = suffix;
    if (c.size() > s.size() && c.compare(c.size() - s.size(), s.size(), s) == 0)
      c.resize(c.size() - s.size());
  }
  if (c == "name" || c == "title" || c == "label")
    return "groups";
  return answer::plural(answer::singular(lower_first(title_of(c))));
}

// How many rows the result has, in words. A truncated result stopped reading
// at its cap, so its count is only a lower bound.
std::string count_text(const result_set& rows) {
  if (rows.truncated)
    return "more than " + std::to_string(rows.rows.size());
  return std::to_string(std::max<uint64_t>(rows.row_count, rows.rows.size()));
}

std::string listing_noun(const sql_plan& plan, const semantic_model* model) {
  // The engine names the rows by their table's words ("book genre"):
  // counted, they are plural.
  if (!plan.subject.empty())
    return plan.subject.find(" of ") == std::string::npos ? answer::plural(answer::singular(plan.subject))
                                                          : plan.subject;
  auto words = answer::sql_words(plan.sql);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "from")
      continue;
    const auto& name = words[i + 1];
    if (!model || model->find_table(name))
      return lower_first(title_of(name));
  }
  return "rows";
}

std::string no_rows(std::string_view question, const sql_plan& plan) {
  if (!plan.explanation.empty()) {
    auto e = plan.explanation;
    while (!e.empty() && (e.back() == '.' || e.back() == ' '))
      e.pop_back();
    return "No rows matched: " + lower_first(e) + ". Try a wider period or fewer filters.";
  }
  return "No rows matched \"" + std::string(question) + "\". Try a wider period or fewer filters.";
}

std::string one_row(const result_set& rows) {
  std::string s;
  for (size_t c = 0; c < rows.columns.size(); ++c) {
    if (c > 0)
      s += c + 1 == rows.columns.size() ? " and " : ", ";
    auto title = title_of(rows.columns[c].name);
    s += (c == 0 ? title : lower_first(title)) + " is " + format_number(cell(rows, 0, c));
  }
  return s + ".";
}

std::string trend(const result_set& rows, size_t time, size_t measure) {
  std::vector<size_t> order;
  for (size_t r = 0; r < rows.rows.size(); ++r)
    if (time < rows.rows[r].size() && rows.rows[r][time])
      order.push_back(r);
  // ISO dates and timestamps sort as text.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return *rows.rows[a][time] < *rows.rows[b][time];
  });
  if (order.size() < 2)
    return "";
  bool months = true;
  bool years = true;
  for (auto r : order) {
    const auto& v = *rows.rows[r][time];
    months = months && v.size() >= 10 && v.compare(7, 3, "-01") == 0;
    years = years && v.size() >= 10 && v.compare(4, 6, "-01-01") == 0;
  }
  if (order.size() > 0 && rows.rows[order[0]][time]->size() == 4)
    years = true; // a year bucket printed as a number
  const auto first = order.front();
  const auto last = order.back();
  const auto from = cell(rows, first, measure);
  const auto to = cell(rows, last, measure);
  std::string s = title_of(rows.columns[measure].name) + " went from " + format_number(from)
                  + " in " + period_label(*rows.rows[first][time], months, years) + " to "
                  + format_number(to) + " in " + period_label(*rows.rows[last][time], months, years);
  auto a = parse_number(from);
  auto b = parse_number(to);
  if (a && b && *a != 0)
    s += " (" + format_percent((*b - *a) / std::abs(*a) * 100.0) + ")";
  return s + ".";
}

std::string grouped(const result_set& rows, size_t category, size_t measure) {
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t r = 0; r < rows.rows.size(); ++r)
    if (auto v = parse_number(cell(rows, r, measure)))
      ranked.emplace_back(*v, r);
  if (ranked.empty())
    return "";
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](auto& a, auto& b) { return a.first > b.first; });
  // One column, one format: if PostgreSQL printed any value with a fraction,
  // all of them get cents ("4,123,456.00" beside "3,100.50").
  bool decimals = false;
  for (size_t r = 0; r < rows.rows.size(); ++r)
    decimals = decimals || answer::has_fraction(cell(rows, r, measure));
  auto value = [&](double v) { return format_value(v, decimals); };
  const auto measure_title = title_of(rows.columns[measure].name);
  auto label = [&](size_t r) { return cell(rows, r, category); };
  if (rows.rows.size() == 1)
    return measure_title + " for " + label(ranked[0].second) + " is "
           + value(ranked[0].first) + ".";
  std::string s = measure_title + " is highest for " + label(ranked[0].second) + " ("
                  + value(ranked[0].first) + ")";
  for (size_t i = 1; i < ranked.size() && i < named_groups; ++i)
    s += ", followed by " + label(ranked[i].second) + " (" + value(ranked[i].first) + ")";
  s += "; " + count_text(rows) + " " + row_noun_of_column(rows.columns[category].name)
       + " in all.";
  return s;
}

std::string listing(const result_set& rows, const sql_plan& plan, const semantic_model* model) {
  const auto total = std::max<uint64_t>(rows.row_count, rows.rows.size());
  auto noun = listing_noun(plan, model);
  if (total == 1 && !rows.truncated)
    noun = answer::singular(noun);
  std::string s = "Found " + count_text(rows) + " " + noun;
  if (rows.rows.size() < total)
    s += "; showing the first " + std::to_string(rows.rows.size());
  return s + ".";
}

} // namespace

written_answer write_answer(std::string_view question, const sql_plan& plan,
                            const result_set& rows, const semantic_model* model) {
  written_answer out;
  const auto shape = answer::shape_of(rows, plan);
  out.suggestions = answer::suggest_follow_ups(plan, rows, shape, model);
  if (rows.rows.empty()) {
    out.text = no_rows(question, plan);
    return out;
  }
  const bool single_measure = shape.numerics.size() == 1;
  if (rows.rows.size() == 1 && shape.times.empty() && shape.categories.empty())
    out.text = one_row(rows);
  else if (single_measure && shape.times.size() == 1 && shape.categories.empty())
    out.text = trend(rows, shape.times[0], shape.numerics[0]);
  else if (single_measure && shape.categories.size() == 1 && shape.times.empty()
           && rows.columns.size() == 2)
    out.text = grouped(rows, shape.categories[0], shape.numerics[0]);
  if (out.text.empty())
    out.text = listing(rows, plan, model);
  return out;
}

} // namespace medha
