// A value said of the rows named next to it must be theirs, or reach them
// the way a detail reaches what it describes. "complaints that remain open"
// where only payments have an 'open' state joins the complaints to their
// client and the client to its payments: a reading of "complaints of clients
// with an open payment" that nobody said. A path that goes up to a shared
// parent and back down to its other children relates siblings; the value
// then describes the sibling, so it is asked about instead.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// Whether a step follows a key from the rows that hold it to their parent.
bool goes_up(const indexed_model& model, const join_step& s) {
  return std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
    return r.from_table == s.from_table && r.to_table == s.to_table;
  });
}

// Whether the path, read from its start, goes up a key to a parent and
// later down to rows that reference a table (siblings or cousins).
bool joins_siblings(const indexed_model& model, const join_path& path) {
  bool went_up = false;
  for (auto& s : path.steps) {
    if (s.from_table == s.to_table)
      continue;
    bool up = goes_up(model, s);
    if (up)
      went_up = true;
    else if (went_up)
      return true;
  }
  return false;
}

// Whether the path's last step goes down to rows that reference the table
// before it, after going up: the end is a sibling of the start, not a
// lookup it reaches through a link table (film -> film_category -> category
// ends going up).
bool ends_at_sibling(const indexed_model& model, const join_path& path) {
  bool went_up = false, last_down = false;
  for (auto& s : path.steps) {
    if (s.from_table == s.to_table)
      continue;
    bool up = goes_up(model, s);
    last_down = !up && went_up;
    went_up = went_up || up;
  }
  return last_down;
}

} // namespace

// A verb as said: its participle ("completed in 2024"), or its plain form
// after its subject or auxiliary ("repairs did we fix in 2024").
bool said_as_verb(const std::vector<token>& tokens, size_t i) {
  static const char* before[] = {"did", "do", "does", "we", "they", "you", "i", "to"};
  return is_participle(tokens[i].text)
         || (i > 0 && !tokens[i - 1].quoted && std::any_of(std::begin(before), std::end(before), [&](const char* w) {
               return tokens[i - 1].text == w;
             }));
}

// "parcels sent in 2023" where parcels keep a sent_on and a status
// 'sent': the verb before the period names the date it falls in; read as
// the status as well, it would keep only the rows still in that state.
void reader::drop_value_the_period_names() {
  // ("cancellations by year": periods of that day too; the state stays a
  // condition, so rows never in it make no group of their own.)
  bool buckets_only = time.filters.empty() && time.bucket != time_bucket::none;
  if (time.filters.empty() && !buckets_only)
    return;
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size() || pos >= tokens.size()
        || std::find(dropped_filters.begin(), dropped_filters.end(), fi) != dropped_filters.end())
      continue;
    // The event named as a noun ("cancellations this year"): its root.
    bool verb = said_as_verb(tokens, pos);
    std::string noun_root;
    for (auto* suffix : {"ations", "ation", "ions", "ion"}) {
      auto& w = tokens[pos].text;
      std::string sx(suffix);
      if (!verb && noun_root.empty() && !tokens[pos].quoted && w.size() >= sx.size() + 4
          && w.compare(w.size() - sx.size(), sx.size(), sx) == 0)
        noun_root = w.substr(0, w.size() - sx.size());
    }
    if (!verb && noun_root.empty())
      continue;
    auto* t = table_of(model, r.filters[fi].column.table);
    if (!t)
      continue;
    // The date of that table whose name says the verb (sent_on).
    const column_info* date = nullptr;
    for (auto& c : t->columns) {
      if (!verb)
        break;
      if (c.role != column_role::time)
        continue;
      auto words = split_words(c.name);
      if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return stem(w) == tokens[pos].stem; }))
        date = date ? nullptr : &c;
    }
    // A state kept as a code (a status code whose description says
    // 'Suspended'): the rows holding the code keep the day of that event
    // (suspended_dt), not the table of codes.
    if (!date) {
      // Said after the rows ("hires suspended in May"), as what happened
      // to them; before them ("suspended hires taken out in 2023") it is
      // the state they are in.
      auto rows = rows_asked();
      bool after_rows = std::any_of(items.begin(), items.end(), [&](const item& it) {
        return !it.c && it.e.kind == element_kind::table && it.e.table == rows && it.end <= pos;
      });
      bool coded = after_rows && !rows.empty() && rows != t->name
                   && std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
                        return rel.from_table == rows && rel.to_table == t->name;
                      });
      // (A state of the rows' own named in a shorter form: `deacc_dt`. By
      // the name only: a description may tell of several events, "when it
      // was completed or cancelled".)
      // A noun of the event names the rows in that state itself.
      auto found = !noun_root.empty() && (rows.empty() || rows == t->name) ? event_date_of(t->name, noun_root, true)
                   : verb && (coded || (after_rows && rows == t->name)) ? event_date_of(rows, tokens[pos].stem, true)
                                                                        : std::nullopt;
      if (found) {
        t = table_of(model, found->table);
        date = t ? t->find_column(found->column) : nullptr;
      }
    }
    if (!date || (time_column_hint && !(time_column_hint->table == t->name && time_column_hint->column == date->name)))
      continue;
    if (!buckets_only)
      dropped_filters.push_back(fi);
    time_column_hint = column_ref{t->name, date->name};
  }
}

