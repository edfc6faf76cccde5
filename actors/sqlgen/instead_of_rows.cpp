// "what about suppliers?" right after a number about items: the same
// number for the rows named ("how many suppliers?") or the number split by
// them ("products per category") are both ordinary readings, and a list of
// the rows named is neither. The user says which.
#include "actors/sqlgen/instead_of_rows.hpp"

#include "actors/sqlgen/clarify_replies.hpp"
#include "actors/sqlgen/explain.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

std::optional<sql_plan> ask_about_rows_named_instead(const indexed_model& model, const query& previous,
                                                     const reading& r, const query& fresh,
                                                     const std::string& previous_json) {
  if (!r.instead || r.asked_list || previous.kind != query_kind::aggregate || previous.measures.empty()
      || fresh.kind != query_kind::listing || fresh.entity.empty() || !fresh.filters.empty()
      || !r.selected.empty() || fresh.entity == root_table(model, previous))
    return std::nullopt;
  auto words = entity_words(fresh.entity);
  auto plural = column_words(fresh.entity);
  std::vector<clarify_choice> choices;
  query count;
  count.entity = fresh.entity;
  measure rows;
  rows.agg = aggregate::count;
  rows.column.table = fresh.entity;
  count.measures = {rows};
  choices.push_back({"The number of " + plural + ": " + explain(model, count),
                     "how many " + plural + " are there"});
  auto* t = table_of(model, fresh.entity);
  if (auto* label = t ? label_column(*t) : nullptr) {
    auto split = previous;
    dimension d;
    d.column = {fresh.entity, label->name};
    split.dimensions.push_back(d);
    if (compile(model, split).status == compile_status::ok)
      choices.push_back({"The same, per " + words + ": " + explain(model, split), "by " + words});
  }
  auto asked = clarify("\"" + plural + "\" after " + understood_words(model, previous)
                         + ": do you mean how many there are, or the same number per " + words + "?",
                       std::move(choices), previous_json, 0.3);
  asked.ambiguous = true;
  return asked;
}

} // namespace medha::sqlgen
