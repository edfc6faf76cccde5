// The walk over the question's items in order: each cue ("top", "by",
// "per", a comparison) and each linked phrase handed to its reader.
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
#include "actors/sqlgen/words.hpp"


namespace medha::sqlgen::detail {

void reader::on_cue(size_t k, item& it) {
  auto& c = *it.c;
  if (c.kind != cue_kind::group_by)
    in_group = false;
  // A negation is not reset here: it lasts until the next value.
  switch (c.kind) {
    case cue_kind::aggregate:
      if (c.text == "times") { // "how many times was it rented": the events counted
        count_verb_events("how many times");
        break;
      }
      total_count = c.agg == aggregate::count && tokens[c.begin].text == "total";
      if (c.agg == aggregate::avg)
        asked_average = true;
      if (pending_agg == aggregate::avg && c.agg == aggregate::count) {
        pending_agg = c.agg; // "average number of loans per member"
        average_count = true;
        break;
      }
      average_count = false;
      if (pending_agg != aggregate::none)
        r.unresolved.push_back(to_string(pending_agg));
      pending_agg = c.agg;
      break;
    case cue_kind::distinct: distinct = true; break;
    case cue_kind::group_by:
      // "sort customers by name": the "by" of a sort names the sort key.
      if (sort_pending) {
        order_next = true;
        sort_pending = false;
      } else if (!agent_by(k)) {
        in_group = true;
        group_word = tokens[c.begin].text;
        group_end = c.end;
        // "how many parts does each of them make?", "how many are on
        // each?", "on each one?": one group per row of the last answer.
        auto at = [&](size_t i) { return i < tokens.size() ? tokens[i].text : std::string(); };
        auto them = at(c.end + 1);
        bool of_them = at(c.end) == "of" && (them == "them" || them == "those" || them == "these");
        bool elided = tokens[c.end - 1].text == "each"
                      && (c.end == tokens.size() || (c.end + 1 == tokens.size() && at(c.end) == "one"));
        // "how many of each were sold?": each of what the last answer showed.
        bool names_next = std::any_of(items.begin(), items.end(), [&](const item& o) {
          return !o.c && o.begin == c.end;
        });
        elided = elided || (tokens[c.end - 1].text == "each" && c.begin > 0 && at(c.begin - 1) == "of" && !names_next);
        r.each_elided = elided;
        if ((of_them || elided) && !context_tables.empty() && table_of(model, context_tables.back())) {
          dimension d;
          d.column = label_of(model, context_tables.back());
          add_dimension(d);
          entity_dimensions.push_back(context_tables.back());
          in_group = false;
          r.refers_back = true;
        }
      }
      break;
    case cue_kind::negation: negate = true; break;
    case cue_kind::order_by:
      asked_order = true;
      if (c.text == "bare") {
        sort_pending = true;
        sort_word = c.begin;
      }
      else
        order_next = true;
      break;
    case cue_kind::direction:
      r.has_direction = true;
      r.descending = c.descending;
      r.alphabetical = c.text == "alphabetical";
      break;
    case cue_kind::superlative:
      if (order_next) {
        // "sorted by the best average grade": a direction for the key
        // that follows, not a ranking cut to its first rows.
        r.has_direction = true;
        r.descending = c.descending;
        break;
      }
      if (superlative && superlative->descending != c.descending)
        both_extremes = true; // "the highest and lowest fees"
      superlative = c;
      // "rented the most times": ranked by how many of the verb's events
      // each has, as "the most rentals" would be.
      if (c.text == "times")
        count_verb_events("the most times");
      break;
    case cue_kind::top_n:
      top = c.count;
      top_desc = c.descending;
      top_which = c.text == "which";
      if (c.text == "price") {
        superlative = c; // ranked by price, like "the cheapest"
        superlative->kind = cue_kind::superlative;
      }
      break;
    case cue_kind::limit:
      r.limit = c.count;
      r.kept_order = c.text == "first" ? 1 : c.text == "last" ? -1 : 0;
      break;
    case cue_kind::versus: versus = true; break;
    case cue_kind::both: both = true; break;
    case cue_kind::also: r.also = true; break;
    case cue_kind::share:
      share = true;
      share_pos = c.begin;
      break;
    case cue_kind::listing:
      // A bare "who" asks for people only when nothing else is asked.
      if (c.text == "who")
        who = true;
      else {
        r.listing = true;
        // "list", "show all", "names of": rows asked for outright ("which"
        // may also ask which group the rows fall in).
        auto& w = tokens[c.begin].text;
        r.asked_list = r.asked_list || w == "list" || w == "show" || w == "names" || w == "name";
      }
      break;
    case cue_kind::chart: r.chart_hint = c.text; break;
    case cue_kind::match_mode:
      if (c.text == "ignore_case") {
        r.ignore_case = true;
        r.ignore_case_of = join(c.values, " ");
      }
      break;
    case cue_kind::show_rows: r.show_rows = true; break;
    case cue_kind::same_period: r.same_period = true; break;
    case cue_kind::period_before: r.period_before = c.text; break;
    case cue_kind::remove_filter:
      if (c.text == "time")
        r.remove_time = true;
      else if (!c.values.empty())
        r.remove_values.insert(r.remove_values.end(), c.values.begin(), c.values.end());
      else
        r.remove_filters = true;
      break;
    case cue_kind::instead:
      r.instead = true;
      skip_next = c.text == "of";
      break;
    case cue_kind::has:
      if (c.text == "who")
        who = true; // "who has the highest salary": people, not a number
      break;
    case cue_kind::compare:
    case cue_kind::contains:
    case cue_kind::missing:
    case cue_kind::missing_after:
      break; // applied by the phrase next to them
  }
}

void reader::walk() {
  for (size_t k = 0; k < items.size(); ++k) {
    auto& it = items[k];
    if (it.c) {
      if (!it.consumed)
        on_cue(k, it);
      continue;
    }
    if (skip_next) {
      skip_next = false;
      continue;
    }
    if (it.age) {
      on_age();
      continue;
    }
    switch (it.e.kind) {
      case element_kind::column:
        if (auto* rel = foreign_key(it.e.table, it.e.column); rel && !names_whole_key(it, *rel)) {
          bool verb = is_participle(tokens[it.begin].text);
          // "has no agent handled", "agents who have not signed any leases":
          // the verb of a table already had or lacked, or of the rows asked
          // about, only says which key relates them.
          if (verb
              && (rows_asked() == rel->to_table
                  || std::count(lacks.begin(), lacks.end(), rel->to_table)
                  || std::count(has.begin(), has.end(), rel->to_table))) {
            r.via.push_back({it.e.table, it.e.column});
            break;
          }
          // "incidents never handled", "handled by an agent": the key its
          // verb names is unset, or set.
          if (auto set = key_verb_existence(k, *rel)) {
            filter f;
            f.op = *set ? filter_op::not_null : filter_op::is_null;
            f.column = {it.e.table, it.e.column};
            r.filters.push_back(f);
            negate = false;
            break;
          }
          // "how many were delivered?", no rows named at all: the key says
          // how, not what is counted.
          if (verb && std::none_of(items.begin(), items.end(), [&](const item& o) {
                return !o.c && &o != &it && !o.e.table.empty() && o.e.table != rel->to_table;
              })) {
            r.via.push_back({it.e.table, it.e.column});
            break;
          }
          // "business category": the key's role word only says whose category.
          auto* n = next_item(k);
          if (n && !n->c && n->begin == it.end && n->e.table == it.e.table
              && (n->e.kind == element_kind::column || n->e.kind == element_kind::table))
            break;
          // "by departure airport": the airport, reached through that key.
          r.via.push_back({it.e.table, it.e.column});
          item target = it;
          target.e = {element_kind::table, rel->to_table, "", "", ""};
          on_table(k, target);
        } else {
          on_column(k, it.e);
        }
        break;
      case element_kind::table: {
        auto* n = next_item(k);
        auto* p = prev_item(k);
        auto adjacent_before = [&](const item* x) { return x && !x->c && x->end == it.begin; };
        auto adjacent_after = [&](const item* x) { return x && !x->c && x->begin == it.end; };
        // "product category": the first table only qualifies the second.
        // "business category" where category is a column of a linked table too.
        bool names_other = n && (n->e.kind == element_kind::table || n->e.kind == element_kind::column);
        // Not before a verb: "customers ordered", "customers bought" relate them.
        auto& next_word = n ? tokens[n->begin] : tokens[it.begin];
        // ("spent", "sold": irregular forms are their own stems; "speed" is no verb.)
        auto& w = next_word.text;
        bool irregular = w.size() < 2 || w.compare(w.size() - 2, 2, "ed") != 0;
        bool verb_next = n && n->end == n->begin + 1 && is_participle(w) && (w != next_word.stem || irregular);
        if (adjacent_after(n) && names_other && n->e.table != it.e.table && !verb_next) {
          auto path = shortest_path(model, it.e.table, n->e.table);
          if (path.found && path.steps.size() == 1)
            break;
        }
        // "the Jazz genre": the table only names the value's table.
        auto names_value = [&](const item* x) {
          if (x->e.kind != element_kind::value || x->e.table != it.e.table)
            return false;
          auto* t = table_of(model, it.e.table);
          auto* label = t ? label_column(*t) : nullptr;
          return label && label->name == x->e.column;
        };
        if ((adjacent_before(p) && names_value(p)) || (adjacent_after(n) && names_value(n)))
          break;
        // "client segment": the table only says whose column follows.
        bool filtered = next_is(k + 1, cue_kind::compare) || next_is(k + 1, cue_kind::contains)
                        || next_is(k + 1, cue_kind::missing_after);
        auto role = n && !n->c ? role_of(model, {n->e.table, n->e.column}) : column_role::text;
        bool event = role == column_role::time || role == column_role::boolean;
        // Not "albums released before 1990": a verb says what the rows did.
        if (n && !n->c && n->begin == it.end && n->e.kind == element_kind::column
            && n->e.table == it.e.table && !filtered && !event && !verb_next)
          break;
        on_table(k, it);
        break;
      }
      case element_kind::metric:
        on_metric(k, it.e);
        break;
      case element_kind::value: {
        in_group = false;
        // "which team fields the most juniors": the rows the value names,
        // counted for each of the rows asked about.
        auto* before = prev_item(k);
        if (before && before->c && before->c->kind == cue_kind::superlative && says_how_many(*before)
            && superlative && superlative->text.empty() && it.plural && r.measures.empty() && !r.entity.empty()
            && it.e.table != r.entity)
          r.measures.push_back(count_rows(it.e.table));
        // "orders never shipped" where 'shipped' is a stored state: the
        // rows asked about are not in it. Said of other rows ("members
        // who never delivered" with a state of their orders) it could be
        // no such row or rows in another state: not guessed.
        // ("haven't been inspected yet": "been", "yet" or "ever" may stand
        // between.)
        size_t gap = before ? before->end : 0;
        while (gap < it.begin && !tokens[gap].quoted
               && (tokens[gap].text == "been" || tokens[gap].text == "yet" || tokens[gap].text == "ever"))
          ++gap;
        if (before && before->c && before->c->kind == cue_kind::missing && gap == it.begin) {
          auto rows = rows_asked();
          if (!rows.empty() && rows != it.e.table) {
            r.unresolved.push_back("not");
            break;
          }
          items[k - 1].consumed = true;
          negate = true;
        }
        // A state the rows reach on a day they keep ('I' inspected beside
        // inspected_dt) is a stage: rows past it were inspected too, so
        // "not inspected" is the day not yet set, not every other code.
        if (negate && read_not_happened(k, {it.e.table, it.e.column}))
          break;
        auto filters_before = r.filters.size();
        add_value_filter(it.e, it.begin);
        if (r.filters.size() == filters_before + 1) // a condition of its own, not one more value of another
          filter_spans.push_back({r.filters.size() - 1, it.begin, it.end});
        negate = false;
        break;
      }
    }
  }
  apply_cues_left();
}

} // namespace medha::sqlgen::detail
