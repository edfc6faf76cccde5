// Words read off schema names and comments for the lexicon (see lexicon_words.hpp).
#include "actors/sqlgen/lexicon_words.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <tuple>
#include <utility>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/place_codes.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/value_legend.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen::lexicon_words {

// Words a column name often starts with that people leave out ("total_amount"
// is asked for as "amount") or that are aggregates in the question.
bool is_prefix_noise(const std::string& w) {
  return w == "total" || w == "num" || w == "avg" || w == "sum" || w == "count" || w == "is"
         || w == "has";
}

// Units a column name may end with ("range_miles", "weight_kg"): the words
// before one name the quantity, which is how people ask for it ("range").
bool is_unit(const std::string& w) {
  static const char* units[] = {"miles", "mi", "km", "kilometers", "meters", "feet", "ft", "kg",
                                "lbs", "pounds", "grams", "mph", "kmh", "usd", "eur", "dollars",
                                "cents", "pct", "percent", "seconds", "secs", "minutes", "mins",
                                "hours", "hrs", "days", "weeks", "months", "years"};
  return std::any_of(std::begin(units), std::end(units), [&](const char* u) { return w == u; });
}

bool names_a_table(const semantic_model& model, const std::string& word) {
  auto s = stem(word);
  return std::any_of(model.tables.begin(), model.tables.end(), [&](const table_info& t) {
    auto words = split_words(t.name);
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return stem(w) == s; });
  });
}

std::vector<std::string> stems_of(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (auto& w : words)
    out.push_back(stem(w));
  return out;
}

// Splits free text (a synonym, a value) into words the way questions are split.
std::vector<std::string> phrase_words(const std::string& text) {
  std::vector<std::string> out;
  for (auto& t : tokenize(text))
    out.push_back(t.text);
  return out;
}

// "sbtxprice", "sbtxdatetime" in a table whose every column starts "sbtx":
// run-together names with a shared tag. The tag says nothing; what follows
// it is the name ("price"). Empty when the names are not like that.
std::string shared_tag(const table_info& t) {
  if (t.columns.size() < 3)
    return "";
  std::string tag = t.columns.front().name;
  for (auto& c : t.columns) {
    if (split_words(c.name).size() != 1)
      return "";
    size_t n = 0;
    while (n < tag.size() && n < c.name.size() && tag[n] == c.name[n])
      ++n;
    tag.resize(n);
  }
  for (auto& c : t.columns)
    if (c.name.size() < tag.size() + 2)
      return "";
  return tag.size() >= 3 ? tag : "";
}

// The words of a run-together name after its tag: a last word people say on
// its own comes apart ("joindate" is "join date", "custid" "cust id").
std::vector<std::string> untagged_words(const std::string& rest) {
  static const char* tails[] = {"date", "time", "id", "name", "code", "type"};
  for (auto* tail : tails) {
    std::string t = tail;
    if (rest.size() > t.size() + 1 && rest.compare(rest.size() - t.size(), t.size(), t) == 0) {
      auto head = untagged_words(rest.substr(0, rest.size() - t.size()));
      head.push_back(t);
      return head;
    }
  }
  return {rest};
}