// "copies we received in 2025" where a restock order keeps the day it was
// raised and the day it came in: the verb, a word with no element of its
// own, says which date the period is on. Looked for on the rows asked
// about and the rows they belong to; only one such date settles it.
void reader::date_the_verb_names() {
  if (time_column_hint || (time.filters.empty() && time.bucket == time_bucket::none))
    return;
  std::vector<std::string> tables;
  auto add = [&](const std::string& t) {
    if (!t.empty() && std::find(tables.begin(), tables.end(), t) == tables.end())
      tables.push_back(t);
  };
  add(r.entity);
  for (auto& m : r.measures)
    if (m.metric.empty())
      add(m.column.table);
  for (size_t n = tables.size(), i = 0; i < n; ++i)
    for (auto& rel : model.relationships)
      if (rel.from_table == tables[i])
        add(rel.to_table);
  std::optional<column_ref> found;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].quoted || taken[i] || !is_stopword(tokens[i].text) || !said_as_verb(tokens, i))
      continue;
    for (auto& t : tables) {
      auto date = event_date_of(t, tokens[i].stem);
      if (!date)
        continue;
      if (found && *found != *date)
        return; // two dates named: none chosen here
      found = date;
    }
  }
  if (found)
    time_column_hint = found;
}

// "suspended hires per year they were suspended in": a breakdown by
// period, the state said again as what happened to the rows ("were
// suspended"), and a day of the rows named for it (suspended_on). The
// periods are of that day; the state stays a condition, so rows never in it
// make no group of their own.
void reader::date_a_state_names() {
  if (time_column_hint || time.bucket == time_bucket::none || !time.filters.empty())
    return;
  auto rows = rows_asked();
  if (rows.empty())
    return;
  std::optional<column_ref> found;
  for (size_t i = 1; i < tokens.size(); ++i) {
    auto& before = tokens[i - 1];
    if (tokens[i].quoted || before.quoted || !is_participle(tokens[i].text)
        || (before.text != "were" && before.text != "was" && before.text != "been"))
      continue;
    auto date = event_date_of(rows, tokens[i].stem);
    if (!date)
      continue;
    if (found && *found != *date)
      return;
    found = date;
  }
  if (found)
    time_column_hint = found;
}

// "requests Felix rejected" where each request keeps the employee who asked
// and the one who approved: which of the two links is meant is not said.
void reader::check_two_links_to_named() {
  auto rows = rows_asked();
  if (rows.empty() || !r.via.empty())
    return;
  for (size_t i = 0; i < r.filters.size(); ++i) {
    auto& f = r.filters[i];
    if (f.measure >= 0 || f.column.table.empty() || f.column.table == rows || !f.related_table.empty()
        || (f.op != filter_op::eq && f.op != filter_op::in)
        || std::find(dropped_filters.begin(), dropped_filters.end(), i) != dropped_filters.end())
      continue;
    auto links = std::count_if(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
      return rel.from_table == rows && rel.to_table == f.column.table;
    });
    if (links >= 2) {
      r.unresolved.push_back("which link from the " + column_words(rows) + " to the " + column_words(f.column.table)
                             + " is meant");
      return;
    }
  }
}

