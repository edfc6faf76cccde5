// What a question word asks for, and whether an answer shows it. "Which
// city's clients have the most deliveries?" asks for a city: a ranking of
// clients, however well it reads the rest, answers another question. The
// reader notes the thing named right after "which" or "what"; the engine
// answers only when the query shows it (asked_for.hpp).
#include "actors/sqlgen/asked_for.hpp"

#include <algorithm>

#include "actors/sqlgen/cancelled_rows.hpp"
#include "actors/sqlgen/clarify_replies.hpp"
#include "actors/sqlgen/compare_sides.hpp"
#include "actors/sqlgen/explain.hpp"
#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/kinds_asked.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/reader.hpp"

namespace medha::sqlgen {

bool asks_an_amount(const std::vector<token>& tokens) {
  auto word = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (word(i) == "how" && word(i + 1) == "much")
      return true;
  // "what did (or has) ... cost/come to/invoice": only in the past, where it is what
  // the money came to. In the present it asks a price ("what does a
  // repair cost?"); followed by "with" or "by" it asks how ("what did they
  // pay with?"); "take" is money only when we took it, and "make" never
  // (what a bakery made is loaves).
  size_t w = word(0) == "and" || word(0) == "so" ? 1 : 0;
  auto aux = word(w + 1); // "what did ... cost", "what has the van cost"
  if (word(w) != "what" || (aux != "did" && aux != "have" && aux != "has" && aux != "had"))
    return false;
  static const char* money_verbs[] = {"cost",    "invoice", "bill",   "charge",  "spend", "pay",    "earn",
                                      "come",    "bring",   "invoiced", "billed", "charged", "spent", "paid",
                                      "earned", "brought"};
  for (size_t i = w + 2; i < tokens.size(); ++i) {
    auto v = word(i);
    bool money = std::any_of(std::begin(money_verbs), std::end(money_verbs), [&](const char* m) { return v == m; })
                 || ((v == "take" || v == "taken") && word(w + 2) == "we");
    if (!money)
      continue;
    auto next = word(i + 1);
    return !(next == "with" || next == "by" || next == "using" || next == "via" || (v == "come" && next != "to")
             || ((v == "bring" || v == "brought") && next != "in"));
  }
  return false;
}

namespace detail {

void reader::note_what_is_asked_for() {
  // "how much in fines was paid?", "how much freight did we ship?": an
  // amount, never a list of rows. The one number named is added up, else
  // the one money column of the rows named; with none or several, asked.
  if (asks_an_amount(tokens) && r.measures.empty()) {
    std::vector<column_ref> amounts;
    for (auto& c : r.selected)
      if (role_of(model, c) == column_role::numeric)
        amounts.push_back(c);
    auto* t = r.entity.empty() ? nullptr : table_of(model, r.entity);
    if (amounts.empty() && r.selected.empty() && t)
      for (auto& c : t->columns)
        if (c.role == column_role::numeric && names_money(c.name))
          amounts.push_back({t->name, c.name});
    if (amounts.size() == 1 && r.dimensions.empty()) {
      measure m;
      m.agg = aggregate::sum;
      m.column = amounts.front();
      r.measures.push_back(m);
      r.selected.clear();
      r.entity.clear();
      r.listing = false;
      r.implicit_entity = false;
    } else if (r.measures.empty()) {
      r.unresolved.push_back("how much of what");
    }
  }
  // The question word opens the question, or follows a preposition
  // ("in which country ...", "clients in which city ...").
  auto is = [&](size_t i, std::initializer_list<const char*> words) {
    return i < tokens.size() && !tokens[i].quoted
           && std::any_of(words.begin(), words.end(), [&](const char* w) { return tokens[i].text == w; });
  };
  size_t w = 0;
  while (w < tokens.size()
         && !(is(w, {"which", "what"})
              && (w == 0 || is(w - 1, {"in", "for", "from", "at", "by", "with", "of", "to", "on"}))))
    ++w;
  // "the top 3 suppliers by spend": the rows named right after
  // the ranking's size are the ones ranked, and shown.
  if (w == tokens.size()) {
    for (auto& cue_item : items)
      if (cue_item.c && cue_item.c->kind == cue_kind::top_n)
        for (auto& it : items)
          if (!it.c && it.begin == cue_item.end && it.e.kind == element_kind::table) {
            r.asked_for = it.e;
            return;
          }
    return;
  }
  for (auto& it : items)
    if (!it.c && it.begin == w + 1
        && (it.e.kind == element_kind::column || it.e.kind == element_kind::table
            || it.e.kind == element_kind::value)) {
      r.asked_for = it.e;
      return;
    }
}

} // namespace detail

namespace {

// The table a column's key points to ("city" said of clients.city_id).
std::string target_of_key(const indexed_model& model, const column_ref& c) {
  for (auto& rel : model.relationships)
    if (rel.from_table == c.table && rel.from_columns.size() == 1 && rel.from_columns[0] == c.column)
      return rel.to_table;
  return "";
}

} // namespace

bool shows_asked_for(const indexed_model& model, const query& q, const element& asked) {
  std::vector<column_ref> shown;
  for (auto& d : q.dimensions)
    shown.push_back(d.column);
  for (auto& c : q.selected)
    shown.push_back(c);
  if (!q.entity.empty())
    shown.push_back({q.entity, ""});
  // A table is shown by its rows, a key to it, or the table it names by a
  // key of its own (a book_genre link table said for the genres it links).
  auto refers_to = [&](const std::string& from, const std::string& to) {
    return std::any_of(model.relationships.begin(), model.relationships.end(),
                       [&](const relationship& rel) { return rel.from_table == from && rel.to_table == to; });
  };
  // "which driver ..." where drivers are the staff whose job says so: the
  // rows of that table are what is asked for.
  if (asked.kind == element_kind::table || asked.kind == element_kind::value)
    return std::any_of(shown.begin(), shown.end(), [&](const column_ref& c) {
      return c.table == asked.table || refers_to(asked.table, c.table)
             || (!c.column.empty() && target_of_key(model, c) == asked.table);
    });
  column_ref column{asked.table, asked.column};
  auto key_to = target_of_key(model, column);
  return std::any_of(shown.begin(), shown.end(), [&](const column_ref& c) {
    if (c == column || (!key_to.empty() && c.table == key_to))
      return true;
    // The rows themselves, shown by the column that names them.
    auto* t = c.column.empty() ? table_of(model, c.table) : nullptr;
    auto* label = t ? label_column(*t) : nullptr;
    return c.table == column.table && label && label->name == column.column;
  });
}

bool names_someone(const indexed_model& model, const query& q) {
  if (q.kind == query_kind::listing && q.all_columns)
    return true;
  std::vector<column_ref> shown = q.selected;
  for (auto& d : q.dimensions)
    if (d.bucket == time_bucket::none)
      shown.push_back(d.column);
  // The rows listed name someone when they are people (a reference code
  // such as an order's names no one).
  if (q.kind == query_kind::listing && !q.entity.empty())
    if (auto* t = table_of(model, q.entity))
      if (auto* label = label_column(*t); label) {
        auto words = split_words(label->name);
        bool code = std::any_of(words.begin(), words.end(), [](const std::string& w) {
          return w == "ref" || w == "code" || w == "no" || w == "num" || w == "number" || w == "sku"
                 || w == "serial" || w == "tracking" || w == "reference";
        });
        if (!code)
          shown.push_back({q.entity, label->name});
      }
  return std::any_of(shown.begin(), shown.end(), [&](const column_ref& c) {
    auto* t = table_of(model, c.table);
    if (!t)
      return false;
    auto* label = label_column(*t);
    auto* family = family_name_column(*t);
    // A column of names (a film's "composer"), not of a few kinds (a "grade"), names someone too.
    auto column = std::find_if(t->columns.begin(), t->columns.end(),
                               [&](const column_info& x) { return x.name == c.column; });
    return (label && !label->primary_key && label->name == c.column) || (family && family->name == c.column)
           || (column != t->columns.end() && column->role == column_role::text);
  });
}

bool shows_a_date(const indexed_model& model, const query& q) {
  if (q.kind == query_kind::listing && q.all_columns)
    return true;
  auto dated = [&](const column_ref& c) { return !c.column.empty() && role_of(model, c) == column_role::time; };
  return std::any_of(q.selected.begin(), q.selected.end(), dated)
         || std::any_of(q.dimensions.begin(), q.dimensions.end(),
                        [&](const dimension& d) { return d.bucket != time_bucket::none || dated(d.column); })
         || std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
              return dated(m.column) || m.form == measure_form::days_since || m.form == measure_form::days_between
                     || m.form == measure_form::time_of_day;
            })
         || std::any_of(q.order.begin(), q.order.end(), [&](const ordering& o) { return dated(o.column); });
}

