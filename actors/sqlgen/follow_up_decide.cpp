// Whether a question edits the previous query or asks a new one, and the
// tests that decide it: a new measure or entity starts over; a value said of
// the rows measured, a group swapped, "their" average, a ranking of the
// groups shown edit it.
#include <algorithm>
#include <optional>

#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace follow_ups {

std::optional<column_ref> label_of_table(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  auto* label = t ? label_column(*t) : nullptr;
  if (!label)
    return std::nullopt;
  return column_ref{table, label->name};
}

// "what about categories?" after a ranking of products: the same question,
// grouped by the new entity.
// "top 4 genres" after plays by track: the same measure, ranked by
// the new entity.
bool swaps_dimension(const reading& r, const query& previous) {
  if (r.entity.empty() || !r.measures.empty() || !r.selected.empty() || r.entity_qualifies_value
      || previous.kind != query_kind::aggregate || previous.measures.empty())
    return false;
  if (r.top_n > 0 && r.filters.empty())
    return true;
  if (!r.instead)
    return false;
  return std::any_of(previous.dimensions.begin(), previous.dimensions.end(),
                     [](const dimension& d) { return d.bucket == time_bucket::none; });
}

// "which depots are they in?" after a count: the same rows, grouped by what
// the question names.
std::optional<column_ref> grouping_of_rows(const indexed_model& model, const reading& r,
                                           const query& previous) {
  if (!r.refers_back || !r.measures.empty() || r.entity_qualifies_value || r.asked_list
      || previous.kind != query_kind::aggregate || previous.measures.size() != 1
      || !r.filters.empty())
    return std::nullopt;
  // Rows are grouped by what tells them apart, not by an amount of theirs.
  if (r.selected.size() == 1 && r.entity.empty() && role_of(model, r.selected.front()) != column_role::numeric)
    return r.selected.front();
  if (r.selected.empty() && !r.entity.empty() && r.entity != root_table(model, previous)) {
    auto* t = table_of(model, r.entity);
    auto* label = t ? label_column(*t) : nullptr;
    if (label)
      return column_ref{r.entity, label->name};
  }
  return std::nullopt;
}

// Rows ordered by a column of theirs ("the most expensive ..."), not by a
// measure.
bool ranks_own_rows(const reading& r) {
  return std::any_of(r.order.begin(), r.order.end(), [](const ordering& o) { return o.measure < 0; });
}

// "only for student members" after a measure: the noun only says whose
// value it is; the filter edits the previous query.
bool filters_previous(const indexed_model& model, const reading& r, const query& previous) {
  // "only orders from 2024", "for express orders?" after a measure of
  // orders: the rows measured, named again only to say which of them count.
  auto said = [&](size_t i) { return i < r.tokens.size() ? r.tokens[i].text : std::string(); };
  size_t first = said(0) == "and" || said(0) == "but" ? 1 : 0;
  bool only = (said(first) == "only" || said(first) == "just" || said(first) == "for") && !r.entity.empty()
              && previous.kind == query_kind::aggregate && r.entity == root_table(model, previous);
  // "list the active ones in Retail" asks for rows: a new listing; so does
  // "the most expensive tool", which ranks rows of its own.
  return (r.entity_qualifies_value || only) && r.measures.empty() && r.selected.empty() && !r.asked_list
         && !ranks_own_rows(r)
         && !r.filters.empty() && previous.kind == query_kind::aggregate
         && !previous.measures.empty();
}

// "what is their average weight?" after counting parcels: a new measure
// of the rows just counted, whose conditions still hold.
bool measures_previous_rows(const indexed_model& model, const reading& r,
                            const query& previous) {
  // After a listing ("the products of Books"), "their" is the rows listed.
  bool listed = previous.kind == query_kind::listing && !previous.entity.empty();
  if (!r.refers_back || r.measures.empty() || !r.entity.empty() || !r.selected.empty()
      || (!listed && (previous.kind != query_kind::aggregate || previous.measures.empty())))
    return false;
  auto rows = root_table(model, previous);
  return std::all_of(r.measures.begin(), r.measures.end(), [&](const measure& m) {
    return m.metric.empty() && m.column.table == rows;
  });
}

// "which one brings in the largest mean fee?" after lessons per instructor:
// the groups shown, ranked by a new measure of the same rows.
bool ranks_groups_by_new_measure(const indexed_model& model, const reading& r, const query& previous) {
  bool which = !r.tokens.empty() && !r.tokens[0].quoted && r.tokens[0].text == "which";
  if (!which || previous.kind != query_kind::aggregate || previous.measures.empty() || r.measures.size() != 1
      || !r.entity.empty() || !r.selected.empty() || !r.dimensions.empty() || !r.filters.empty() || (r.limit <= 0 && r.top_n <= 0)
      || r.show_rows || !r.measures[0].metric.empty() || r.measures[0].column.column.empty())
    return false;
  bool groups = std::any_of(previous.dimensions.begin(), previous.dimensions.end(),
                            [](const dimension& d) { return d.bucket == time_bucket::none; });
  return groups && r.measures[0].column.table == root_table(model, previous);
}

} // namespace follow_ups

