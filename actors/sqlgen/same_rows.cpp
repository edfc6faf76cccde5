// A new measure of the rows the last question was about, said without
// naming them: "and the sum paid?" right after "how many payments remain
// open?". Dropping the condition silently answers about all invoices;
// keeping it silently may be wrong as well. Asked, with both offered; the
// choices are questions the engine reads without asking again ("... of
// those" points back to the rows, "... for all invoices" says all).
#include "actors/sqlgen/same_rows.hpp"

#include <algorithm>

#include "actors/sqlgen/back_reference.hpp"
#include "actors/sqlgen/clarify_replies.hpp"
#include "actors/sqlgen/explain.hpp"
#include "actors/sqlgen/follow_up.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

std::optional<sql_plan> ask_which_ranked_row(const indexed_model& model, const query& previous,
                                             const reading& r, const query& fresh,
                                             const std::string& previous_json) {
  // "the biggest one" of a ranking from the smallest up is its last row.
  if (r.first_by_size && !previous.unanswered && !previous.order.empty() && !previous.order.front().descending)
    return clarify("I understood " + understood_words(model, fresh)
                     + ", but not which one you mean: the last answer ranked them from the smallest up. Could you name it?",
                   {}, previous_json, 0.2);
  if (!r.refers_to_shown || previous.unanswered || previous.limit <= 0 || previous.order.empty()
      || (fresh.limit > 0 && !fresh.order.empty()))
    return std::nullopt;
  return clarify("I understood " + understood_words(model, fresh)
                   + ", but not which one you mean: the last answer ranked them, and no condition names"
                     " the ones it showed. Could you name it?",
                 {}, previous_json, 0.2);
}

std::optional<sql_plan> ask_which_period_shown(const indexed_model& model, const query& previous, const reading& r,
                                               const query& fresh, const std::string& previous_json) {
  // "that month" after months were shown: one of them, which no period here holds.
  if (!r.same_period || std::none_of(previous.dimensions.begin(), previous.dimensions.end(), [](const dimension& d) {
        return d.bucket != time_bucket::none;
      }))
    return std::nullopt;
  return clarify(understood_prefix(model, fresh) + "not which of the periods shown you mean: please name it.", {},
                 previous_json, 0.2);
}

std::optional<sql_plan> ask_about_picked_rows(const indexed_model& model, const query& previous,
                                              const reading& r, const query& fresh,
                                              const std::string& previous_json) {
  bool ranked = previous.limit > 0 && std::any_of(previous.order.begin(), previous.order.end(),
                                                  [](const ordering& o) { return o.measure >= 0; });
  bool new_condition = std::any_of(fresh.filters.begin(), fresh.filters.end(), [&](const filter& f) {
    return f.measure < 0
           && std::none_of(previous.filters.begin(), previous.filters.end(), [&](const filter& g) {
                return g.column == f.column && g.op == f.op && g.values == f.values;
              });
  });
  if (!ranked || previous.unanswered || !r.refers_back || (!r.measures.empty() && !r.first_of_shown) || !new_condition
      || (fresh.limit != previous.limit && !r.first_of_shown))
    return std::nullopt;
  return clarify("I understood " + understood_words(model, fresh)
                   + ", but put into the ranking that condition would pick other rows than the ones shown."
                     " Could you ask about them by name?",
                 {}, previous_json, 0.2);
}

bool points_at_a_thing(const std::vector<token>& t, bool it_too) {
  // "that", "this" or "it" standing for a thing, not before a noun ("that
  // year"): at the end, or before a verb ("does that come from", "was that made of").
  static const char* verbs[] = {"is",   "was",   "were", "are",     "cost",  "costs", "mean",     "means",
                                "come", "comes", "came", "include", "make",  "makes", "take",     "takes",
                                "do",   "does",  "did",  "have",    "has",   "had",   "compare", "work"};
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].quoted || (t[i].text != "that" && t[i].text != "this" && (t[i].text != "it" || !it_too)))
      continue;
    bool verb_next = i + 1 < t.size() && !t[i + 1].quoted
                     && (is_participle(t[i + 1].text)
                         || std::any_of(std::begin(verbs), std::end(verbs), [&](const char* v) { return t[i + 1].text == v; }));
    if ((i + 1 == t.size() || verb_next) && !opens_a_clause(t, i))
      return true;
  }
  return false;
}

std::optional<sql_plan> ask_what_that_points_to(const indexed_model& model, const reading& r, const query& fresh) {
  // ("it" may stand for a thing the question itself named: "quote 12 —
  // when did we fit it?")
  if (!points_at_a_thing(r.tokens, false) && r.pointed_tables.empty())
    return std::nullopt;
  return clarify(understood_prefix(model, fresh) + "there is no answer before for \"that\" to point back to: could"
                                                   " you name it?",
                 {}, "", 0.2);
}

