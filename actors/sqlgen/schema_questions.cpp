#include "actors/sqlgen/schema_questions.hpp"

#include "actors/sqlgen/abbreviations.hpp"
#include "actors/sqlgen/lexicon_words.hpp"

#include <algorithm>
#include <cstdlib>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/schema_answers.hpp"
#include "actors/sqlgen/schema_code_meanings.hpp"
#include "actors/sqlgen/query.hpp"
#include "actors/sqlgen/query_json.hpp"
#include "actors/sqlgen/sql_compiler.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/words.hpp"
#include "actors/sqlgen/indexed_model.hpp"
#include "messages/result_set.hpp"

namespace medha::sqlgen {

using namespace schema_answers;

namespace {

enum class ask { count_tables, row_counts, row_count, which_table, list_tables, describe, sample, common_values, profile };

enum class needs { nothing, no_table, table, column };

// One way of asking about the data. Words are compared by stem; a row
// matches when the question has every `all` word, at least one `any` word
// (when there are any), none of the `none` words, and names what `target`
// says. Rows are tried in order; the first that matches answers.
struct rule {
  ask kind;
  std::vector<std::string> all, any, none;
  needs target;
};

const std::vector<rule>& rules() {
  static const std::vector<rule> table = {
    {ask::count_tables, {"how", "many", "table"}, {}, {"row", "column"}, needs::no_table},
    {ask::row_counts, {"row", "table"}, {"each", "every", "per", "all", "how", "count"}, {}, needs::no_table},
    {ask::row_count, {"row"}, {"how", "number", "count"}, {"each", "every", "per", "all", "column", "value"}, needs::table},
    {ask::which_table, {"which", "table"}, {"hold", "store", "keep", "have", "has", "contain", "record", "track"}, {"row", "column", "field"}, needs::table},
    // "where are repairs logged?": where in the data (not "where is the
    // van kept", a place).
    {ask::which_table, {"where"}, {"record", "store", "log", "save", "track"}, {"row", "column", "field", "what"}, needs::table},
    {ask::list_tables, {"table"}, {"what", "which", "list", "show", "name"}, {"row", "column", "field"}, needs::no_table},
    {ask::list_tables, {"what", "data"}, {"have", "there", "contain", "hold", "store", "available"}, {}, needs::no_table},
    {ask::describe, {}, {"column", "field", "attribute", "describe", "structure", "schema"}, {"value", "common", "profile"}, needs::table},
    {ask::describe, {"what", "table"}, {"contain", "hold", "store", "in", "have"}, {"row", "value"}, needs::table},
    {ask::describe, {"what"}, {"information", "info", "detail", "record"}, {"row", "value", "common"}, needs::table},
    {ask::describe, {"what", "about"}, {"store", "keep", "hold", "track", "save"}, {"row", "value", "common"}, needs::table},
    {ask::common_values, {"value"}, {"common", "frequent", "top", "popular"}, {}, needs::column},
    {ask::profile, {}, {"profile", "summarize", "summarise", "statistic"}, {}, needs::column},
    {ask::profile, {}, {"profile", "summarize", "summarise", "statistic"}, {}, needs::table},
    {ask::sample, {}, {"sample", "example", "row", "record", "preview"}, {"how", "count", "many"}, needs::table},
  };
  return table;
}

struct span {
  size_t begin = 0, end = 0;
};

// The table (or column) whose name words the question says in a row, longest
// first; ties between different tables leave it unnamed.
// `owner[n]`, when given, is what names[n] names (a table said two ways).
template <typename Names>
std::optional<std::pair<size_t, span>> find_named(const std::vector<token>& tokens, const Names& names,
                                                  const std::vector<size_t>& owner = {}) {
  std::optional<std::pair<size_t, span>> best;
  bool tie = false;
  auto of = [&](size_t n) { return owner.empty() ? n : owner[n]; };
  for (size_t n = 0; n < names.size(); ++n) {
    auto& words = names[n];
    if (words.empty() || words.size() > tokens.size())
      continue;
    for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k)
        all = tokens[i + k].stem == words[k];
      if (!all)
        continue;
      size_t len = words.size();
      size_t best_len = best ? best->second.end - best->second.begin : 0;
      if (!best || len > best_len) {
        best = {{of(n), {i, i + len}}};
        tie = false;
      } else if (len == best_len && best->first != of(n)) {
        tie = true;
      }
    }
  }
  if (tie)
    return std::nullopt;
  return best;
}

