// "Martin Bell" where Martin is a first name of some people and a last name
// of others: said right before a last name of the same table, it is the
// first name; right after a first name, the last. One person, named as
// people are named.
#include "actors/sqlgen/reader.hpp"

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"

namespace medha::sqlgen::detail {

std::optional<element> reader::part_of_full_name(const mention& m, const std::vector<mention>& all, size_t index) {
  auto only_value_in = [&](const mention& o, const std::string& table, const std::string& column) {
    return o.candidates.size() == 1 && o.candidates[0].kind == element_kind::value && o.candidates[0].table == table
           && o.candidates[0].column == column;
  };
  for (auto& c : m.candidates) {
    if (c.kind != element_kind::value)
      continue;
    auto* t = table_of(model, c.table);
    auto* given = t ? label_column(*t) : nullptr;
    auto* family = t ? family_name_column(*t) : nullptr;
    if (!given || !family || given == family)
      continue;
    bool before_family = c.column == given->name && index + 1 < all.size() && all[index + 1].begin == m.end
                         && only_value_in(all[index + 1], t->name, family->name);
    bool after_given = c.column == family->name && index > 0 && all[index - 1].end == m.begin
                       && only_value_in(all[index - 1], t->name, given->name);
    if (before_family || after_given)
      return c;
  }
  return std::nullopt;
}

} // namespace medha::sqlgen::detail
