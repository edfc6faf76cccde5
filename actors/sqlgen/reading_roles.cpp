// A table referenced twice by the rows asked about, once per role: flights
// have a departure airport and an arrival airport. "From" and "to" before a
// value of the referenced table say which key it is reached through, when
// exactly one key's name carries that role ("departure", "origin", "source";
// "arrival", "destination", "target"). Each value then becomes a condition
// on its own key, so "from Lisbon to Porto" needs no choice between links.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

enum class side { none, from, to };

// The direction a preposition (or the verb before it) gives: "from",
// "leaving", "departing from" / "to", "into", "arriving in".
side side_of(const std::vector<token>& tokens, size_t value_begin) {
  size_t i = value_begin;
  // "from the Lisbon port": skip an article.
  while (i > 0 && !tokens[i - 1].quoted && (tokens[i - 1].text == "the" || tokens[i - 1].text == "a"))
    --i;
  if (i == 0 || tokens[i - 1].quoted)
    return side::none;
  auto& w = tokens[i - 1].text;
  auto before = i >= 2 && !tokens[i - 2].quoted ? tokens[i - 2].text : std::string();
  if (w == "from" || w == "leaving" || w == "departing" || w == "out")
    return side::from;
  if (w == "to" || w == "into" || w == "towards")
    return side::to;
  // "arriving in Porto", "landing at", "departing at".
  if (w == "in" || w == "at") {
    if (before == "arriving" || before == "arrive" || before == "arrives" || before == "arrived"
        || before == "landing" || before == "landed" || before == "lands")
      return side::to;
    if (before == "departing" || before == "depart" || before == "departs" || before == "departed")
      return side::from;
  }
  return side::none;
}

bool carries(const std::string& key, side s) {
  static const std::vector<std::string> from_words = {"departure", "departing", "origin", "source",
                                                      "from", "start", "src", "dep", "pickup", "sender"};
  static const std::vector<std::string> to_words = {"arrival", "arriving", "destination", "dest", "to",
                                                    "end", "target", "dst", "arr", "dropoff", "recipient"};
  auto& words = s == side::from ? from_words : to_words;
  auto parts = split_words(key);
  return std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
    return std::find(words.begin(), words.end(), p) != words.end();
  });
}

bool moves(const token& t) {
  static const std::vector<std::string> verbs = {
    "go", "goes", "went", "gone", "going", "fly", "flies", "flew", "flown", "flying", "travel",
    "travels", "traveled", "travelled", "travelling", "traveling", "come", "comes", "came", "coming",
    "head", "heads", "headed", "heading", "arrive", "arrives", "arrived", "arriving", "depart",
    "departs", "departed", "departing", "leave", "leaves", "leaving", "left", "run", "runs", "ran",
    "operate", "operates", "operated", "ship", "ships", "shipped", "sent", "send", "sends", "move",
    "moved", "moves"};
  return !t.quoted && std::find(verbs.begin(), verbs.end(), t.text) != verbs.end();
}

} // namespace

void reader::read_roles() {
  // The rows asked about; in a follow-up that names none, the last answer's.
  auto rows = !r.entity.empty()     ? r.entity
              : !r.measures.empty() ? r.measures.front().column.table
              : !context_tables.empty() ? context_tables.back()
                                        : std::string();
  if (rows.empty())
    return;
  size_t count = r.filters.size();
  for (size_t i = 0; i < count; ++i) {
    auto f = r.filters[i];
    if ((f.op != filter_op::eq && f.op != filter_op::in) || f.measure >= 0 || f.column.table == rows)
      continue;
    std::vector<std::string> keys;
    for (auto& rel : model.relationships)
      if (rel.from_table == rows && rel.to_table == f.column.table && rel.from_columns.size() == 1)
        keys.push_back(rel.from_columns.front());
    if (keys.size() < 2)
      continue;
    // One side per value said ("from Lisbon to Porto" merged into one list).
    std::vector<side> sides;
    for (auto& [fi, pos] : value_said)
      if (fi == i)
        sides.push_back(side_of(tokens, pos));
    if (sides.empty() || sides.size() != f.values.size()
        || std::any_of(sides.begin(), sides.end(), [](side s) { return s == side::none; }))
      continue;
    auto key_of = [&](side s) {
      std::vector<std::string> fit;
      for (auto& k : keys)
        if (carries(k, s))
          fit.push_back(k);
      return fit.size() == 1 ? fit.front() : std::string();
    };
    std::vector<filter> through;
    for (auto s : {side::from, side::to}) {
      filter said = f;
      said.values.clear();
      for (size_t v = 0; v < sides.size(); ++v)
        if (sides[v] == s)
          said.values.push_back(f.values[v]);
      if (said.values.empty())
        continue;
      auto key = key_of(s);
      if (key.empty()) {
        through.clear();
        break;
      }
      said.op = said.values.size() == 1 ? filter_op::eq : filter_op::in;
      filter g;
      g.op = filter_op::through_key;
      g.column = {rows, key};
      g.related_table = f.column.table;
      g.within = {said};
      through.push_back(std::move(g));
    }
    if (through.empty())
      continue;
    // "went from Lisbon", "sailing to Porto": the verb only says the rows move.
    for (auto& [fi, pos] : value_said) {
      if (fi != i)
        continue;
      size_t at = pos;
      while (at > 0 && (tokens[at - 1].text == "the" || tokens[at - 1].text == "a"))
        --at;
      if (at >= 2 && moves(tokens[at - 2])) {
        taken[at - 2] = true;
        // "ferries that arrive in Porto": the verb says where, in the
        // present of a timetable; it is not the status "Arrived".
        static const std::vector<std::string> present = {"arrive", "arrives", "depart", "departs", "leave",
                                                         "leaves", "land", "lands", "fly", "flies", "go", "goes"};
        if (std::find(present.begin(), present.end(), tokens[at - 2].text) != present.end())
          for (auto& [vf, vpos] : value_said)
            if (vpos == at - 2 && r.filters[vf].values.size() == 1)
              dropped_filters.push_back(vf);
      }
    }
    r.filters[i] = through.front();
    for (size_t t = 1; t < through.size(); ++t)
      r.filters.push_back(through[t]);
  }
}

} // namespace medha::sqlgen::detail