std::vector<std::string> stems_of(const std::string& identifier) {
  std::vector<std::string> out;
  for (auto& w : split_words(identifier))
    out.push_back(stem(w));
  return out;
}

// The question's word `t` is the rule's word `w`, in any of its forms.
bool is_word(const token& t, const std::string& w) {
  return t.text == w || t.stem == stem(w);
}

bool has_stem(const std::vector<token>& tokens, const std::string& s) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const token& t) { return is_word(t, s); });
}

// Words that only frame a question about the data ("show me the first few
// rows of the table"): they name nothing of the model.
bool frames(const token& t) {
  static const std::vector<std::string> words = {
    "table", "database", "db", "data", "dataset", "schema", "show", "give", "list", "tell", "me", "us",
    "all", "every", "each", "first", "some", "few", "couple", "please", "what", "which", "there",
    "have", "has", "do", "does", "contain", "hold", "store", "available", "kind", "sort",
    "look", "like", "see", "get", "can", "could", "you", "we", "i", "is", "are", "in", "of", "the",
    "a", "an", "this", "that", "it", "its", "our", "my", "how", "many", "per", "exist", "name", "most",
    "here", "currently", "got", "keep", "kept", "held", "stored", "tracked", "system"};
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return t.text == w || t.stem == stem(w); });
}

// PRECISE's rule for this small grammar too: every word is explained, by
// the rule, the element it names, a number, or the framing; anything else
// ("rows of orders from 2024") is a question for the reader.
bool all_explained(const rule& r, const std::vector<token>& tokens, const std::vector<span>& named,
                   const std::string& data_source) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    bool in_mention = std::any_of(named.begin(), named.end(), [&](const span& s) { return i >= s.begin && i < s.end; });
    auto said = [&](const std::vector<std::string>& ws) {
      return std::any_of(ws.begin(), ws.end(), [&](const std::string& w) { return is_word(t, w); });
    };
    // A number counts what follows it ("5 rows", "3 customers"); a year
    // ("orders from 2024") is a filter this grammar does not read.
    bool counts = !t.quoted && is_number(t.text) && i + 1 < tokens.size()
                  && (std::any_of(r.any.begin(), r.any.end(), [&](const std::string& w) { return is_word(tokens[i + 1], w); })
                      || std::any_of(named.begin(), named.end(), [&](const span& s) { return s.begin == i + 1; }));
    if (in_mention || said(r.all) || said(r.any) || frames(t) || is_stopword(t.text) || counts
        || (!data_source.empty() && stem(data_source) == t.stem))
      continue;
    return false;
  }
  return true;
}

bool matches(const rule& r, const std::vector<token>& tokens) {
  for (auto& w : r.all)
    if (!has_stem(tokens, w))
      return false;
  for (auto& w : r.none)
    if (has_stem(tokens, w))
      return false;
  return r.any.empty()
         || std::any_of(r.any.begin(), r.any.end(), [&](const std::string& w) { return has_stem(tokens, w); });
}

// A type whose values order and compare (MIN/MAX apply), and that DISTINCT
// can count.
int number_in(const std::vector<token>& tokens, int fallback) {
  for (auto& t : tokens)
    if (!t.quoted && is_number(t.text) && t.text.find('.') == std::string::npos) {
      int n = std::atoi(t.text.c_str());
      if (n > 0)
        return std::min(n, 1000);
    }
  return fallback;
}

} // namespace

