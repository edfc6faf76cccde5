// What a table or a metric named in the question adds to the reading: the
// entity asked about, the rows counted, a group, or rows that must exist.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/time_phrases.hpp"


namespace medha::sqlgen::detail {

// "the most", "the fewest", "the least": how many, not how large.
bool reader::says_how_many(const item& x) const {
  for (size_t i = x.begin; i < x.end; ++i)
    if (tokens[i].text == "most" || tokens[i].text == "least" || tokens[i].text == "fewest")
      return true;
  return false;
}

void reader::on_table(size_t k, const item& it) {
  auto& table = it.e.table;
  auto* prev = prev_item(k);
  if (prev && prev->c && prev->c->kind == cue_kind::missing) {
    lack(table, it.end);
    return;
  }
  if (money_of_rows_named(table))
    return;
  // "customers who have not placed any orders": related rows negated.
  if (negate && !r.entity.empty() && table != r.entity && pending_agg == aggregate::none
      && !in_group) {
    lack(table, it.end);
    negate = false;
    return;
  }
  // "authors not in any organization": a negation still pending turns the
  // related table into one the rows must lack.
  auto relate = [&]() {
    if (negate) {
      lack(table, it.end);
      negate = false;
    } else {
      has.push_back(table);
    }
  };
  // "name them with their suppliers": the related rows' names shown beside.
  auto at = it.begin > 0 ? tokens[it.begin - 1].text : std::string();
  if (prev && prev->c && prev->c->kind == cue_kind::has && prev->end + 1 == it.begin
      && (at == "their" || at == "its") && !in_group && pending_agg == aggregate::none
      && (r.entity.empty() ? !context_tables.empty() && context_tables.back() != table : r.entity != table)) {
    r.selected.push_back(label_of(model, table));
    r.asked_list = true;
    r.with_columns = true;
    r.listing = true;
    return;
  }
  if (prev && prev->c && prev->c->kind == cue_kind::has && !r.entity.empty()) {
    relate();
    return;
  }
  if (in_group) {
    dimension d;
    d.column = label_of(model, table);
    add_dimension(d);
    entity_dimensions.push_back(table);
    return;
  }
  if (pending_agg == aggregate::count) {
    // "the total number of visits" where shops keep a visit_count:
    // the kept counts, summed; a table's own tally is always its count.
    if (auto counter = counter_column(table); counter && (total_count || counter->table == table)) {
      measure m;
      m.agg = aggregate::sum;
      m.column = *counter;
      add_measure(m);
      counter_for = {r.measures.size() - 1, table};
      pending_agg = aggregate::none;
      distinct = false;
      return;
    }
  }
  if (pending_agg == aggregate::count) {
    add_measure(count_rows(table));
    pending_agg = aggregate::none;
    distinct = false;
    return;
  }
  if (pending_agg != aggregate::none) {
    // "total payments": the table's one amount-like column.
    auto amounts = amount_columns(table);
    if (amounts.size() == 1) {
      measure m;
      m.agg = pending_agg;
      m.column = amounts.front();
      add_measure(m);
      pending_agg = aggregate::none;
      return;
    }
    if (amounts.size() > 1) {
      std::vector<element> options;
      for (auto& c : amounts)
        options.push_back({element_kind::column, c.table, c.column, "", ""});
      r.ambiguities.push_back({it.begin, it.end, options});
      measure m;
      m.agg = pending_agg;
      m.column = amounts.front();
      add_measure(m);
      pending_agg = aggregate::none;
      return;
    }
  }
  if (next_is(k, cue_kind::compare) && items[k + 1].c->text == "literal") {
    // "customer 'Acme Corp'": the name of one row.
    items[k + 1].consumed = true;
    filter f;
    f.op = filter_op::eq;
    f.column = label_of(model, table);
    f.values = items[k + 1].c->values;
    r.filters.push_back(f);
    if (r.entity.empty())
      r.entity = table;
    return;
  }
  // "store 1", "order 1042": a whole number right after a table's name is
  // the number of one row, when rows are numbered by a key of their own.
  if (next_is(k, cue_kind::compare) && items[k + 1].c->text == "number" && items[k + 1].begin == it.end
      && items[k + 1].c->values.size() == 1
      && items[k + 1].c->values[0].find_first_not_of("0123456789") == std::string::npos) {
    auto* t = table_of(model, table);
    auto* pk = t ? primary_key(*t) : nullptr;
    if (pk && pk->role == column_role::identifier) {
      items[k + 1].consumed = true;
      filter f;
      f.op = filter_op::eq;
      f.column = {table, pk->name};
      f.values = items[k + 1].c->values;
      f.numeric = true;
      r.filters.push_back(f);
      if (r.entity.empty())
        r.entity = table;
      return;
    }
  }
  // "show 10 tracks": a bare number before the first thing named is how
  // many rows to show, not a count the rows must have.
  bool first_named = std::none_of(items.begin(), items.begin() + static_cast<long>(k), [](const item& x) {
    return !x.c;
  });
  if (prev && prev->c && prev->c->kind == cue_kind::compare && !prev->consumed && prev->c->text == "number"
      && first_named && r.entity.empty() && r.measures.empty() && pending_agg == aggregate::none
      && is_number(prev->c->values.front()) && prev->c->values.front().find('.') == std::string::npos) {
    items[k - 1].consumed = true;
    r.limit = std::stoi(prev->c->values.front());
    r.entity = table;
    r.listing = true;
    return;
  }
  if (prev && prev->c && prev->c->kind == cue_kind::compare && !prev->consumed) {
    // "customers with more than 5 orders": a count compared per entity.
    items[k - 1].consumed = true;
    r.measures.push_back(count_rows(table));
    filter f;
    f.op = prev->c->op;
    f.values = prev->c->values;
    f.numeric = true;
    f.measure = static_cast<int>(r.measures.size()) - 1;
    r.filters.push_back(f);
    having_on_entity = true;
    return;
  }
  // "the most orders" counts them; "the tallest towers" with nothing
  // named before ranks the mountains themselves, by a number named later.
  // "which 3 towns have the most members": a grouping column named
  // before, and "most" (a quantity): the rows counted per group.
  bool group_before = std::any_of(items.begin(), items.begin() + static_cast<long>(k), [&](const item& x) {
    if (x.c || x.e.kind != element_kind::column)
      return false;
    auto role = role_of(model, {x.e.table, x.e.column});
    return role == column_role::categorical || role == column_role::text;
  });
  // ("the most veteran members": values of the rows may stand between.)
  const item* most = prev;
  for (size_t j = k; most && !most->c && most->e.kind == element_kind::value && most->e.table == table && j > 1;)
    most = prev_item(--j);
  if (superlative && superlative->text.empty() && most && most->c
      && most->c->kind == cue_kind::superlative && r.measures.empty()
      && (top == 0 || !r.entity.empty() || (group_before && says_how_many(*most)))
      && (!r.entity.empty() || says_how_many(*most))) {
    // (after "top 10" with no entity yet, "best-selling products" is an
    // adjective of the entity ranked, not a count)
    // "which member has the most loans"; but "the highest wage" of a
    // person with many wages is no count, and which of them is not said.
    auto& said = tokens[most->end - 1].text;
    bool size_word = said == "highest" || said == "largest" || said == "biggest" || said == "greatest"
                     || said == "lowest" || said == "smallest";
    if (size_word && !r.entity.empty() && table != r.entity && !amount_columns(table).empty()) {
      r.unresolved.push_back("which of each " + entity_words(r.entity) + "'s " + column_words(table)
                             + " ranks them");
      return;
    }
    r.measures.push_back(count_rows(table));
    return;
  }
  if (order_next) {
    ordering o;
    o.column = label_of(model, table);
    r.order.push_back(o);
    order_next = false;
    return;
  }
  auto* n = next_item(k);
  // A value of its own ("corporate customers") or one of its flags ("active
  // agents") right beside the noun.
  // After "only ...", one preposition may stand between ("only accounts in
  // Germany"): the restriction still says whose value it is.
  bool only = !tokens.empty() && (tokens[0].text == "only" || tokens[0].text == "just");
  auto after_preposition = [&](const item* x) {
    static const char* prepositions[] = {"in", "from", "on", "at", "with"};
    return only && x->begin == it.end + 1 && it.end < tokens.size()
           && std::any_of(std::begin(prepositions), std::end(prepositions),
                          [&](const char* p) { return tokens[it.end].text == p; });
  };
  auto same_table_value = [&](const item* x) {
    if (!x || x->c || x->e.table != table
        || (x->end != it.begin && x->begin != it.end && !after_preposition(x)))
      return false;
    return x->e.kind == element_kind::value
           || (x->e.kind == element_kind::column
               && role_of(model, column_ref{x->e.table, x->e.column}) == column_role::boolean);
  };
  if (same_table_value(prev) || same_table_value(n))
    r.entity_qualifies_value = true;
  if (r.entity.empty() && !in_group && r.measures.size() == 1 && counts_things(model, r.measures[0])
      && r.measures[0].column.table != table) {
    // "how many members borrowed a book": the counted rows have related rows.
    has.push_back(table);
    return;
  }
  // "the member IDs who have borrowed a book": the columns asked for already
  // say whose rows are listed; another table named later relates to them.
  bool one_owner = !r.selected.empty()
                   && std::all_of(r.selected.begin(), r.selected.end(),
                                  [&](const column_ref& c) { return c.table == r.selected[0].table; });
  if (r.entity.empty() && one_owner && r.measures.empty() && r.selected[0].table != table
      && r.selected[0].table != "" && shortest_path(model, r.selected[0].table, table).found) {
    r.entity = r.selected[0].table;
    relate();
    return;
  }
  if (r.entity.empty()) {
    r.entity = table;
    plural_entity = it.plural;
  } else if (table != r.entity) {
    relate(); // "customers who ordered": only with a direct link, below
  }
}

void reader::on_metric(size_t k, const element& e) {
  measure m;
  m.metric = e.metric;
  m.agg = natural_aggregate(model, e.metric);
  if (pending_agg == aggregate::avg || pending_agg == aggregate::min
      || pending_agg == aggregate::max)
    m.agg = pending_agg;
  pending_agg = aggregate::none;
  if (share) {
    m.form = measure_form::share_of_total;
    share_pos = items[k].begin;
  }
  r.measures.push_back(m);
  int index = static_cast<int>(r.measures.size()) - 1;
  if (next_is(k, cue_kind::compare)) {
    auto& c = *items[k + 1].c;
    items[k + 1].consumed = true;
    filter f;
    f.op = c.op;
    f.values = c.values;
    f.numeric = true;
    f.measure = index;
    r.filters.push_back(f);
  }
  if (in_group || order_next) {
    ordering o;
    o.measure = index;
    o.descending = true;
    r.order.push_back(o);
    in_group = false;
    order_next = false;
  }
}

} // namespace medha::sqlgen::detail
