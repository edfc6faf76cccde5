#include "actors/sqlgen/lexicon.hpp"

#include "actors/sqlgen/abbreviations.hpp"
#include "actors/sqlgen/lexicon_words.hpp"

#include <algorithm>
#include <map>
#include <cctype>
#include <tuple>
#include <utility>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/place_codes.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/value_legend.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

using namespace lexicon_words;

bool operator<(const element& a, const element& b) {
  return std::tie(a.kind, a.table, a.column, a.metric, a.value)
         < std::tie(b.kind, b.table, b.column, b.metric, b.value);
}

lexicon::lexicon(const semantic_model& model) {
  // "customers" for the accounts or clients of a business that keeps no
  // table called customers.
  bool customers_kept = std::any_of(model.tables.begin(), model.tables.end(), [](const table_info& t) {
    auto words = split_words(t.name);
    return !words.empty() && stem(words.back()) == stem("customers");
  });
  add_words_for_people(model);
  auto comments = words_of_all_comments(model);
  described_.insert(comments.stems.begin(), comments.stems.end());
  // How many columns' names begin with each phrase that is also an everyday
  // word for a creation date; counted once, not per date column.
  std::map<std::string, size_t> starting;
  for (auto* phrase : {"joined", "registered", "signed up"}) {
    auto pw = phrase_words(phrase);
    auto& n = starting[phrase];
    for (auto& other : model.tables)
      for (auto& oc : other.columns) {
        auto ow = split_words(oc.name);
        n += ow.size() > pw.size() && std::equal(pw.begin(), pw.end(), ow.begin()) ? 1 : 0;
      }
  }
  auto names_starting = [&](const std::string& phrase) { return starting[phrase]; };
  for (auto& t : model.tables) {
    // A view repeats its tables' columns and values: named by them, the
    // tables themselves come first. Said by its own name, it is itself.
    derived_scale_ = t.derived ? 0.9 : 1.0;
    element te{element_kind::table, t.name, "", "", ""};
    auto table_words = split_words(t.name);
    add(table_words, te, 1.0 / derived_scale_);
    // "acct_transfers": account transfers.
    if (auto spelled = spelled_out(table_words); spelled != table_words)
      add(spelled, te, 1.0 / derived_scale_);
    // "lsn" whose comment speaks of lessons: "lessons".
    auto table_comment = phrase_words(t.comment);
    if (auto full = read_in_full(spelled_out(table_words), {}, table_comment, comments); full != table_words)
      add(full, te, 1.0 / derived_scale_);
    // "Who teaches ...": the verb of an agent noun names its rows (teacher).
    if (table_words.size() == 1)
      for (auto& verb : agent_verbs(table_words[0]))
        add({verb}, te, 0.8, true);
    // "inspection date" for inspections.logged_on: a table's only date.
    const column_info* only_date = nullptr;
    int dates = 0;
    for (auto& c : t.columns)
      if (c.role == column_role::time && ++dates == 1)
        only_date = &c;
    if (dates == 1) {
      auto words = split_words(entity_words(t.name));
      words.push_back("date");
      add(words, {element_kind::column, t.name, only_date->name, "", ""}, 0.9);
    }
    if (!customers_kept && table_words.size() == 1
        && (stem(table_words[0]) == stem("accounts") || stem(table_words[0]) == stem("clients")
            || stem(table_words[0]) == stem("buyers")))
      add({"customers"}, te, 0.8);
    // "performance_reviews" is also just "reviews"; "seed_orders" is what
    // "seed" (its cost, its weight) is kept in: a weak word, sure only
    // right before a column of that table ("seed cost").
    if (table_words.size() > 1)
      add({table_words.back()}, te, 0.8);
    if (table_words.size() == 2 && !is_stopword(table_words[0]) && table_words[0].size() > 3)
      add({table_words[0]}, te, 0.55);
    // A label named for what the rows are, not for a name ("vessel" in
    // fleet_register, "city_or_town" in a table named "2020"): its words
    // name the table's rows too (vessels; cities, or towns).
    if (auto* label = label_column(t); label && !label->primary_key && names_rows(*label, table_words)) {
      std::vector<std::string> alternative;
      for (auto& w : split_words(label->name)) {
        if (w != "or") {
          alternative.push_back(w);
          continue;
        }
        add(alternative, te, 0.9);
        alternative.clear();
      }
      add(alternative, te, 0.9);
    }
    // "Employees (staff, people, headcount): ...", "Customer accounts
    // (companies ...)": other names of the rows, said where its comment opens.
    for (auto& other : other_names(t.comment))
      if (!other.empty() && other.size() <= 2)
        add(other, te, 0.85);
    auto tag = shared_tag(t);
    for (auto& c : t.columns) {
      element ce{element_kind::column, t.name, c.name, "", ""};
      auto words = split_words(c.name);
      if (!tag.empty()) {
        add(words, ce, 1.0);
        words = untagged_words(c.name.substr(tag.size()));
      }
      // "start_dt", "appr_dt": a date column's "dt" is said "date".
      if (c.role == column_role::time)
        for (auto& w : words)
          if (w == "dt")
            w = "date";
      // "paid_amt", "order_qty", "dept_id": columns are named in short
      // forms that people say in full.
      if (auto spelled = spelled_out(words); spelled != words) {
        add(words, ce, 1.0);
        words = spelled;
      }
      // "purch_dt" where the comments speak of a purchase.
      if (auto full = read_in_full(words, phrase_words(c.comment), table_comment, comments); full != words) {
        add(words, ce, 1.0);
        words = full;
      }
      // Without a declared key, "writer_id" in writers is still the table's own.
      std::vector<std::string> head(words.begin(), words.end() - (words.empty() ? 0 : 1));
      bool own_key = c.primary_key || stem(join(head, " ")) == stem(entity_words(t.name));
      bool key_by_verb = key_named_by_verb(model, t, c);
      if (words.size() > 1 && (words.back() == "id" || key_by_verb) && !own_key) {
        // A foreign key is reached through its table; its own words name the
        // role when a table is linked twice ("departure airport").
        std::vector<std::string> role(words.begin(), words.end() - (key_by_verb ? 0 : 1));
        add(role, ce, 0.85); // below a value: "managers" is first a job title
        // "carried by": the verb of the role ("carrier_id") relates the rows.
        if (role.size() == 1)
          for (auto& verb : agent_verbs(role[0]))
            add({verb}, ce, 0.8, true);
        // "approved_by", "managed_by": the verb is said outright ("who
        // signed off the largest invoice", said as "approved").
        // The verb is the key's whole name: as sure as the name itself.
        if (role.size() == 2 && (role[1] == "by" || role[1] == "to") && role[0].size() > 4
            && role[0].compare(role[0].size() - 2, 2, "ed") == 0)
          add({role[0]}, ce, 0.9, true);
        // (A key named for its verb is also described and said like any
        // other column below.)
        if (!key_by_verb)
          continue;
      }
      add(words, ce, 1.0);
      // "who directed it": the verb of a column named for who did it.
      if (words.size() == 1 && (c.role == column_role::text || c.role == column_role::categorical))
        for (auto& verb : agent_verbs(words[0]))
          add({verb}, ce, 0.8, true);
      // "domain id" for domain.did: a key named otherwise is still the
      // table's id.
      bool referenced = std::any_of(
        model.relationships.begin(), model.relationships.end(), [&](const relationship& r) {
          return r.to_table == t.name && r.to_columns.size() == 1 && r.to_columns[0] == c.name;
        });
      if ((c.primary_key || referenced) && words.back() != "id") {
        auto id = split_words(entity_words(t.name));
        id.push_back("id");
        add(id, ce, 0.95);
        id.back() = "ids"; // too short for the stemmer's plurals
        add(id, ce, 0.95);
      }
      // "customer name", "product unit price": the column with its table.
      auto qualified = split_words(entity_words(t.name));
      auto with_table = qualified;
      with_table.insert(with_table.end(), words.begin(), words.end());
      add(with_table, ce, 1.0);
      // "order_date" in orders is also just "date"; "total_amount" is "amount".
      // A total kept in a column ("total_amt") is as much "the amount" of its
      // rows as an "amount" column of another table, whose rows may be other
      // things (the credit notes of the invoices): the question's tables decide.
      std::vector<std::string> rest = words;
      bool kept_total = false;
      while (rest.size() > 1
             && (stem(rest.front()) == stem(qualified.back()) || is_prefix_noise(rest.front()))) {
        kept_total = kept_total || rest.front() == "total";
        rest.erase(rest.begin());
      }
      if (rest.size() < words.size() && !(rest.size() == 1 && rest[0] == "id"))
        add(rest, ce, kept_total && c.role == column_role::numeric ? 0.9 : 0.8);
      // "amount claimed" for claimed_amt, "date shipped" for shipped_date:
      // a participle said after its noun.
      if (words.size() == 2 && words[0].size() > 4 && words[0].compare(words[0].size() - 2, 2, "ed") == 0
          && words[1] != "id")
        add({words[1], words[0]}, ce, 1.0);
      // "citation_num", "review_count": a kept count is asked for by what it
      // counts ("the number of citations"). Not "number": "flight_number"
      // names a flight, it counts nothing.
      if (words.size() > 1 && c.role == column_role::numeric
          && (words.back() == "num" || words.back() == "count" || words.back() == "cnt"))
        add(std::vector<std::string>(words.begin(), words.end() - 1), ce, 0.8);
      // "signup_date" is asked for as "signed up": the event a date records;
      // so is a year kept as a number ("release_year": "released").
      bool year_number = c.role == column_role::numeric && words.back() == "year";
      if ((c.role == column_role::time || year_number) && words.size() > 1) {
        std::vector<std::string> event(words.begin(), words.end() - 1);
        if (!event.empty() && stem(event.front()) == stem(qualified.back()))
          event.erase(event.begin());
        if (!event.empty())
          add(event, ce, 0.7);
      }
      // "country_name" is asked for as "each country": a name column stands
      // for its thing (below a table called that, which weighs 1.0); not the
      // parts of a person's name, nor the table's own name.
      if (words.size() == 2 && words.back() == "name" && words.front() != "last"
          && words.front() != "first" && words.front() != "full" && words.front() != "user"
          && stem(words.front()) != stem(qualified.back()))
        add({words.front()}, ce, 0.8);
      // "range_miles" is asked for as "range"; "pay_load" as "payload".
      if (words.size() > 1 && is_unit(words.back()))
        add(std::vector<std::string>(words.begin(), words.end() - 1), ce, 0.8);
      // "fee_amt" is asked for as "fee": the amount of a thing; not when the
      // thing is a table's own name ("order_amt": the orders) or a verb.
      else if (c.role == column_role::numeric && words.size() > 1
               && (words.back() == "amt" || words.back() == "amount")
               && !names_a_table(model, words[words.size() - 2]) && words[words.size() - 2] != "total"
               && !is_participle(words[words.size() - 2])) // "paid_amt": the verb says more than the thing
        add(std::vector<std::string>(words.begin(), words.end() - 1), ce, 0.8);
      if (words.size() == 2 && words[1] != "id")
        add({words[0] + words[1]}, ce, 0.9);
      // "food_type" is asked for as "vegan food": the kind named by its thing.
      if (words.size() == 2
          && (words[1] == "type" || words[1] == "kind" || words[1] == "category"))
        add({words[0]}, ce, 0.7);
      // "the mean clip length" kept as duration_ms, "how long
      // visits are" kept as duration_min: a number named only for a
      // duration and its unit is the rows' length.
      if (c.role == column_role::numeric && !words.empty()
          && std::all_of(words.begin(), words.end(), [](const std::string& w) {
               static const char* parts[] = {"duration", "length", "runtime", "run", "time", "milliseconds", "ms",
                                             "seconds", "secs", "sec", "minutes", "mins", "min", "hours", "hrs"};
               return std::any_of(std::begin(parts), std::end(parts), [&](const char* p) { return w == p; });
             }))
        for (auto* w : {"length", "duration"})
          add({w}, ce, 0.75);
      // A person's "title" is their job title.
      if (c.name == "title" && family_name_column(t))
        add({"job", "title"}, ce, 0.9);
      // A population is counted in people.
      if (words.back() == "population")
        for (auto* w : {"people", "persons", "residents", "inhabitants"})
          add({w}, ce, 0.9);
      // Common words for the dates a row keeps: "added" for when it was
      // created, "born" for a birth date.
      // ("date_of_birth", "date_created": the word may come last.)
      if (c.role == column_role::time && !words.empty()) {
        auto has = [&](std::initializer_list<const char*> ws) {
          return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
            return std::any_of(ws.begin(), ws.end(), [&](const char* x) { return w == x; });
          });
        };
        if (has({"created", "creation", "inserted"}))
          add({"added"}, ce, 0.7);
        // A member, customer or account is created when it signs up.
        // Not where the schema itself says those words of something else:
        // "signed up" is the staff member of rentals.signed_up_by there.
        auto own_use = [&](const std::vector<std::string>& phrase) {
          auto starts = [&](const column_info& col) {
            auto w = split_words(col.name);
            return w.size() > phrase.size() && std::equal(phrase.begin(), phrase.end(), w.begin());
          };
          return names_starting(join(phrase, " ")) > (starts(c) ? 1u : 0u);
        };
        if (has({"created", "creation", "signup", "registered", "registration", "joined"}))
          for (auto* said : {"joined", "registered", "signed up"})
            if (!own_use(phrase_words(said)))
              add(phrase_words(said), ce, 0.7);
        if (has({"birth", "dob", "birthday"}))
          add({"born"}, ce, 0.8);
      }
      // "out of stock": a count of the things in stock that is zero.
      if (c.role == column_role::numeric && std::find(words.begin(), words.end(), "stock") != words.end())
        add({"out", "of", "stock"}, {element_kind::value, t.name, c.name, "", "0"}, 0.9);
      // "tools that cost under 20": what a thing costs is its price,
      // unless the table keeps a cost of its own.
      if (c.role == column_role::numeric
          && std::find(words.begin(), words.end(), "price") != words.end()
          && std::none_of(t.columns.begin(), t.columns.end(), [](const column_info& o) {
               return o.name.find("cost") != std::string::npos;
             }))
        add({"cost"}, ce, 0.75);
      // "unit_price" is also asked for as "price": the head noun, weaker.
      // Not a rate ("cost_per_bottle", "bottles_per_case"): neither side of
      // the "per" alone is what the column holds.
      if (words.size() > 1 && words.back() != "id"
          && std::find(words.begin(), words.end(), "per") == words.end())
        add({words.back()}, ce, 0.7);
      add_values_of(t, c, words);
      // Comments explain a column in other words; weak evidence, single words.
      for (auto& w : phrase_words(c.comment))
        if (w.size() > 3 && !is_stopword(w))
          add({w}, ce, 0.4);
    }
  }
  derived_scale_ = 1.0;
  // Codes a comment explains ("1 for open, 0 for closed") are asked for by
  // their meaning: "open businesses". Not a meaning that names a table
  // ("0 for user"): the table is what people mean by it.
  for (auto& t : model.tables)
    for (auto& c : t.columns) {
      auto legend = value_legend(c.comment);
      for (auto& [code, meaning] : legend) {
        auto words = phrase_words(meaning);
        auto& named = lookup(join(stems_of(words), " "));
        bool names_table = std::any_of(named.begin(), named.end(), [](const lexicon_entry& e) {
          return e.target.kind == element_kind::table;
        });
        bool stored = is_number(code) ? c.role == column_role::numeric || c.values.empty()
                                      : std::find(c.values.begin(), c.values.end(), code)
                                          != c.values.end();
        if (stored && !names_table)
          add(words, {element_kind::value, t.name, c.name, "", code}, 0.9);
        // "X = scrapped by us": "scrapped repairs" say the participle
        // without who did it. Where another code's meaning begins with it
        // too ("scrapped by owner"), the word names both, and is asked.
        // Not a word that names the rows themselves or another of their
        // columns ("ordered" of orders): those are meant by it.
        if (!stored || names_table || words.size() < 2 || !is_participle(words.front()))
          continue;
        auto& first = lookup(stem(words.front()));
        if (std::any_of(first.begin(), first.end(), [&](const lexicon_entry& e) {
              return e.target.table == t.name
                     && (e.target.kind == element_kind::table
                         || (e.target.kind == element_kind::column && e.target.column != c.name));
            }))
          continue;
        add({words.front()}, {element_kind::value, t.name, c.name, "", code}, 0.85);
      }
    }
  for (auto& m : model.metrics) {
    element me{element_kind::metric, m.table, "", m.name, ""};
    add(split_words(m.name), me, 1.0);
    for (auto& s : m.synonyms)
      add(phrase_words(s), me, 0.95);
  }
  for (auto& g : model.glossary) {
    element target;
    auto dot = g.target.find('.');
    if (find_metric(model, g.target)) {
      target = {element_kind::metric, find_metric(model, g.target)->table, "", g.target, ""};
    } else if (dot != std::string::npos) {
      auto table = g.target.substr(0, dot), column = g.target.substr(dot + 1);
      auto* t = model.find_table(table);
      if (!t || !t->find_column(column))
        continue;
      target = {element_kind::column, table, column, "", ""};
    } else if (model.find_table(g.target)) {
      target = {element_kind::table, g.target, "", "", ""};
    } else {
      continue; // a term for something the model no longer has
    }
    add(phrase_words(g.term), target, 0.95);
    for (auto& s : g.synonyms)
      add(phrase_words(s), target, 0.95);
  }
  add_everyday_words(model); // lexicon_everyday.cpp
  add_value_words(model);    // last: only words nothing else is named by
}