// "which 4 depots have the most?" after a count per depot: the groups
// just shown, ranked by their measure; nothing else is asked.
using namespace follow_ups;

bool ranks_previous_groups(const indexed_model& model, const reading& r, const query& previous) {
  if (ranks_groups_by_new_measure(model, r, previous))
    return true;
  if (previous.kind != query_kind::aggregate || previous.measures.empty() || !r.measures.empty()
      || !r.filters.empty() || r.limit <= 0 || r.show_rows)
    return false;
  auto shown = [&](const column_ref& c) {
    return std::any_of(previous.dimensions.begin(), previous.dimensions.end(), [&](const dimension& d) {
      return d.bucket == time_bucket::none && d.column == c;
    });
  };
  // "which ship city had the most?" after one number: split by it.
  if (previous.dimensions.empty() && r.entity.empty() && new_group_to_rank(model, r, previous))
    return true;
  // "which quarter was the strongest?" after a quarterly total: it is shown.
  for (auto& d : r.dimensions)
    if (std::none_of(previous.dimensions.begin(), previous.dimensions.end(), [&](const dimension& p) {
          return p.bucket == d.bucket && (d.column.empty() || p.column == d.column);
        }))
      return false;
  if (!r.dimensions.empty() && r.entity.empty() && r.selected.empty())
    return true;
  // "who sold the most?": nothing named, the groups shown are the candidates.
  if (r.dimensions.empty() && r.entity.empty() && r.selected.empty())
    return r.has_direction && !previous.dimensions.empty();
  if (!r.entity.empty() && r.selected.empty()) {
    auto label = label_of_table(model, r.entity);
    return (label && shown(*label)) || new_group_to_rank(model, r, previous);
  }
  return !r.selected.empty() && std::all_of(r.selected.begin(), r.selected.end(), shown);
}

bool is_follow_up(const indexed_model& model, const reading& r, const query& previous) {
  if (ranks_previous_groups(model, r, previous))
    return true;
  // Rows only implied ("the cheapest ones") are the last answer's, unless
  // a value says which rows and a ranking of their own orders them ("the
  // most expensive tool"): a question of its own.
  if (!r.names_measure_or_entity()
      || (r.implicit_entity && r.measures.empty() && !(ranks_own_rows(r) && !r.filters.empty())))
    return true;
  // "list them with their suppliers": the rows of the last answer, with more.
  if (r.with_columns && r.refers_back && r.entity.empty() && r.measures.empty())
    return true;
  if (swaps_dimension(r, previous) || filters_previous(model, r, previous)
      || grouping_of_rows(model, r, previous) || measures_previous_rows(model, r, previous))
    return true;
  return r.instead && !r.measures.empty() && r.entity.empty() && r.selected.empty();
}

// "how many?", "how many is that?": the count asked again, nothing more.
bool bare_how_many(const std::vector<token>& tokens) {
  if (tokens.size() < 2 || tokens[0].text != "how" || tokens[1].text != "many")
    return false;
  return std::all_of(tokens.begin() + 2, tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "is" || t.text == "are" || t.text == "was" || t.text == "were"
                         || t.text == "that" || t.text == "there" || t.text == "it");
  });
}

// "only the ones still in service": a restriction of the rows shown. A
// column it names without a condition to make of it is no new group.
bool restricts_without_a_condition(const reading& r) {
  auto said = [&](size_t i) { return i < r.tokens.size() && !r.tokens[i].quoted ? r.tokens[i].text : std::string(); };
  size_t lead = said(0) == "and" || said(0) == "but" ? 1 : 0;
  return (said(lead) == "only" || said(lead) == "just") && r.filters.empty() && r.measures.empty()
         && (!r.selected.empty() || !r.dimensions.empty()) && !r.instead;
}

// Tables a follow-up most likely refers to: what the last answer was about.
std::vector<std::string> context_tables(const indexed_model& model, const query& q) {
  std::vector<std::string> out;
  for (auto& d : q.dimensions)
    out.push_back(d.column.table);
  if (!q.entity.empty())
    out.push_back(q.entity);
  if (out.empty())
    out.push_back(root_table(model, q));
  return out;
}

// "only check-ins in 2025" after bookings by channel: the rows the date
// belongs to are the rows counted already; only the period is new.
bool restricts_to_a_period(const indexed_model& model, const reading& r, const query& previous) {
  auto said = [&](size_t i) { return i < r.tokens.size() && !r.tokens[i].quoted ? r.tokens[i].text : std::string(); };
  size_t first = said(0) == "and" || said(0) == "but" ? 1 : 0;
  return (said(first) == "only" || said(first) == "just") && previous.kind == query_kind::aggregate
         && r.entity.empty() && r.selected.empty() && r.dimensions.empty() && r.measures.size() == 1
         && r.measures[0].agg == aggregate::count && r.measures[0].column.column.empty()
         && r.measures[0].metric.empty() && r.measures[0].column.table == root_table(model, previous)
         && counts_rows(previous) && !r.filters.empty()
         && std::all_of(r.filters.begin(), r.filters.end(), [](const filter& f) { return is_time_filter(f); });
}

} // namespace medha::sqlgen
