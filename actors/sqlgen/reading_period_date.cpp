// "How many pots did we sell last year?" where pots keep only the day each
// was added to the range (`launched_on`): the period would fall on the
// date of another event than the one the verb names. When no date of the
// rows says the verb (date_the_verb_names found none), the rows' default
// date is still fair if its name tells of no event (`order_date`,
// `created_at`); named for a different one (`start_dt` for rows said to
// be cancelled), it is asked about, not used.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// Verbs that say only that rows exist or are asked for, not which event,
// and the subjects an auxiliary puts before the verb.
bool light_verb(const std::string& w) {
  static const char* words[] = {"do",    "did",  "does",  "done", "doing", "have",  "has",   "had",  "be",
                                "been",  "is",   "are",   "was",  "were",  "get",   "got",   "gotten", "make",
                                "made",  "take", "took",  "taken", "want", "like",  "know",  "see",  "show",
                                "give",  "given", "tell", "find", "list",  "let",   "go",    "went", "gone",
                                "come",  "came", "hold",  "own",  "happen", "happened", "occur", "occurred",
                                "exist", "recorded", "stored", "listed", "specified", "provided", "entered",
                                "included", "belong", "belonged",
                                // the row coming into being, from either side:
                                // payments "received", orders "placed", invoices "raised"
                                "receive", "received", "place", "placed", "raise", "raised", "issue", "issued",
                                // the subject after "did": "did we sell", "did the shop take"
                                "we", "they", "you", "i", "he", "she", "it", "us", "them", "the", "a", "an",
                                "this", "that", "these", "those", "our", "your", "their", "his", "her", "its",
                                "any", "some", "each", "every", "all"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* v) { return w == v; });
}

// Dates every row gets when it is written down, whatever it records.
bool bookkeeping(const std::string& w) {
  static const char* words[] = {"created", "updated", "modified", "added",    "recorded", "entered",
                                "inserted", "loaded", "logged",   "imported", "captured", "changed"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* v) { return w == v; });
}

// The event a date column is named for ("launched" of `launched_on`,
// "start" of `start_dt`), or "".
std::string event_of(const std::string& column) {
  static const char* bounds[] = {"start", "end", "due", "expiry", "expires", "renewal", "finish", "begin"};
  // (Six letters at least: "sched" of sched_dt is short for scheduled.)
  for (auto& w : split_words(column))
    if ((w.size() >= 6 && is_participle(w) && !bookkeeping(w))
        || std::any_of(std::begin(bounds), std::end(bounds), [&](const char* b) { return w == b; }))
      return w;
  return {};
}

// Whether two forms are of one verb: stems meet, or an irregular past meets
// its verb ("sold" of `sold_on` and "sell" in "did we sell").
bool same_verb(const std::string& a, const std::string& b) {
  static const std::pair<const char*, const char*> forms[] = {
    {"sold", "sell"}, {"sent", "send"},   {"paid", "pay"},   {"spent", "spend"}, {"held", "hold"},
    {"kept", "keep"}, {"left", "leave"},  {"lost", "lose"},  {"brought", "bring"}, {"built", "build"}};
  auto base = [&](const std::string& w) {
    for (auto& [form, verb] : forms)
      if (w == form)
        return stem(verb);
    return stem(w);
  };
  return base(a) == base(b);
}

} // namespace

void reader::check_period_date() {
  if (time_column_hint || time.filters.empty())
    return;
  auto rows = rows_asked();
  if (rows.empty())
    return;
  auto date = default_time_column(model, rows);
  if (date.empty())
    return;
  auto event = event_of(date.column);
  if (event.empty())
    return;
  // A state is said of the period only against the day the rows began
  // ("contracts cancelled in 2024" are not those started then); a date of
  // the event itself (a delivery's day) is when it failed or succeeded.
  bool began = event == "start" || event == "begin" || event == "opened" || event == "started";
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    // A verb no phrase took, or a state said as its participle ("contracts
    // cancelled in 2024" read as the status 'cancelled').
    bool verb = !taken[i] && is_stopword(t.text);
    // Only said of the period ("cancelled in 2024"), not of the rows
    // ("the cancelled orders in 2024").
    bool at_period = (i + 1 < tokens.size() && in_period[i + 1])
                     || (i + 2 < tokens.size() && is_stopword(tokens[i + 1].text) && in_period[i + 2]);
    bool state = began && at_period && is_participle(t.text) && std::any_of(items.begin(), items.end(), [&](const item& it) {
                   return !it.c && it.begin == i && it.end == i + 1 && it.e.kind == element_kind::value;
                 });
    if (t.quoted || !(verb || state) || light_verb(t.text) || !said_as_verb(tokens, i))
      continue;
    if (same_verb(t.text, event))
      continue;
    r.unresolved.push_back("which date of the " + column_words(rows) + " the period is on: \"" + t.text
                           + "\" is not what " + column_words(date.column) + " records");
    return;
  }
}

// "staff who have left", "how many left us in 2024": people gone, read by
// the lexicon as the rows whose leaving day is set (lexicon_values.cpp).
// Said of rows that keep no leaving day of their own ("contacts who have
// left their company"), it is not another table's leavers; and a period
// said of leaving is on the day they left.
void reader::check_leavers() {
  for (auto& it : items) {
    if (it.c || it.e.kind != element_kind::value || it.e.value != set_state)
      continue;
    bool other_rows = false, own_rows = false;
    for (auto& named : items)
      if (!named.c && named.e.kind == element_kind::table) {
        own_rows = own_rows || named.e.table == it.e.table;
        other_rows = other_rows || named.e.table != it.e.table;
      }
    if (other_rows && !own_rows) {
      r.unresolved.push_back("who has left: only the " + column_words(it.e.table) + " keep a leaving day");
      return;
    }
    if (time_column_hint || time.filters.empty())
      return;
    // "joined in 2024 and have since left": two events, and the period is
    // on one of them; asked.
    auto* t = table_of(model, it.e.table);
    bool other_event = false;
    for (size_t i = 0; t && i < tokens.size(); ++i)
      if ((i < it.begin || i >= it.end) && !tokens[i].quoted && is_participle(tokens[i].text))
        for (auto& c : t->columns)
          other_event = other_event
                        || (c.role == column_role::time && c.name != it.e.column && !event_of(c.name).empty()
                            && same_verb(tokens[i].text, event_of(c.name)));
    if (other_event) {
      r.unresolved.push_back("which date the period is on: leaving, or another of the " + column_words(it.e.table)
                             + "'s");
      return;
    }
    time_column_hint = column_ref{it.e.table, it.e.column};
    return;
  }
}

} // namespace medha::sqlgen::detail
