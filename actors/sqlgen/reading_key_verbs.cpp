// A key named for the one who does something to the rows: "supervisor_id",
// "account_manager_id", "approver_id". "Doctors supervised by Ada" are the
// doctors whose supervisor key points at Ada, not Ada herself; "accounts
// managed by Ben" go through the manager key even when another key links
// accounts to the same people. The verb and the key's name share their root
// (supervis-ed / supervis-or), which is what makes the link provable; read
// only when exactly one key of the rows to the named table has that root.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <cctype>

#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// "supervis" names "supervisor", "manag" names "manager", "assign" names
// "assignee": the word is the root and a short agent ending.
bool names_doer(const std::string& root, const std::string& word) {
  return root.size() >= 4 && word.size() >= root.size() && word.size() <= root.size() + 3
         && word.compare(0, root.size(), root) == 0;
}

} // namespace

void reader::read_key_verbs() {
  for (size_t p = 1; p + 2 < tokens.size(); ++p) {
    auto& verb = tokens[p];
    if (verb.quoted || tokens[p + 1].text != "by" || !is_participle(verb.text))
      continue;
    // The rows named by the values after "by": one table.
    std::string named;
    std::vector<size_t> used;
    for (auto& [fi, pos] : value_said) {
      if (pos <= p + 1 || fi >= r.filters.size()
          || std::find(dropped_filters.begin(), dropped_filters.end(), fi) != dropped_filters.end())
        continue;
      auto& t = r.filters[fi].column.table;
      if (!named.empty() && named != t)
        return;
      named = t;
      used.push_back(fi);
    }
    if (named.empty())
      return;
    // The rows the verb is said of: the table named just before it
    // ("bills of clients managed by Ada"), else the entity or the rows
    // counted; "which nurses are mentored by Ada" names both sides with
    // one table.
    std::string rows = rows_asked();
    for (auto& it : items)
      if (!it.c && it.e.kind == element_kind::table && it.end <= p && it.end + 3 >= p)
        rows = it.e.table;
    if (rows.empty())
      return;
    auto root = stem(verb.text);
    std::vector<std::string> keys;
    for (auto& rel : model.relationships) {
      if (rel.from_table != rows || rel.to_table != named || rel.from_columns.size() != 1)
        continue;
      auto words = split_words(rel.from_columns.front());
      if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return names_doer(root, w); }))
        keys.push_back(rel.from_columns.front());
    }
    if (keys.size() != 1)
      return;
    filter f;
    f.column = {rows, keys.front()};
    f.related_table = named;
    f.op = filter_op::through_key;
    for (auto fi : used) {
      f.within.push_back(r.filters[fi]);
      dropped_filters.push_back(fi);
    }
    r.filters.push_back(f);
    taken[p] = taken[p + 1] = true;
    return;
  }
}

// "accounts without an account manager" where some staff have the title
// 'Account Manager': the words name the accounts' key account_manager_id,
// whose presence is asked, not a job title of whoever it points at.
void reader::read_key_named_like_a_value() {
  std::string rows = rows_asked();
  if (rows.empty())
    return;
  auto stems_of = [](const std::string& text) {
    std::vector<std::string> out;
    for (auto& w : split_words(text))
      if (w != "id")
        out.push_back(stem(w));
    return out;
  };
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size()
        || std::find(dropped_filters.begin(), dropped_filters.end(), fi) != dropped_filters.end())
      continue;
    auto f = r.filters[fi];
    if (f.op != filter_op::eq || f.values.size() != 1 || f.column.table == rows)
      continue;
    auto text = f.values.front();
    for (auto& ch : text)
      ch = ch == ' ' || ch == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto said = stems_of(text);
    const relationship* key = nullptr;
    for (auto& rel : model.relationships)
      if (rel.from_table == rows && rel.to_table == f.column.table && rel.from_columns.size() == 1
          && stems_of(rel.from_columns.front()) == said)
        key = &rel;
    if (!key)
      continue;
    bool lacking = false, having = false;
    for (size_t i = 0; i < pos && i < tokens.size(); ++i) {
      static const char* lack[] = {"don't", "doesn't", "didn't", "haven't", "hasn't", "without", "no",
                                   "not", "never", "lack", "lacks", "lacking", "missing"};
      static const char* have[] = {"have", "has", "had", "with"};
      auto& w = tokens[i].text;
      lacking = lacking || std::any_of(std::begin(lack), std::end(lack), [&](const char* x) { return w == x; });
      having = having || std::any_of(std::begin(have), std::end(have), [&](const char* x) { return w == x; });
    }
    if (!lacking && !having)
      continue;
    filter k;
    k.column = {rows, key->from_columns.front()};
    k.op = lacking ? filter_op::is_null : filter_op::not_null;
    dropped_filters.push_back(fi);
    r.filters.push_back(k);
    // The negation said is this condition's: the people it points at are
    // not also lacked.
    lacks.erase(std::remove(lacks.begin(), lacks.end(), f.column.table), lacks.end());
  }
}