std::optional<sql_plan> answer_schema_question(const indexed_model& model, std::string_view question) {
  auto tokens = tokenize(normalize_question(question));
  if (auto meanings = answer_code_meanings(model, tokens))
    return meanings;
  // Most questions are about the data, not about its tables: the rules' own
  // words decide first, before any name is looked up.
  if (std::none_of(rules().begin(), rules().end(), [&](const rule& r) { return matches(r, tokens); }))
    return std::nullopt;
  // Each table by its name, and by the words its comment spells its short
  // forms in ("loyalty members" for loyalty_mbr).
  std::vector<std::vector<std::string>> table_names;
  std::vector<size_t> owner;
  auto comments = words_of_all_comments(model.model);
  for (size_t n = 0; n < model.tables.size(); ++n) {
    auto& t = model.tables[n];
    table_names.push_back(stems_of(t.name));
    owner.push_back(n);
    auto full = read_in_full(lexicon_words::spelled_out(split_words(t.name)), {},
                             lexicon_words::phrase_words(t.comment), comments);
    std::vector<std::string> said;
    for (auto& w : full)
      said.push_back(stem(w));
    if (said != table_names.back()) {
      table_names.push_back(said);
      owner.push_back(n);
    }
  }
  auto table = find_named(tokens, table_names, owner);
  for (auto& r : rules()) {
    if (!matches(r, tokens))
      continue;
    const table_info* t = table ? &model.tables[table->first] : nullptr;
    switch (r.target) {
      case needs::nothing: break;
      case needs::no_table:
        if (t)
          continue;
        break;
      case needs::table:
        // "Which fields does the table hold?" where there is only one.
        if (!t && model.tables.size() == 1 && all_explained(r, tokens, {}, model.data_source))
          t = &model.tables.front();
        if (!t && r.kind == ask::which_table)
          continue; // "which tables do we have": all of them
        if (!t)
          return r.kind == ask::describe && all_explained(r, tokens, {}, model.data_source)
                   ? std::optional<sql_plan>(name_a_table(model, "a table's columns"))
                   : std::nullopt;
        break;
      case needs::column: {
        std::vector<std::vector<std::string>> column_names;
        std::vector<std::pair<const table_info*, const column_info*>> owners;
        for (auto& tab : model.tables) {
          if (t && &tab != t)
            continue;
          for (auto& c : tab.columns) {
            column_names.push_back(stems_of(c.name));
            owners.push_back({&tab, &c});
          }
        }
        auto col = find_named(tokens, column_names);
        // The table's own name is not its column ("ship" is not ship.ship_id).
        if (!col || (table && col->second.begin == table->second.begin))
          continue;
        std::vector<span> named{col->second};
        if (table)
          named.push_back(table->second);
        if (!all_explained(r, tokens, named, model.data_source))
          return std::nullopt;
        auto [owner, column] = owners[col->first];
        if (r.kind == ask::common_values)
          return common_values(model, *owner, *column);
        return profile(model, *owner, column);
      }
    }
    std::vector<span> named;
    if (table)
      named.push_back(table->second);
    if (!all_explained(r, tokens, named, model.data_source))
      return std::nullopt;
    switch (r.kind) {
      case ask::count_tables: return count_tables(model);
      case ask::row_counts: return row_counts(model);
      case ask::row_count: return row_count(model, *t);
      case ask::list_tables: return list_tables(model);
      case ask::which_table: return table_holding(*t);
      case ask::describe: return describe(*t);
      case ask::sample: return sample(model, *t, number_in(tokens, 5));
      case ask::profile: return profile(model, *t, nullptr);
      case ask::common_values: break;
    }
  }
  return std::nullopt;
}