std::optional<sql_plan> ask_what_that_points_to(const indexed_model& model, const query& previous, const reading& r,
                                                const query& fresh, const std::string& previous_json) {
  if (!previous.unanswered && previous.filters.empty() && previous.dimensions.empty() && previous.limit <= 0)
    return std::nullopt;
  bool points = points_at_a_thing(r.tokens);
  if (!points)
    return std::nullopt;
  // After a question asked back, "that" has no answer to point at.
  if (previous.unanswered)
    return clarify(understood_prefix(model, fresh) + "the question before was not answered: what does \"that\" mean?",
                   {}, previous_json, 0.2);
  // Kept: a condition on a column the answer before had one on (its value
  // may have moved, "the year before"), the rows it showed, or its count
  // inside a share.
  bool kept_filter = std::any_of(fresh.filters.begin(), fresh.filters.end(), [&](const filter& f) {
    return f.op == filter_op::among_shown || std::any_of(previous.filters.begin(), previous.filters.end(), [&](const filter& g) {
             return f.column == g.column && f.related_table == g.related_table;
           });
  });
  kept_filter = kept_filter || std::any_of(fresh.measures.begin(), fresh.measures.end(), [](const measure& m) {
                  return m.form != measure_form::plain || !m.condition.empty();
                });
  bool kept_group = std::any_of(previous.dimensions.begin(), previous.dimensions.end(), [&](const dimension& d) {
    return std::any_of(fresh.dimensions.begin(), fresh.dimensions.end(),
                       [&](const dimension& e) { return e.column == d.column && e.bucket == d.bucket; });
  });
  bool kept_rank = previous.limit > 0 && fresh.limit == previous.limit;
  if (kept_filter || kept_group || kept_rank)
    return std::nullopt;
  return clarify(understood_prefix(model, fresh) + "not what \"that\" points back to: none of the answer before is in"
                                                   " it. Could you name it?",
                 {}, previous_json, 0.2);
}

// "that supplier", "this client": one row the conversation pointed at. An
// answer that keeps none of that table's conditions (at most that some such
// row exists) is about every one of them.
std::optional<sql_plan> ask_which_that_names(const indexed_model& model, const query& previous, const reading& r,
                                             const query& fresh, const std::string& previous_json) {
  // After a question asked back, "that customer" has no answer to point at.
  if (previous.unanswered && !r.pointed_tables.empty())
    return clarify(understood_prefix(model, fresh) + "the question before was not answered: which "
                     + entity_words(r.pointed_tables.front()) + " does \"that\" mean?",
                   {}, previous_json, 0.2);
  if (previous.unanswered)
    return std::nullopt;
  for (auto& table : r.pointed_tables) {
    bool pinned = std::any_of(fresh.filters.begin(), fresh.filters.end(), [&](const filter& g) {
      return (g.column.table == table && g.op != filter_op::has_related && g.op != filter_op::lacks_related)
             || g.op == filter_op::among_shown
             || (g.op == filter_op::has_related && g.related_table == table && !g.within.empty());
    });
    if (!pinned)
      return clarify(understood_prefix(model, fresh) + "not which " + entity_words(table)
                       + " \"that\" points back to: could you name it?",
                     {}, previous_json, 0.2);
  }
  return std::nullopt;
}

// "how many of them were express tasks?": "them" are the rows of the answer
// before; a count of other rows ("tasks") is of what the word after named.
std::optional<sql_plan> ask_what_of_them_counts(const indexed_model& model, const query& previous, const reading& r,
                                                const query& fresh, const std::string& previous_json) {
  auto& t = r.tokens;
  auto said = [&](size_t i) { return i < t.size() && !t[i].quoted ? t[i].text : std::string(); };
  bool of_them = false;
  for (size_t i = 0; i + 3 < t.size() && !of_them; ++i)
    of_them = said(i) == "how" && said(i + 1) == "many" && said(i + 2) == "of"
              && (said(i + 3) == "them" || said(i + 3) == "those" || said(i + 3) == "these");
  if (!of_them || previous.unanswered || !counts_rows(fresh))
    return std::nullopt;
  // (The rows shown, or the ones the answer before counted: "which shop
  // has the most items?" — "how many of them are on sale?")
  auto rows = context_tables(model, previous);
  rows.push_back(root_table(model, previous));
  for (auto& m : previous.measures)
    rows.push_back(m.column.table);
  auto& counted = fresh.measures[0].column.table;
  if (std::find(rows.begin(), rows.end(), counted) != rows.end())
    return std::nullopt;
  return clarify(understood_prefix(model, fresh) + "not what is counted: \"them\" are not the "
                   + entity_words(counted) + ". Could you say it another way?",
                 {}, previous_json, 0.2);
}