void reader::check_values_said_of() {
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size()
        || std::find(dropped_filters.begin(), dropped_filters.end(), fi) != dropped_filters.end())
      continue;
    auto& f = r.filters[fi];
    if (f.measure >= 0 || f.column.table.empty() || (f.op != filter_op::eq && f.op != filter_op::in))
      continue;
    // The rows it is said of: the table named right after it ("open
    // tickets"), else the last one named before it ("tickets still open").
    const item* after = nullptr;
    const item* before = nullptr;
    for (auto& it : items) {
      if (it.c || it.e.kind != element_kind::table)
        continue;
      if (it.end <= pos)
        before = &it;
      else if (!after && it.begin > pos && it.begin <= pos + 1)
        after = &it;
    }
    // What the rows are, said after a copula ("jobs that were road"), is a
    // value of theirs or of a row they belong to. Found only on what the
    // rows below them name (a part fitted in the job), it describes that.
    bool copula = pos > 0 && !tokens[pos - 1].quoted
                  && (tokens[pos - 1].text == "were" || tokens[pos - 1].text == "was"
                      || tokens[pos - 1].text == "are" || tokens[pos - 1].text == "is");
    // ("of those": the rows of the answer before, any of its tables.)
    std::vector<std::string> subjects{rows_asked()};
    if (subjects.front().empty())
      subjects = context_tables;
    // A name said after "is" is whom the question is about ("what plan is
    // Ana on"), not what the rows are: only kinds (categories) count; and a
    // table of key pairs below the rows (a film's categories) only links
    // them to what they are.
    auto only_keys = [&](const std::string& table) {
      auto* t = table_of(model, table);
      return t && std::all_of(t->columns.begin(), t->columns.end(), [](const column_info& c) {
               return c.role == column_role::identifier || c.role == column_role::time;
             });
    };
    auto below = [&](const std::string& subject) {
      if (subject.empty() || subject == f.column.table || role_of(model, f.column) != column_role::categorical)
        return false;
      auto path = shortest_path(model, subject, f.column.table);
      auto first = std::find_if(path.steps.begin(), path.steps.end(),
                                [](const join_step& st) { return st.from_table != st.to_table; });
      if (!path.found || first == path.steps.end() || goes_up(model, *first) || only_keys(first->to_table))
        return false;
      // Down to rows below, then up to what those rows name (the part a
      // job's line fitted). A value of the rows below themselves may be
      // said of them ("of them": the tasks a ranking counted).
      return std::any_of(first + 1, path.steps.end(), [&](const join_step& st) {
        return st.from_table != st.to_table && goes_up(model, st);
      });
    };
    if (copula && !subjects.empty() && std::all_of(subjects.begin(), subjects.end(), below)) {
      r.unresolved.push_back("\"" + (f.values.empty() ? std::string() : f.values.front()) + "\" to the "
                             + entity_words(subjects.back()) + " (it is a " + column_words(f.column.column) + " of "
                             + entity_words(f.column.table) + ")");
      continue;
    }
    auto* said_of = after ? after : before;
    if (!said_of || said_of->e.table == f.column.table)
      continue;
    auto value = f.values.empty() ? std::string() : f.values.front();
    auto path = shortest_path(model, said_of->e.table, f.column.table);
    if (path.found && joins_siblings(model, path)) {
      r.unresolved.push_back("\"" + value + "\" to the " + entity_words(said_of->e.table) + " (it is a "
                             + column_words(f.column.column) + " of " + entity_words(f.column.table) + ")");
      continue;
    }
    // Said of a parent of the rows asked about ("lessons the instructors
    // cancelled") but found only on another child of that parent, which no
    // word names: it would keep the rows whose parent has such a sibling.
    // A state, that is: a name ("the state where Lake Erie is") picks out
    // one row, which may well be reached that way.
    auto* value_table = table_of(model, f.column.table);
    auto* value_column = value_table ? value_table->find_column(f.column.column) : nullptr;
    if (!value_column || value_column == label_column(*value_table)
        || std::find(value_column->values.begin(), value_column->values.end(), value) == value_column->values.end())
      continue;
    auto rows = rows_asked();
    bool value_rows_named = std::any_of(items.begin(), items.end(), [&](const item& it) {
      return !it.c && it.e.kind == element_kind::table && it.e.table == f.column.table;
    });
    if (rows.empty() || rows == f.column.table || value_rows_named)
      continue;
    auto from_rows = shortest_path(model, rows, f.column.table);
    if (!from_rows.found || !ends_at_sibling(model, from_rows))
      continue;
    r.unresolved.push_back("\"" + value + "\" to the " + entity_words(rows) + " (it is a "
                           + column_words(f.column.column) + " of " + entity_words(f.column.table) + ")");
  }
}

} // namespace medha::sqlgen::detail

namespace medha::sqlgen::detail {

// "Firings that remain open" where each firing keeps a status of its own
// and 'open' is a state of its batches: read through the batches, it keeps
// firings with any open batch, which is not what the firings' own state
// says. The rows' own state column makes the question about it; asked,
// unless the question names the other rows.
void reader::check_state_of_other_rows() {
  auto rows = rows_asked();
  auto* own = rows.empty() ? nullptr : table_of(model, rows);
  if (!own)
    return;
  auto names_state = [](const std::string& column) {
    auto words = split_words(column);
    return std::any_of(words.begin(), words.end(),
                       [](const std::string& w) { return w == "status" || w == "state" || w == "stage"; });
  };
  if (std::none_of(own->columns.begin(), own->columns.end(), [&](const column_info& c) { return names_state(c.name); }))
    return;
  for (size_t i = 0; i < r.filters.size(); ++i) {
    auto& f = r.filters[i];
    if (f.measure >= 0 || (f.op != filter_op::eq && f.op != filter_op::in) || f.column.table == rows
        || !names_state(f.column.column)
        || std::find(dropped_filters.begin(), dropped_filters.end(), i) != dropped_filters.end())
      continue;
    bool child = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
      return rel.from_table == f.column.table && rel.to_table == rows;
    });
    bool said = std::any_of(items.begin(), items.end(), [&](const item& it) {
      return !it.c && it.e.kind == element_kind::table && it.e.table == f.column.table;
    });
    if (child && !said) {
      r.unresolved.push_back("whether the " + column_words(rows) + "' own state is meant, or their "
                             + column_words(f.column.table) + "'");
      return;
    }
  }
}

} // namespace medha::sqlgen::detail