// "In what table are refunds?", "Do we log who drove each van?": a
// question about how the data is kept, which the rules above could not
// answer. Never read as a question about the data itself (answered with
// rows, it would say what it was not asked). Not where the model names
// something with those words (a restaurant's `tables`, a farm's fields).
std::optional<sql_plan> unanswered_schema_question(const indexed_model& model, std::string_view question) {
  auto tokens = tokenize(normalize_question(question));
  auto model_says = [&](const std::string& s) {
    for (auto& t : model.tables) {
      for (auto& w : split_words(t.name))
        if (stem(w) == s)
          return true;
      for (auto& c : t.columns)
        for (auto& w : split_words(c.name))
          if (stem(w) == s)
            return true;
    }
    return false;
  };
  auto said = [&](size_t i) { return i < tokens.size() && !tokens[i].quoted ? tokens[i].text : std::string(); };
  // ("as a table", "in table form": how to show the answer.)
  bool speaks = false;
  for (size_t i = 0; i < tokens.size(); ++i)
    for (auto* w : {"table", "column", "field"})
      speaks = speaks
               || (!tokens[i].quoted && tokens[i].stem == stem(w) && !model_says(stem(w))
                   && !(i >= 2 && said(i - 1) == "a" && (said(i - 2) == "as" || said(i - 2) == "in"))
                   && said(i + 1) != "form" && said(i + 1) != "view" && said(i + 1) != "format");
  // "Do we record / keep / track / store ...?", opening the question.
  bool keeps = said(0) == "do" && said(1) == "we"
               && (said(2) == "record" || said(2) == "keep" || said(2) == "track" || said(2) == "store"
                   || said(2) == "log" || (said(2) == "have" && said(3) == "a" && said(4) == "record"));
  if (!speaks && !keeps)
    return std::nullopt;
  auto p = name_a_table(model, "how the data is kept");
  p.understood = "You asked about how the data is kept (its tables and columns), but I could not tell which "
                 "table you mean.";
  return p;
}

// "And about the invoices?", "what about suppliers?" right after a table's
// columns were listed: the same question of another table, said short;
// "which one keeps …?" after the tables were listed: which table.
std::optional<sql_plan> schema_follow_up(const indexed_model& model, std::string_view question,
                                         std::string_view previous_query_json) {
  // Only the schema's own answers set these; every other turn stops here
  // without parsing the previous query.
  bool described = previous_query_json.find("\"columns_described\"") != std::string_view::npos;
  bool listed = previous_query_json.find("\"tables_listed\"") != std::string_view::npos;
  auto previous = described || listed ? query_from_json(previous_query_json) : std::nullopt;
  if (!previous || (!previous->columns_described && !previous->tables_listed))
    return std::nullopt;
  auto tokens = tokenize(normalize_question(question));
  size_t i = 0;
  auto said = [&](const char* w) { return i < tokens.size() && !tokens[i].quoted && tokens[i].text == w; };
  std::string asked;
  if (previous->tables_listed) { // "which one keeps the refunds?": which table
    if (!said("which"))
      return std::nullopt;
    ++i;
    if (!said("one"))
      return std::nullopt;
    asked = "which table";
  } else { // "and about the invoices?", "what about suppliers?": their columns
    if (said("and"))
      ++i;
    if (said("what") || said("how"))
      ++i;
    if (i == 0 || !said("about"))
      return std::nullopt;
    asked = "what do we store about";
  }
  size_t rest = ++i;
  for (; i < tokens.size(); ++i) {
    // "which one has the payment records?": the records are the table's
    // rows, which table is asked, not a sample of them.
    auto& w = tokens[i].text;
    bool rows = w == "record" || w == "records" || w == "rows" || w == "entries" || w == "data" || w == "details";
    if (previous->tables_listed && rows && i > rest)
      continue;
    asked += " " + w;
  }
  if (rest == tokens.size())
    return std::nullopt;
  auto plan = answer_schema_question(model, asked);
  if (!plan || plan->outcome != plan_outcome::answer)
    return std::nullopt;
  return plan;
}

std::optional<sql_plan> answer_schema_question(const semantic_model& model, std::string_view question) {
  return answer_schema_question(indexed_model(model), question);
}

std::optional<sql_plan> unanswered_schema_question(const semantic_model& model, std::string_view question) {
  return unanswered_schema_question(indexed_model(model), question);
}

} // namespace medha::sqlgen