bool counts_each_row_once(const indexed_model& model, const query& q) {
  if (q.kind != query_kind::aggregate)
    return false;
  return std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
    if (m.agg != aggregate::count || !m.column.column.empty() || !m.metric.empty() || m.form != measure_form::plain)
      return false;
    auto* t = table_of(model, m.column.table);
    auto* key = t ? primary_key(*t) : nullptr;
    return key && std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
             return d.bucket == time_bucket::none && d.column == column_ref{t->name, key->name};
           });
  });
}

// The answer built, checked against what the question asked for; a
// question back when it would answer another question.
std::optional<sql_plan> ask_unless_answered_as_asked(const indexed_model& model, const reading& r, query& q,
                                                     bool follow_up, bool bare_which) {
  auto word = [&](size_t i) { return i < r.tokens.size() && !r.tokens[i].quoted ? r.tokens[i].text : std::string(); };
  // "which city's clients have the most deliveries?" answered with clients
  // answers another question than the one asked.
  // (A flag asked for as a noun, "which key accounts", is shown by the
  // rows it is set on.)
  bool flag_rows = r.asked_for && r.asked_for->kind == element_kind::column && q.entity == r.asked_for->table
                   && std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
                        return f.column == column_ref{r.asked_for->table, r.asked_for->column} && f.op == filter_op::eq
                               && f.values == std::vector<std::string>{"true"};
                      });
  if (!follow_up && !bare_which && r.asked_for && !flag_rows && !shows_asked_for(model, q, *r.asked_for))
    return clarify(understood_prefix(model, q) + "not how to show the "
                     + (r.asked_for->kind == element_kind::value ? r.asked_for->value
                        : column_words(r.asked_for->column.empty() ? r.asked_for->table : r.asked_for->column))
                     + " you asked for: could you say it another way?",
                   {}, to_json(q), 0.2);

  // "where do most of our members come from?" read as one number: the
  // place asked for is in no number.
  bool where_asked = word(0) == "where"
                     && (word(1) == "do" || word(1) == "does" || word(1) == "did" || word(1) == "are"
                         || word(1) == "is" || word(1) == "were" || word(1) == "was");
  if (where_asked && q.kind == query_kind::aggregate && q.dimensions.empty())
    return clarify(understood_prefix(model, q) + "not which place you asked for: could you say it another way?", {},
                   to_json(q), 0.2);
  // "which stall took the most?" read as one number: no stall is named in
  // it. A question that opens with "which" is answered with rows or
  // groups, never a bare total.
  if (word(0) == "which" && !bare_which && q.kind == query_kind::aggregate && q.dimensions.empty())
    return clarify(understood_prefix(model, q) + "not which one you asked for: could you say it another way?", {},
                   to_json(q), 0.2);
  // "who was the supplier?" answered with every supplier: "the" asks for
  // one, which nothing here picks out.
  bool the_one = ((word(0) == "who" || word(0) == "what" || word(0) == "which")
                  && (word(1) == "is" || word(1) == "was") && word(2) == "the" && r.tokens.size() <= 5)
                 || ((word(0) == "who" || word(0) == "what") && word(1) == "the" && r.tokens.size() <= 4);
  if (the_one && q.kind == query_kind::listing && q.filters.empty() && q.limit <= 0)
    return clarify(understood_prefix(model, q) + "not which one you mean: could you name it?", {}, to_json(q), 0.2);
  // "where did the enquiries come from?" answered with the enquiries'
  // own names: "where" asks a place or a source, which no row's name is.
  bool where = word(0) == "where" || (word(0) == "and" && word(1) == "where");
  bool names_only = std::all_of(q.selected.begin(), q.selected.end(), [&](const column_ref& c) {
    auto* t = table_of(model, c.table);
    auto* label = t ? label_column(*t) : nullptr;
    auto* key = t ? primary_key(*t) : nullptr;
    return (label && label->name == c.column) || (key && key->name == c.column);
  });
  if (where && q.kind == query_kind::listing && names_only && !q.all_columns)
    return clarify(understood_prefix(model, q) + "not which place you asked for: could you name it?", {},
                   to_json(q), 0.2);
  // "how much did the stalls take?" answered with how many rows there are:
  // an amount was asked, a count is no amount.
  if (asks_an_amount(r.tokens) && counts_rows(q) && q.measures.size() == 1)
    return clarify(understood_prefix(model, q) + "not which amount you asked for: could you name it?", {},
                   to_json(q), 0.2);
  // Sales over rows some of which were cancelled: whether those count is
  // not said (cancelled_rows.cpp).
  if (auto rows = cancelled_rows_unsaid(model, r, q); !rows.empty())
    return clarify(understood_prefix(model, q) + "not whether those of a cancelled " + rows
                     + " count: should they be left out or kept in?",
                   {}, to_json(q), 0.2);
  // "how many brews each year" read as the number of different days with a
  // brew: days counted only when days (or dates) are said.
  bool days_said = std::any_of(r.tokens.begin(), r.tokens.end(), [](const token& t) {
    return !t.quoted && (t.stem == "day" || t.stem == "date" || t.text == "distinct" || t.text == "different"
                         || t.text == "unique");
  });
  bool dates_counted = std::any_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
    return m.agg == aggregate::count_distinct && m.metric.empty() && !m.column.column.empty()
           && role_of(model, m.column) == column_role::time;
  });
  if (dates_counted && !days_said && q.measures.size() == 1)
    return clarify(understood_prefix(model, q) + "not what to count: could you name it?", {}, to_json(q), 0.2);
  // "set that against the other branch": a comparison shows both sides;
  // one number for one of them answers something else.
  bool compares = says_compare(r.tokens);
  // (A group pinned to one value by a condition is one side too.)
  bool sides = std::any_of(q.dimensions.begin(), q.dimensions.end(), [&](const dimension& d) {
    return d.bucket != time_bucket::none || std::none_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
             return f.column == d.column && f.op == filter_op::eq && f.values.size() == 1;
           });
  });
  if (compares && !sides && q.measures.size() <= 1)
    return clarify(understood_prefix(model, q) + "not what to set it against: which two should be shown side by side?",
                   {}, to_json(q), 0.2);
  // "the largest of them" cut to one row in the order of the rows' key or
  // name: neither says anything of size.
  bool sized = std::any_of(r.tokens.begin(), r.tokens.end(), [](const token& t) {
    return !t.quoted && (t.text == "biggest" || t.text == "largest" || t.text == "smallest" || t.text == "highest"
                         || t.text == "lowest" || t.text == "greatest");
  });
  bool by_size = std::any_of(q.order.begin(), q.order.end(), [&](const ordering& o) {
    return o.measure >= 0 || o.column.column.empty() || role_of(model, o.column) == column_role::numeric
           || role_of(model, o.column) == column_role::time;
  });
  if (sized && q.limit > 0 && !by_size)
    return clarify(understood_prefix(model, q) + "not what to rank them by: could you name it?", {}, to_json(q), 0.2);
  // "what kinds of fault were they?" answered with the faults' own
  // numbers; "how many card payments?" with the one row named Card
  // (kinds_asked.cpp).
  if (auto kind = ask_which_kind(model, r, q))
    return kind;
  // A total of calendar years ("built_yr") answers nothing anyone asks.
  for (auto& m : q.measures)
    if (m.agg == aggregate::sum && lexicon_words::counts_years(m.column.column))
      return clarify(understood_prefix(model, q) + "not what to do with the " + column_words(m.column.column)
                       + ": years are not added up. Could you say it another way?",
                     {}, to_json(q), 0.2);

  // "how many did Ann Lee do?" with no noun said: the rows counted would be
  // the people named themselves, one or two of them, never what she did.
  if (r.no_noun_counted && counts_rows(q) && q.dimensions.empty() && q.measures.size() == 1) {
    auto* t = table_of(model, q.measures[0].column.table);
    auto* given = t ? label_column(*t) : nullptr;
    auto* family = t ? family_name_column(*t) : nullptr;
    bool named_person = t && std::any_of(q.filters.begin(), q.filters.end(), [&](const filter& f) {
      return f.op == filter_op::eq && f.column.table == t->name
             && ((given && f.column.column == given->name) || (family && f.column.column == family->name));
    });
    if (named_person && is_table_of_people(*t))
      return clarify(understood_prefix(model, q) + "not what to count for them: could you name it?", {}, to_json(q),
                     0.2);
  }

  // "who is our treasurer?" answered with a count per role: whoever was
  // asked for is not in the answer. ("who signed up this year" after a count
  // narrows the rows counted.)
  // Nor is "who raised them?" answered by the rows listed again.
  bool asks_who_is = word(0) == "who"
                     && (!follow_up || word(1) == "is" || word(1) == "was" || word(1) == "are"
                         || word(1) == "were" || word(1) == "the" || q.kind == query_kind::listing); // ("who's the best")
  // Nor is "who runs each depot?" by a number per depot: the groups named
  // are not whoever was asked for.
  bool counted_per_group = q.kind == query_kind::aggregate && q.limit == 0 && !q.dimensions.empty();
  if (asks_who_is && (!names_someone(model, q) || counted_per_group))
    return clarify(understood_prefix(model, q) + "not whom to name: could you say it another way?", {},
                   to_json(q), 0.2);
  // "how did our members hear of us?" answered with the members: a list of
  // rows says nothing of how. ("how many", "how much", "how long" are read
  // as measures.)
  static const char* auxiliaries[] = {"do",    "does",  "did",    "is",    "are",  "was", "were",
                                      "can",   "could", "should", "would", "will", "has", "have"};
  bool asks_how = word(0) == "how" && std::any_of(std::begin(auxiliaries), std::end(auxiliaries),
                                                  [&](const char* a) { return word(1) == a; });
  if (asks_how && q.kind == query_kind::listing && q.selected.empty() && q.measures.empty()
      && q.dimensions.empty())
    return clarify(understood_prefix(model, q) + "not what you asked about them: which detail should I show?", {},
                   to_json(q), 0.2);
  // "which depot is busiest on average?" read as a ranking of depots by a
  // column of their own: the average said applies to nothing computed.
  if (r.aggregate_change != aggregate::none && r.aggregate_change != aggregate::count
      && std::none_of(q.measures.begin(), q.measures.end(), [&](const measure& m) {
           return m.agg == r.aggregate_change || !m.metric.empty();
         }))
    return clarify(understood_prefix(model, q) + "not what to take the "
                     + (r.aggregate_change == aggregate::avg   ? "average"
                        : r.aggregate_change == aggregate::sum ? "total"
                                                               : to_string(r.aggregate_change))
                     + " of: could you name it?",
                   {}, to_json(q), 0.2);
  // A count of rows grouped by each row's own key is 1 per group: never what
  // was asked (a sum for every group, after a count per colour).
  if (counts_each_row_once(model, q))
    return clarify(understood_prefix(model, q) + "not what to total for each group: could you name it?", {},
                   to_json(q), 0.2);

  // A ranking of one number ("which one is the biggest?" after a count):
  // there are no rows to rank; say so rather than echo the number.
  if (q.kind == query_kind::aggregate && q.dimensions.empty() && !q.order.empty() && q.limit > 0)
    return clarify("I understood " + understood_words(model, q)
                     + ", but that is one number: which rows should I rank, and by what?",
                   {}, to_json(q), 0.2);

  if (!complete(model, q))
    return clarify("I understood " + understood_words(model, q)
                     + ", but found no date column to apply the period to.",
                   suggestions(model), to_json(q), 0.2);
  return std::nullopt;
}

std::string money_of_other_rows(const indexed_model& model, const reading& r, const std::vector<std::string>& used) {
  auto& money = lexicon_words::money_taken_in_words();
  bool said = std::any_of(r.tokens.begin(), r.tokens.end(), [&](const token& t) {
    return !t.quoted && std::find(money.begin(), money.end(), t.text) != money.end();
  });
  if (!said)
    return {};
  for (auto& t : r.tables_said) {
    if (std::find(used.begin(), used.end(), t) != used.end())
      continue;
    bool next_to = std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
      auto other = rel.from_table == t ? rel.to_table : rel.to_table == t ? rel.from_table : std::string();
      return !other.empty() && std::find(used.begin(), used.end(), other) != used.end();
    });
    if (!next_to)
      return t;
  }
  return {};
}

} // namespace medha::sqlgen
