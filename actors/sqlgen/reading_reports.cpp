// A table that references itself through a key named for the relation
// ("reports_to", "manager_id", "mentor_id"). Said with "report(s) to",
// people said before it are the ones reporting, people said after it the
// ones reported to: "who reports to Mona?" keeps the rows whose key points
// at Mona; "who does Bert report to?" keeps the row Bert's key points at.
// Said with the verb of the key's own noun ("mentors" for mentor_id), the
// key points from the one after the verb to the one before it: "who mentors
// Bert?" is the row Bert's key points at, "who does Ada mentor?" the rows
// whose key points at Ada. Read this way only when exactly one such key
// exists, so the direction is the only choice made; a relation said with no
// key to read it by is asked about, never dropped.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/lexicon_words.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// The self keys of `rows` whose words pass `named`.
template <typename Named>
std::vector<std::string> self_keys(const indexed_model& model, const std::string& rows, Named named) {
  std::vector<std::string> keys;
  for (auto& rel : model.relationships)
    if (rel.from_table == rows && rel.to_table == rows && rel.from_columns.size() == 1
        && named(split_words(rel.from_columns.front())))
      keys.push_back(rel.from_columns.front());
  return keys;
}

} // namespace

// The one table the values said name rows of; "" when none or several.
static std::string rows_named(const reading& r, const std::vector<std::pair<size_t, size_t>>& value_said) {
  std::string rows;
  for (auto& [fi, pos] : value_said)
    if (fi < r.filters.size())
      rows = rows.empty() || rows == r.filters[fi].column.table ? r.filters[fi].column.table : "?";
  return rows == "?" ? "" : rows;
}

bool reader::relate_through_self_key(size_t verb, size_t verb_end, const std::string& rows, const std::string& key,
                                     bool reporting) {
  std::vector<filter> before, after;
  std::vector<size_t> used;
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size() || std::find(used.begin(), used.end(), fi) != used.end())
      continue;
    used.push_back(fi);
    (pos < verb ? before : after).push_back(r.filters[fi]);
  }
  if (before.empty() == after.empty())
    return false; // both sides named, or neither: not this reading
  // The side whose key points at the answer: the one reporting, or the one
  // mentored.
  bool named_has_key = reporting ? !before.empty() : !after.empty();
  filter f;
  f.column = {rows, key};
  f.related_table = rows;
  f.op = named_has_key ? filter_op::referenced_by : filter_op::through_key;
  f.within = before.empty() ? after : before;
  for (auto fi : used)
    dropped_filters.push_back(fi);
  r.filters.push_back(f);
  if (r.measures.empty()) { // "who reports to …": the people themselves
    r.entity = rows;
    r.listing = true;
  }
  for (size_t k = verb; k < verb_end; ++k)
    taken[k] = true;
  return true;
}

void reader::read_reports() {
  auto rows = rows_named(r, value_said);
  // "report to", "reports to", "reporting to", "reported to"; "answers
  // to" says the same (not "the answer to").
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    bool answers = stem(tokens[i].text) == stem("answer") && (i == 0 || (tokens[i - 1].text != "the"
                                                                          && tokens[i - 1].text != "an"));
    if (tokens[i].quoted || (stem(tokens[i].text) != stem("report") && !answers) || tokens[i + 1].text != "to")
      continue;
    auto keys = rows.empty() ? std::vector<std::string>{} : self_keys(model, rows, [](const std::vector<std::string>& words) {
      return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w == "report" || w == "reports" || w == "manager" || w == "supervisor" || w == "boss";
      });
    });
    // (With nobody named, "the staff and their bosses they report to", it is not read here
    // either: asked, never dropped.)
    if (keys.size() != 1 || !relate_through_self_key(i, i + 2, rows, keys.front(), true))
      r.unresolved.push_back("whom \"" + tokens[i].text + " to\" points at");
    return;
  }
  if (rows.empty())
    return;
  // "who mentors Bert?", "who does Ada mentor?": the verb of a key's noun.
  for (size_t i = 1; i < tokens.size(); ++i) {
    if (tokens[i].quoted || is_stopword(tokens[i].text))
      continue;
    auto& w = tokens[i].text;
    bool auxiliary = tokens.size() > 1 && (tokens[1].text == "does" || tokens[1].text == "do" || tokens[1].text == "did");
    bool verb_form = (w.size() > 3 && w.back() == 's') || auxiliary;
    if (!verb_form || tokens[0].text != "who")
      continue;
    // ("manages" for manager_id: the verb of the agent noun.)
    auto keys = self_keys(model, rows, [&](const std::vector<std::string>& words) {
      if (words.size() != 2 || words[1] != "id")
        return false;
      auto verbs = lexicon_words::agent_verbs(words[0]);
      return stem(words[0]) == tokens[i].stem
             || std::any_of(verbs.begin(), verbs.end(), [&](const std::string& v) { return stem(v) == tokens[i].stem; });
    });
    if (keys.size() == 1 && relate_through_self_key(i, i + 1, rows, keys.front(), false))
      return;
  }
}

} // namespace medha::sqlgen::detail