// "Just the corner shops" after a count per town: "just" narrows the
// rows of the answer before. A new kind of answer with no new condition
// narrows nothing: the words were not read as the rows they pick out.
std::optional<sql_plan> ask_what_only_keeps(const indexed_model& model, const query& previous, const reading& r,
                                            const query& fresh, const std::string& previous_json) {
  auto& t = r.tokens;
  size_t first = !t.empty() && !t[0].quoted && (t[0].text == "and" || t[0].text == "but") ? 1 : 0;
  bool narrowing = first < t.size() && !t[first].quoted && (t[first].text == "just" || t[first].text == "only");
  if (!narrowing || previous.unanswered || fresh.kind == previous.kind || fresh.limit != previous.limit)
    return std::nullopt;
  bool new_condition = std::any_of(fresh.filters.begin(), fresh.filters.end(), [&](const filter& f) {
    return std::none_of(previous.filters.begin(), previous.filters.end(), [&](const filter& g) {
      return g.column == f.column && g.op == f.op && g.values == f.values && g.related_table == f.related_table;
    });
  });
  if (new_condition)
    return std::nullopt;
  return clarify(understood_prefix(model, fresh) + "not which of the rows before your words pick out: could you say"
                                                   " it another way?",
                 {}, previous_json, 0.2);
}

std::optional<sql_plan> ask_which_person(const indexed_model& model, const query& previous, const reading& r,
                                         const query& fresh, const std::string& previous_json) {
  bool reached = std::any_of(previous.filters.begin(), previous.filters.end(),
                             [](const filter& f) { return f.op == filter_op::referenced_by; });
  if (!r.refers_to_person || !reached || previous.unanswered)
    return std::nullopt;
  return clarify("I understood " + understood_words(model, fresh)
                   + ", but not who you mean: the person you named, or the one the last answer showed?"
                     " Could you name them?",
                 {}, previous_json, 0.2);
}

bool says_all_rows(const indexed_model& model, const reading& r, const query& previous) {
  auto rows = root_table(model, previous);
  auto head = split_words(entity_words(rows));
  if (head.empty())
    return false;
  for (size_t i = 0; i + 1 < r.tokens.size(); ++i)
    if ((r.tokens[i].text == "all" || r.tokens[i].text == "every") && !r.tokens[i + 1].quoted
        && r.tokens[i + 1].stem == stem(head.back()))
      return true;
  return false;
}

std::optional<sql_plan> ask_whether_conditions_hold(const indexed_model& model, const query& previous,
                                                    const reading& r, const query& fresh,
                                                    const std::string& question) {
  auto rows = root_table(model, fresh);
  // So is "who has the highest rate?" after some people were listed: the
  // top of those, or of everyone?
  bool ranked_rows = fresh.kind == query_kind::listing && !fresh.order.empty() && fresh.limit > 0;
  // Rows named by a column of theirs ("the highest session fee") are not
  // named outright.
  bool rows_said = !r.entity.empty() && !r.implicit_entity
                   && std::find(r.tables_said.begin(), r.tables_said.end(), r.entity) != r.tables_said.end();
  if ((fresh.kind != query_kind::aggregate && !ranked_rows) || !fresh.filters.empty() || !fresh.dimensions.empty()
      || rows_said || r.refers_back || r.same_period || rows.empty()
      || rows != root_table(model, previous))
    return std::nullopt;
  bool conditions = std::any_of(previous.filters.begin(), previous.filters.end(), [](const filter& f) {
    return f.measure < 0 && f.op != filter_op::rule && !is_time_filter(f);
  });
  if (!conditions)
    return std::nullopt;
  // Said outright: "all", "every", "overall", or the rows' own name (in
  // any of its words: "instructors" for instr).
  if (std::find(r.tables_said.begin(), r.tables_said.end(), rows) != r.tables_said.end())
    return std::nullopt;
  auto head = split_words(entity_words(rows));
  for (auto& t : r.tokens) {
    if (t.quoted)
      continue;
    if (t.text == "all" || t.text == "every" || t.text == "overall" || t.text == "altogether" || t.text == "ever")
      return std::nullopt;
    if (!head.empty() && t.stem == stem(head.back()))
      return std::nullopt;
  }
  auto kept = about_previous_rows(previous, fresh);
  if (!kept)
    return std::nullopt;
  auto all = "all " + column_words(rows);
  auto asked = clarify("I understood " + understood_words(model, fresh)
                         + ". Your previous question was about some " + column_words(rows)
                         + ": the same ones, or " + all + "?",
                       {{"The same ones: " + explain(model, *kept), question + " of those"},
                        {"All of them: " + explain(model, fresh), question + " for " + all}},
                       to_json(fresh), 0.3);
  asked.ambiguous = true;
  return asked;
}

} // namespace medha::sqlgen
