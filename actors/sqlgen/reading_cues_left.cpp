// After the walk: cues no phrase applied. A "not" that met nothing, a
// "per" with nothing after it, a comparison with no column beside it are
// read here where they can be (the label of the table named, the rows' one
// amount of money) and otherwise left unresolved, so the engine asks.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

void reader::apply_cues_left() {
  // Cues that were never applied to anything: a "not" that met no value or
  // flag would be lost...
  // "how many vans per make?" where nothing after "per" could be read: the
  // count alone would answer another question. (A period after it, "by
  // month", is the time reading's.)
  // ("GDP per capita": the word after it is part of a name already read.)
  bool named_after = std::any_of(items.begin(), items.end(), [&](const item& it) {
    return !it.c && it.begin <= group_end && group_end < it.end + 1 && it.end >= group_end;
  });
  // So is a count "for each make" where "make" names nothing: with a
  // count or a total, "each" and "for every" ask for groups as plainly as
  // "per" does (in a listing, "where each one is" is said of every row).
  bool aggregated = !r.measures.empty() || std::any_of(items.begin(), items.end(), [](const item& it) {
    return it.c && it.c->kind == cue_kind::aggregate;
  });
  bool each = group_word == "each" || group_word == "every" || group_word == "for";
  if (in_group && (group_word == "per" || group_word == "by" || (each && aggregated))
      && time.bucket == time_bucket::none
      && r.dimensions.empty() && !named_after)
    r.unresolved.push_back("what to group by");
  bool dangling_not = negate && !contrast_implied();
  for (size_t k = 0; k < items.size(); ++k)
    if (items[k].c && items[k].c->kind == cue_kind::missing
        && (k + 1 == items.size() || items[k + 1].c))
      dangling_not = true;
  // ... unless it asks for the other side of a flag: "how many have a final
  // exam and how many do not" counts both, one group per side.
  auto counts = std::count_if(items.begin(), items.end(), [](const item& it) {
    return it.c && it.c->kind == cue_kind::aggregate && it.c->agg == aggregate::count;
  });
  auto flag = std::find_if(r.filters.begin(), r.filters.end(), [&](const filter& f) {
    return f.measure < 0 && f.op == filter_op::eq && role_of(model, f.column) == column_role::boolean;
  });
  bool one_flag = flag != r.filters.end()
                  && std::count_if(r.filters.begin(), r.filters.end(),
                                   [](const filter& f) { return f.measure < 0; }) == 1;
  if (dangling_not && counts == 2 && one_flag && items.back().c) {
    dimension d;
    d.column = flag->column;
    add_dimension(d);
    r.filters.erase(flag);
  } else if (dangling_not) {
    r.unresolved.push_back("not");
  }
  for (size_t k = 0; k < items.size(); ++k) {
    auto& it = items[k];
    if (it.c && !it.consumed && it.c->kind == cue_kind::compare
        && it.c->text.rfind("length:", 0) == 0) {
      if (auto f = length_condition(*it.c))
        r.filters.push_back(*f);
      else
        r.unresolved.push_back("how long");
      continue;
    }
    if (it.c && !it.consumed
        && (it.c->kind == cue_kind::compare || it.c->kind == cue_kind::contains
            || it.c->kind == cue_kind::missing_after)) {
      // "with "Blue" in its name": the label of the table named just before.
      const item* owner = nullptr;
      for (auto& o : items)
        if (!o.c && o.e.kind == element_kind::table && o.end <= it.begin)
          owner = &o;
      if (it.c->kind == cue_kind::contains && it.c->text == "in its name" && owner) {
        filter f;
        f.op = it.c->op;
        f.column = label_of(model, owner->e.table);
        f.values = it.c->values;
        r.filters.push_back(f);
        continue;
      }
      // "songs containing 'love'": the label of the table said
      // right before; else of the entity; else nothing.
      auto* before = prev_item(k);
      bool named = before && !before->c && before->e.kind == element_kind::table
                   && before->end == it.begin;
      if (it.c->kind == cue_kind::contains && (named || !r.entity.empty())) {
        filter f;
        f.op = it.c->op;
        f.column = label_of(model, named ? before->e.table : r.entity);
        f.values = it.c->values;
        r.filters.push_back(f);
      } else if (it.c->kind == cue_kind::compare && it.c->text != "literal"
                 && !it.c->values.empty() && is_number(it.c->values.front())
                 && std::none_of(items.begin(), items.end(), [](const item& x) { return !x.c; })
                 && !context_tables.empty()) {
        filter f;
        f.op = it.c->op;
        f.values = it.c->values;
        f.numeric = true;
        r.on_shown_number = f;
      } else if (auto money = it.c->kind == cue_kind::compare && it.c->op != filter_op::eq && owner
                                ? money_of(owner->e.table) : std::nullopt) {
        // "invoices over $10,000": the rows' one amount of money.
        filter f;
        f.op = it.c->op;
        f.column = *money;
        f.values = it.c->values;
        f.numeric = true;
        r.filters.push_back(f);
      } else {
        r.unresolved.push_back("a condition");
      }
    }
  }
}

} // namespace medha::sqlgen::detail
