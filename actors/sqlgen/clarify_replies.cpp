// The words of the engine's clarify replies: what a query asks, in words, and
// the choices offered (starting points, the meanings of an ambiguous phrase,
// the links between two tables), each a question to send back.
#include "actors/sqlgen/clarify_replies.hpp"

#include <algorithm>

#include "actors/sqlgen/explain.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

// An unambiguous way to say an element, for clarify replies.
std::string spelled_out(const element& e) {
  switch (e.kind) {
    case element_kind::table: return join(split_words(e.table), " ");
    case element_kind::column:
      return entity_words(e.table) + " " + column_words(e.column);
    case element_kind::metric: return column_words(e.metric);
    case element_kind::value: return entity_words(e.table) + " " + column_words(e.column) + " " + e.value;
  }
  return "";
}

std::string kind_words(const element& e) {
  switch (e.kind) {
    case element_kind::table: return "the " + column_words(e.table) + " table";
    case element_kind::column:
      return "the " + column_words(e.column) + " of " + column_words(e.table);
    case element_kind::metric: return "the metric " + column_words(e.metric);
    case element_kind::value:
      return "\"" + e.value + "\" in " + column_words(e.table) + " " + column_words(e.column);
  }
  return "";
}

std::string replace_span(const std::vector<token>& tokens, size_t begin, size_t end,
                         const std::string& with) {
  std::vector<std::string> words;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == begin)
      words.push_back(with);
    if (i >= begin && i < end)
      continue;
    words.push_back(tokens[i].quoted ? "'" + tokens[i].text + "'" : tokens[i].text);
  }
  return join(words, " ");
}

} // namespace

std::string without_words(const std::vector<token>& tokens,
                          const std::vector<std::string>& unknown) {
  std::vector<std::string> words;
  for (auto& t : tokens)
    if (t.quoted || std::find(unknown.begin(), unknown.end(), t.text) == unknown.end())
      words.push_back(t.quoted ? "'" + t.text + "'" : t.text);
  return join(words, " ");
}

std::vector<clarify_choice> suggestions(const indexed_model& model, const std::string& keep,
                                        const std::string& kept_words) {
  std::vector<clarify_choice> out;
  auto tail = keep.empty() ? std::string() : " " + keep;
  auto label_tail = kept_words.empty() ? std::string() : ", " + kept_words;
  for (auto& m : model.metrics) {
    if (out.size() >= 2)
      break;
    auto name = column_words(m.name);
    out.push_back({"Total " + name + label_tail, "total " + name + tail});
  }
  std::vector<const table_info*> tables;
  for (auto& t : model.tables)
    tables.push_back(&t);
  std::stable_sort(tables.begin(), tables.end(), [](auto* a, auto* b) {
    return a->row_estimate > b->row_estimate;
  });
  for (auto* t : tables) {
    if (out.size() >= 4)
      break;
    auto name = column_words(t->name);
    out.push_back({"Number of " + name + label_tail, "how many " + name + tail});
  }
  return out;
}

std::string understood_words(const indexed_model& model, const query& q) {
  std::vector<std::string> parts;
  for (auto& m : q.measures)
    parts.push_back(describe(model, m));
  if (q.kind == query_kind::listing && !q.entity.empty())
    parts.push_back("a list of " + column_words(q.entity));
  for (auto& d : q.dimensions) {
    auto* t = table_of(model, d.column.table);
    auto* label = t ? label_column(*t) : nullptr;
    parts.push_back("by " + (d.bucket != time_bucket::none ? std::string(to_string(d.bucket))
                             : label && label->name == d.column.column
                               ? entity_words(d.column.table)
                               : entity_words(d.column.table) + " " + column_words(d.column.column)));
  }
  for (auto& f : q.filters)
    if (f.measure < 0)
      parts.push_back(describe(model, f));
  return join(parts, ", ");
}

sql_plan clarify(std::string understood, std::vector<clarify_choice> choices,
                 std::string query_json, double confidence) {
  sql_plan p;
  p.outcome = plan_outcome::clarify;
  p.understood = std::move(understood);
  p.choices = std::move(choices);
  p.query_json = std::move(query_json);
  p.confidence = confidence;
  return p;
}

std::vector<clarify_choice> meaning_choices(const ambiguity& a, const std::vector<token>& tokens) {
  std::vector<clarify_choice> choices;
  for (auto& e : a.options)
    choices.push_back({kind_words(e), replace_span(tokens, a.begin, a.end, spelled_out(e))});
  return choices;
}

std::string with_weak_spelled_out(const std::vector<token>& tokens,
                                  const std::vector<ambiguity>& weak) {
  std::vector<std::string> words;
  size_t next = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool replaced = false;
    for (auto& w : weak)
      if (w.begin == i) {
        words.push_back(spelled_out(w.options.front()));
        next = w.end;
        replaced = true;
      }
    if (!replaced && i >= next)
      words.push_back(tokens[i].quoted ? "'" + tokens[i].text + "'" : tokens[i].text);
  }
  return join(words, " ");
}

std::vector<clarify_choice> link_choices(const indexed_model& model, const query& q,
                                         const std::vector<std::string>& ambiguous_tables,
                                         std::string_view question) {
  std::vector<clarify_choice> choices;
  std::vector<const relationship*> seen;
  auto root = root_table(model, q);
  for (auto& t : ambiguous_tables) {
    auto path = shortest_path(model, root, t);
    std::vector<std::string> on_path{root};
    for (auto& s : path.steps)
      on_path.push_back(s.to_table);
    for (auto& table : on_path)
      for (auto* rel : parallel_links(model, table)) {
        if (std::find(seen.begin(), seen.end(), rel) != seen.end())
          continue;
        seen.push_back(rel);
        auto words = split_words(rel->from_columns.front());
        if (words.size() > 1 && words.back() == "id")
          words.pop_back();
        auto role = join(words, " ");
        choices.push_back({"Through " + column_words(rel->from_table) + " " + role,
                           std::string(question) + " via " + role});
      }
  }
  return choices;
}

// "I understood X, but " — or, when nothing was understood, a sentence that
// does not pretend otherwise.
std::string understood_prefix(const indexed_model& model, const query& q) {
  auto words = understood_words(model, q);
  return words.empty() ? "I did not understand enough of this, and " : "I understood " + words + ", but ";
}

void mark_asked_back(sql_plan& plan, std::string_view previous_query_json) {
  if (plan.query_json.empty()) {
    query nothing;
    nothing.unanswered = true;
    plan.query_json = to_json(nothing);
  }
  auto q = query_from_json(plan.query_json);
  if (!q)
    return;
  auto before = query_from_json(previous_query_json);
  if (before)
    before->unanswered = q->unanswered;
  if (!before || to_json(*before) != to_json(*q))
    q->unconfirmed = true;
  q->unanswered = true;
  plan.query_json = to_json(*q);
}

} // namespace medha::sqlgen