// "Who is Ana Berg's manager?", "Acme's account manager": a row named by
// its values, then the name of one of its keys: the row that key points at.
void reader::read_possessive_key() {
  for (size_t k = 0; k + 1 < items.size(); ++k) {
    auto& named = items[k];
    if (named.c || named.e.kind != element_kind::value)
      continue;
    // The key's name right after the row's values.
    const item* key = nullptr;
    for (auto& it : items)
      if (!it.c && it.begin == named.end && it.e.kind == element_kind::column && it.e.table == named.e.table)
        key = &it;
    if (!key)
      continue;
    const relationship* rel = nullptr;
    for (auto& x : model.relationships)
      if (x.from_table == key->e.table && x.from_columns.size() == 1 && x.from_columns[0] == key->e.column)
        rel = &x;
    if (!rel)
      return;
    std::vector<size_t> used;
    for (auto& [fi, pos] : value_said)
      if (fi < r.filters.size() && pos < key->begin && r.filters[fi].column.table == named.e.table
          && std::find(dropped_filters.begin(), dropped_filters.end(), fi) == dropped_filters.end())
        used.push_back(fi);
    if (used.empty() || !r.measures.empty())
      return;
    filter f;
    f.op = filter_op::referenced_by;
    f.column = {rel->to_table, rel->from_columns[0]};
    f.related_table = rel->from_table;
    for (auto fi : used) {
      f.within.push_back(r.filters[fi]);
      dropped_filters.push_back(fi);
    }
    r.filters.push_back(f);
    column_ref shown{key->e.table, key->e.column};
    r.selected.erase(std::remove(r.selected.begin(), r.selected.end(), shown), r.selected.end());
    r.entity = rel->to_table;
    r.listing = true;
    return;
  }
}

// "never checked (by an inspector)", "checked by someone from the crew": whether a
// key named by its verb ("handled_by") is said to be set (true) or unset
// (false); nothing when the verb is followed by whom to group or name.
// The words after it that say the key's table again are consumed.
std::optional<bool> reader::key_verb_existence(size_t k, const relationship& rel) {
  auto& it = items[k];
  auto at = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  bool by_in_item = it.end == it.begin + 2 && (at(it.begin + 1) == "by" || at(it.begin + 1) == "to");
  if (!is_participle(at(it.begin)) || !(it.end == it.begin + 1 || by_in_item))
    return std::nullopt;
  size_t next = k + 1;
  item* by = nullptr;
  if (!by_in_item && next < items.size() && items[next].c && items[next].c->kind == cue_kind::group_by
      && at(items[next].c->begin) == "by")
    by = &items[next++];
  item* whom = next < items.size() && !items[next].c && items[next].e.kind == element_kind::table
                   && items[next].e.table == rel.to_table
                 ? &items[next]
                 : nullptr;
  // Only "a", "an", "any", "some", "a member of" between: anyone of them.
  bool anyone = whom && (by || by_in_item);
  for (size_t i = by ? by->c->end : it.end; anyone && i < whom->begin; ++i) {
    static const char* any[] = {"a", "an", "any", "some", "one", "member", "members", "of", "someone", "anyone"};
    anyone = std::any_of(std::begin(any), std::end(any), [&](const char* w) { return at(i) == w; });
  }
  size_t after = by ? by->c->end : it.end;
  bool said_whom = whom && (by || by_in_item) && whom->begin <= after + 3;
  // "by agent" is a grouping; "by agents", "by an agent" is anyone.
  if (anyone && whom->begin == after && !whom->plural)
    anyone = false;
  // "never handled": a negation just before the verb.
  // ("hasn't been checked yet": "been" may stand between.)
  auto next_to = [&](const item& x) {
    size_t i = x.end;
    while (i < it.begin && (at(i) == "been" || at(i) == "yet" || at(i) == "ever"))
      ++i;
    return i == it.begin;
  };
  bool lacking = negate || (k > 0 && items[k - 1].c && items[k - 1].c->kind == cue_kind::missing
                            && next_to(items[k - 1]));
  if (!lacking && !anyone)
    return std::nullopt;
  if (lacking && said_whom && !anyone && whom->begin != after)
    return std::nullopt; // "not handled by the agents of Leeds": a condition on whom
  if (by)
    by->consumed = true;
  if (said_whom)
    skip_next = true;
  return !lacking;
}

// The keys of `table` the question names: those it said as keys, and
// those it says by their verb ("which porter carried the most",
// carried_by), even where the word was read as the rows' state.
std::vector<column_ref> reader::keys_said(const std::string& table) const {
  auto keys = r.via;
  for (auto& rel : model.relationships)
    if (rel.from_table == table && rel.from_columns.size() == 1)
      for (auto& t : tokens)
        if (!t.quoted && is_participle(t.text) && split_words(rel.from_columns[0]).front() == t.text)
          keys.push_back({rel.from_table, rel.from_columns[0]});
  return keys;
}

} // namespace medha::sqlgen::detail