void lexicon::add(const std::vector<std::string>& words, const element& target, double weight,
                  bool verb, bool spelled) {
  if (words.empty())
    return;
  auto stems = stems_of(words);
  for (auto& s : stems) {
    known_.insert(s);
    if (spelled)
      vocabulary_.insert(s);
  }
  auto key = join(stems, " ");
  auto& entries = phrases_[key];
  weight *= derived_scale_;
  for (auto& e : entries)
    if (e.target == target) {
      e.weight = std::max(e.weight, weight);
      e.verb = e.verb || verb;
      return;
    }
  entries.push_back({target, weight, verb});
  longest_ = std::max(longest_, stems.size());
}

const std::vector<lexicon_entry>& lexicon::lookup(const std::string& stems) const {
  static const std::vector<lexicon_entry> none;
  auto it = phrases_.find(stems);
  return it == phrases_.end() ? none : it->second;
}

std::string describe(const element& e) {
  switch (e.kind) {
    case element_kind::table: return entity_words(e.table);
    case element_kind::column: return entity_words(e.table) + " " + column_words(e.column);
    case element_kind::metric: return column_words(e.metric);
    case element_kind::value: return is_value_word(e.value) ? e.value.substr(1) : e.value;
  }
  return "";
}

} // namespace medha::sqlgen