// The few words that open a table's comment and the bracketed list after
// them ("Support tickets (cases, requests): ..."), one entry per comma;
// nothing when the comment does not open with a few words and then brackets.
std::vector<std::vector<std::string>> other_names(const std::string& comment) {
  std::vector<std::vector<std::string>> out;
  // "One row per parcel booked ...", "each row is a job": what a row is.
  auto words = phrase_words(comment);
  // "Every donation received, ...", "Each crossing sold": the comment
  // opens with what each row is, then what became of it.
  if (words.size() >= 3 && (words[0] == "every" || words[0] == "each") && !is_stopword(words[1])
      && words[1] != "row" && words[1] != "record" && is_participle(words[2])) {
    out.push_back({words[1]});
    return out;
  }
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    size_t at = 0;
    if ((words[i] == "row" || words[i] == "record") && (words[i + 1] == "per" || words[i + 1] == "for"))
      at = i + 2 + (words[i + 2] == "each" || words[i + 2] == "every" ? 1 : 0);
    else if ((words[i] == "row" || words[i] == "record") && words[i + 1] == "is")
      at = i + 2 + (words[i + 2] == "a" || words[i + 2] == "an" || words[i + 2] == "one" ? 1 : 0);
    if (at == 0 || at >= words.size() || (i > 0 && words[i - 1] != "one" && words[i - 1] != "each"
                                          && words[i - 1] != "every" && words[i - 1] != "a"))
      continue;
    // The noun: one word, or two before a participle or a stopword.
    std::vector<std::string> noun{words[at]};
    if (at + 1 < words.size() && !is_stopword(words[at + 1]) && !is_participle(words[at + 1])
        && (at + 2 >= words.size() || is_stopword(words[at + 2]) || is_participle(words[at + 2])))
      noun.push_back(words[at + 1]);
    if (!is_stopword(noun.front())) {
      out.push_back(noun);
      if (noun.size() == 2) // "trailer load": also a "load"
        out.push_back({noun.back()});
    }
    break;
  }
  // "Tastings held (one row per ...)", "Repairs and quotes for ...": a
  // comment that opens with a plural noun, then a participle or "and",
  // opens with what the rows are.
  if (words.size() >= 2 && words[0].size() > 4 && words[0].back() == 's' && !is_stopword(words[0])
      && !is_participle(words[0]) && (is_participle(words[1]) || words[1] == "and"))
    out.push_back({words[0]});
  auto open = comment.find('(');
  auto close = comment.find(')');
  if (open == std::string::npos || close == std::string::npos || close < open
      || split_words(comment.substr(0, open)).size() > 3)
    return out;
  // The words before the brackets name the rows too ("Customer accounts").
  out.push_back(phrase_words(comment.substr(0, open)));
  auto inside = comment.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= inside.size()) {
    auto comma = inside.find(',', start);
    auto part = inside.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    out.push_back(phrase_words(part));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

// A label column named for the things a table holds, not a generic name
// column ("name", "title", "first_name") nor the table's own name.
bool names_rows(const column_info& label, const std::vector<std::string>& table_words) {
  auto words = split_words(label.name);
  static const char* generic[] = {"name", "title", "label", "description", "code", "text", "comment", "note", "notes"};
  for (auto& w : words)
    if (std::any_of(std::begin(generic), std::end(generic), [&](const char* g) { return w == g; }))
      return false;
  return stem(join(words, " ")) != stem(join(table_words, " ")) && !words.empty();
}

// The amount columns of the tables that record money received: a table
// named for payments, sales, orders, invoices or transactions (not a view of
// them) with one amount-like number. Columns of tables named otherwise, or
// several amounts in one table, say nothing sure.
bool key_named_by_verb(const semantic_model& model, const table_info& t, const column_info& c) {
  auto words = split_words(c.name);
  // (To another table: one's own rows referring to each other, "referred_by",
  // need their two sides said.)
  return words.size() == 2 && (words[1] == "by" || words[1] == "to")
         && std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
              return r.from_table == t.name && r.to_table != t.name && r.from_columns.size() == 1
                     && r.from_columns[0] == c.name;
            });
}

std::vector<std::pair<std::string, std::string>> money_received(const semantic_model& model, bool every_amount) {
  return money_of(model, {"payment", "sale", "order", "invoice", "transaction", "purchase", "receipt"}, every_amount);
}

std::vector<std::pair<std::string, std::string>> money_of(const semantic_model& model,
                                                          const std::vector<std::string>& records,
                                                          bool every_amount) {
  std::vector<std::pair<std::string, std::string>> out, several;
  for (auto& t : model.tables) {
    auto words = split_words(t.name);
    if (t.derived || words.empty()
        || std::none_of(records.begin(), records.end(), [&](const std::string& r) { return stem(words.back()) == stem(r); }))
      continue;
    // The tax beside an amount (net_amt and vat_amt) is no money the
    // rows record as theirs: it is collected for someone else.
    auto tax = [](const column_info& c) {
      auto cw = split_words(c.name);
      return std::any_of(cw.begin(), cw.end(), [](const std::string& w) {
        return w == "tax" || w == "vat" || w == "gst" || w == "hst";
      });
    };
    const column_info* found = nullptr;
    int count = 0;
    for (auto& c : t.columns) {
      if (c.role == column_role::numeric && names_money(c.name) && !tax(c)) {
        found = &c;
        ++count;
      }
    }
    if (count == 1)
      out.emplace_back(t.name, found->name);
    else if (count > 1 && every_amount)
      for (auto& c : t.columns)
        if (c.role == column_role::numeric && names_money(c.name) && !tax(c))
          several.emplace_back(t.name, c.name);
  }
  // Orders that keep a net and a gross amount are as much a record of
  // money taken as the payments beside them: each amount a candidate, so
  // that "sales" between them is asked, never settled by the one table that
  // happens to keep a single amount. (Alone, they are left as before.)
  if (!out.empty())
    out.insert(out.end(), several.begin(), several.end());
  return out;
}

std::string state_of_empty(const std::string& comment) {
  auto words = phrase_words(comment);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "null" && words[i] != "empty")
      continue;
    auto& w = words[i + 1];
    if (w != "while" && w != "when" && w != "if" && w != "until" && w != "means")
      continue;
    // The clause's last word is the state: "the subscription is active".
    // ("NULL if not a member": the word names the other side; not read.)
    std::string state;
    for (size_t j = i + 2; j < words.size() && j < i + 8; ++j) {
      if (words[j] == "and" || words[j] == "or" || words[j] == "otherwise")
        break;
      if (words[j] == "not" || words[j] == "no" || words[j] == "never" || words[j].rfind("non", 0) == 0)
        return "";
      if (!is_stopword(words[j]) && words[j] != "still")
        state = words[j];
    }
    return w == "until" ? std::string() : state;
  }
  return "";
}

std::vector<std::string> states_while_unset(const std::vector<std::string>& column_words) {
  // Opposites of the event, in general English; only events whose absence
  // has one plain name.
  static const std::pair<const char*, std::vector<std::string>> opposites[] = {
    {"closed", {"open", "unresolved"}},   {"resolved", {"unresolved", "open"}},
    {"paid", {"unpaid"}},  {"shipped", {"unshipped"}},
    {"delivered", {"undelivered"}},       {"completed", {"incomplete", "unfinished"}},
    {"finished", {"unfinished"}},
    {"answered", {"unanswered"}},         {"returned", {"unreturned"}},
    // Rows that end: current while the end is not set (salaries to_date,
    // employees term_date, contracts end_date).
    {"end", {"current", "active", "ongoing"}}, {"ended", {"current", "active", "ongoing"}},
    {"to", {"current"}},     {"until", {"current"}},
    {"term", {"current", "employed"}}, {"terminated", {"current", "employed"}},
    {"termination", {"current", "employed"}}, {"left", {"current"}},
    {"out", {"current"}}, // move_out_on, moved_out_at: still in while not set
    {"leave", {"current"}},  {"leaving", {"current"}}, {"resigned", {"current"}},
    {"discontinued", {"current", "active"}},
    {"expired", {"active", "current"}},   {"expires", {"active", "current"}},
    {"churned", {"active", "current"}},   {"cancelled", {"active"}}, {"canceled", {"active"}}};
  for (auto& w : column_words)
    for (auto& [event, states] : opposites)
      if (w == event)
        return states;
  return {};
}

// The verbs an agent noun is made from: "actor" (act), "director"
// (direct), "seller" (sell), "driver" (drive), "owner" (own). Remains
// shorter than three letters ("user": us) are no verbs.
std::vector<std::string> spelled_out(std::vector<std::string> words) {
  static const std::pair<const char*, const char*> short_forms[] = {
    {"amt", "amount"},        {"qty", "quantity"},      {"desc", "description"},  {"addr", "address"},
    {"dept", "department"},   {"mgr", "manager"},       {"emp", "employee"},      {"cust", "customer"},
    {"prod", "product"},      {"pct", "percent"},       {"yr", "year"},           {"avg", "average"},
    {"maint", "maintenance"}, {"mgmt", "management"},   {"txn", "transaction"},   {"acct", "account"},
    {"pmt", "payment"},       {"ref", "reference"},     {"hrs", "hours"},         {"hr", "hour"},
    {"mins", "minutes"},      {"secs", "seconds"},      {"yrs", "years"},         {"nm", "name"},
    {"cd", "code"},           {"flg", "flag"},          {"dur", "duration"},      {"svc", "service"},
    {"pkg", "package"},       {"bkg", "booking"},       {"hrly", "hourly"},
    // events, as booking and stock systems shorten them
    {"cxl", "cancelled"},     {"bkd", "booked"},        {"dlvd", "delivered"},    {"rcvd", "received"}};
  for (auto& w : words)
    for (auto& [abbreviation, full] : short_forms)
      if (w == abbreviation)
        w = full;
  return words;
}

bool counts_years(const std::string& column) {
  auto words = spelled_out(split_words(column));
  return std::find(words.begin(), words.end(), "year") != words.end();
}

std::vector<std::string> agent_verbs(const std::string& name) {
  std::vector<std::string> out;
  // Tables are often named in the plural ("drivers"): the agent is one of them.
  auto noun = name.size() > 4 && name.back() == 's' && name[name.size() - 2] != 's'
                ? name.substr(0, name.size() - 1) : name;
  auto ends = [&](const char* suffix) {
    std::string s(suffix);
    return noun.size() > s.size() && noun.compare(noun.size() - s.size(), s.size(), s) == 0;
  };
  auto keep = [&](std::string verb) {
    if (verb.size() >= 3 && !is_stopword(verb))
      out.push_back(std::move(verb));
  };
  if (ends("or"))
    keep(noun.substr(0, noun.size() - 2));
  // rental: rent, renewal: renew, approval: approve, arrival: arrive.
  if (ends("al") && noun.size() > 5 && !ends("ial") && !ends("ual")) {
    keep(noun.substr(0, noun.size() - 2));
    keep(noun.substr(0, noun.size() - 2) + "e");
  }
  if (ends("ier")) // carrier: carry
    keep(noun.substr(0, noun.size() - 3) + "y");
  if (ends("er")) {
    keep(noun.substr(0, noun.size() - 2)); // seller: sell
    keep(noun.substr(0, noun.size() - 1)); // driver: drive
    // shopper: shop, planner: plan (the consonant doubled before "-er").
    auto n = noun.size();
    if (n > 5 && noun[n - 3] == noun[n - 4] && !std::strchr("aeiouylsr", noun[n - 3]))
      keep(noun.substr(0, n - 3));
  }
  return out;
}

const std::vector<std::string>& money_taken_in_words() {
  // ("takings" is not among them: its stem is every form of "take", and
  // trips, classes and loans are taken, in a year or in a city.)
  static const std::vector<std::string> words = {"revenue", "sales", "income", "turnover",
                                                 "spent", "spend", "paid", "money"};
  return words;
}

} // namespace medha::sqlgen::lexicon_words
