// Which words of the question the reading explained, and what it could not:
// the unknown words and unresolved phrases a clarify names.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/state_adverbs.hpp"
#include "actors/sqlgen/time_phrases.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

bool ends_with(const std::string& word, const std::string& suffix) {
  return word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_form_of_address(const token& t) {
  static const char* forms[] = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "doctor"};
  return !t.quoted && std::any_of(std::begin(forms), std::end(forms), [&](const char* w) { return t.text == w; });
}

} // namespace

// "Ms Berg" is a person, not a column in milliseconds: a form of address
// right before a person's name links to nothing of its own. Nor does
// "history" after a table's noun ("salary history": the salary rows over
// time), even where another table is called title_history.
void reader::drop_forms_of_address(std::vector<mention>& mentions) {
  auto table_before = [&](size_t i) {
    return i > 0 && std::any_of(mentions.begin(), mentions.end(), [&](const mention& m) {
             return m.end == i && !m.candidates.empty() && m.candidates[0].kind == element_kind::table;
           });
  };
  // Nor "person" after a noun ("contact person", "sales person"): one
  // phrase for a role, not the table of people.
  auto compound_person = [&](size_t i) {
    return tokens[i].text == "person" && i > 0 && !tokens[i - 1].quoted && !is_stopword(tokens[i - 1].text);
  };
  for (auto it = mentions.begin(); it != mentions.end();)
    if (it->end == it->begin + 1 && !tokens[it->begin].quoted
        && (((tokens[it->begin].text == "history" || tokens[it->begin].text == "histories")
             && table_before(it->begin))
            || compound_person(it->begin))) {
      taken[it->begin] = !compound_person(it->begin); // ("person" stays a word to ask about)
      it = mentions.erase(it);
    } else {
      ++it;
    }
  auto person_after = [&](size_t i) {
    return std::any_of(mentions.begin(), mentions.end(), [&](const mention& m) {
      return m.begin == i + 1 && std::any_of(m.candidates.begin(), m.candidates.end(), [&](const element& e) {
        auto* t = e.kind == element_kind::value ? table_of(model, e.table) : nullptr;
        return t && family_name_column(*t);
      });
    });
  };
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(), [&](const mention& m) {
                   return m.end == m.begin + 1 && is_form_of_address(tokens[m.begin]) && person_after(m.begin);
                 }),
                 mentions.end());
}

void reader::account() {
  r.cues = std::count_if(items.begin(), items.end(), [](const item& it) { return it.c.has_value(); });
  // "monthly invoicing", "our billing": the activity, named by its -ing
  // form, is measured in money as much as in rows; counted, it is asked.
  for (auto& it : items) {
    auto& said = tokens[it.begin].text;
    if (it.c || it.e.kind != element_kind::table || it.end != it.begin + 1 || tokens[it.begin].quoted
        || said.size() < 6 || said.compare(said.size() - 3, 3, "ing") != 0)
      continue;
    // (The table's own noun made a verb: "invoicing" of invoices, not
    // "working" of staff.)
    auto names = split_words(it.e.table);
    if (std::find(names.begin(), names.end(), said) != names.end()
        || std::none_of(names.begin(), names.end(), [&](const std::string& w) { return stem(w) == tokens[it.begin].stem; }))
      continue;
    bool counted = std::any_of(r.measures.begin(), r.measures.end(), [&](const measure& m) {
      return m.agg == aggregate::count && m.column.column.empty() && m.column.table == it.e.table;
    });
    if (counted)
      r.unresolved.push_back("whether the " + said + " is counted in rows or in money");
  }
  // What the words named, whatever became of it: a join through a table
  // the question names is said, not guessed (compile_fan_out.cpp).
  for (auto& it : items)
    if (!it.c && !it.e.table.empty()
        && std::find(r.named_tables.begin(), r.named_tables.end(), it.e.table) == r.named_tables.end())
      r.named_tables.push_back(it.e.table);
  for (auto& it : items)
    if (!it.c && it.e.kind == element_kind::table
        && std::find(r.tables_said.begin(), r.tables_said.end(), it.e.table) == r.tables_said.end())
      r.tables_said.push_back(it.e.table);
  for (auto& it : items)
    if (!it.c && it.e.kind == element_kind::table && it.begin > 0 && !tokens[it.begin - 1].quoted) {
      auto& before = tokens[it.begin - 1].text;
      if (before == "to" || before == "on" || before == "for" || before == "against" || before == "towards")
        r.tables_said_after_to.push_back(it.e.table);
    }
  for (auto& it : items)
    if (!it.c && it.e.kind == element_kind::table && it.begin > 0 && !tokens[it.begin - 1].quoted
        && (tokens[it.begin - 1].text == "that" || tokens[it.begin - 1].text == "this")
        && !opens_a_clause(tokens, it.begin - 1)
        && std::none_of(items.begin(), items.end(), [&](const item& before) { // ("each state and ... that state")
             return !before.c && before.end < it.begin && before.e.table == it.e.table;
           }))
      r.pointed_tables.push_back(it.e.table);
  std::vector<bool> explained = taken;
  for (auto& it : items)
    if (!it.c)
      for (size_t i = it.begin; i < it.end; ++i)
        explained[i] = true;
  // Words the model's own descriptions use for what the question names
  // ("net weight after packing", "gross weight") restate it: explained.
  std::vector<std::string> described;
  // Not the alternatives a description lists ("new and used", "online
  // or by phone"): said in a question, one of them picks some rows out.
  auto describe_words = [&](const std::string& text) {
    auto words = tokenize(text);
    auto conjunction = [&](size_t j) { return j < words.size() && (words[j].text == "and" || words[j].text == "or"); };
    for (size_t j = 0; j < words.size(); ++j) {
      size_t first = j, last = j; // the words a hyphen joins to this one
      while (first > 0 && words[first - 1].joined)
        --first;
      while (last + 1 < words.size() && words[last].joined)
        ++last;
      if (!conjunction(last + 1) && !(first > 0 && conjunction(first - 1)))
        described.push_back(words[j].stem);
    }
  };
  for (auto& it : items) {
    if (it.c)
      continue;
    if (it.e.kind == element_kind::metric) {
      if (auto* m = find_metric(model, it.e.metric))
        describe_words(m->description);
    } else if (auto* t = table_of(model, it.e.table)) {
      describe_words(t->comment);
      if (auto* c = t->find_column(it.e.column)) {
        describe_words(c->comment);
        describe_words(column_words(c->name)); // "paperback" of paperback_price
      }
    }
  }
  // The words of the columns the reading shows or orders by, whichever
  // phrase or cue brought them in: what a -ment noun may restate.
  std::vector<std::string> used;
  auto use = [&](const column_ref& c) {
    if (!c.column.empty())
      for (auto& w : tokenize(column_words(c.column)))
        used.push_back(w.stem);
  };
  for (auto& o : r.order)
    use(o.column);
  for (auto& c : r.selected)
    use(c);
  for (auto& m : r.measures)
    use(m.column);
  auto shown = [&](const item& it) {
    return !it.c && it.e.kind == element_kind::column
           && std::find(r.selected.begin(), r.selected.end(), column_ref{it.e.table, it.e.column}) != r.selected.end();
  };
  auto beside_a_shown_column = [&](size_t i) {
    return std::any_of(items.begin(), items.end(), [&](const item& it) {
      return shown(it) && ((it.begin == i + 2 && i + 1 < tokens.size() && tokens[i + 1].text == "and")
                           || (i >= 2 && it.end == i - 1 && tokens[i - 1].text == "and"));
    });
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    // "in-store", "off-peak", "no-frills": a small word joined to the next
    // one makes a modifier that says something, read or not.
    // "our own brands": some rows are not ours, which says something.
    bool own = t.text == "own" && i > 0 && i + 1 < tokens.size() && !tokens[i + 1].quoted
               && !is_stopword(tokens[i + 1].text)
               && (tokens[i - 1].text == "our" || tokens[i - 1].text == "their" || tokens[i - 1].text == "its"
                   || tokens[i - 1].text == "my" || tokens[i - 1].text == "your");
    bool content = t.quoted || !is_stopword(t.text) || own
                   || (t.joined && t.text.size() > 1 && t.text != "all" && t.text != "so"); // ("all-time")
    if (!content)
      continue;
    ++r.content_words;
    // ("the phone and email of ...": a word said beside a column
    // shown asks for a column of its own, which a description cannot be.)
    if (!explained[i] && !t.quoted && t.text.size() > 2 && !beside_a_shown_column(i)
        && std::find(described.begin(), described.end(), t.stem) != described.end())
      explained[i] = true;
    // "the usual yearly figure" measured by yearly_fee: a word of the
    // column the reading measures, shows or orders by.
    if (!explained[i] && !t.quoted && t.text.size() > 3 && std::find(used.begin(), used.end(), t.stem) != used.end())
      explained[i] = true;
    // "staff members", "inventory items": the word for one of a table's rows
    // after the table's name, when nothing here is called that.
    if (!explained[i] && !t.quoted
        && (t.text == "member" || t.text == "members" || t.text == "item" || t.text == "items") && i > 0
        && !tokens[i - 1].quoted && names_table(tokens[i - 1]) && !names_table(t))
      explained[i] = true;
    // "new members since March", "new accounts each year": the rows that
    // began in the period asked about, which the period already says.
    if (!explained[i] && !t.quoted && t.text == "new" && i + 1 < tokens.size() && names_table(tokens[i + 1])
        && (!time.filters.empty() || time.bucket != time_bucket::none))
      explained[i] = true;
    // "right now", "at the moment": now; "so far": until now.
    if (!explained[i] && !t.quoted
        && ((t.text == "right" && i + 1 < tokens.size() && tokens[i + 1].text == "now")
            || (t.text == "far" && i > 0 && tokens[i - 1].text == "so") || at_the_moment(tokens, i)))
      explained[i] = true;
    // "an email address", "a phone number", "the postal code": the head
    // noun of a column the word right before named, said in full.
    if (!explained[i] && !t.quoted && i > 0 && (t.stem == stem("address") || t.stem == stem("number")
                                                 || t.stem == stem("code"))
        && std::any_of(items.begin(), items.end(), [&](const item& it) {
             return !it.c && it.end == i && it.e.kind == element_kind::column
                    && role_of(model, {it.e.table, it.e.column}) != column_role::numeric;
           }))
      explained[i] = true;
    // "the visitor number" for num_visitors, "payment" for amount_paid:
    // the noun a verb makes with -ment restates that verb's column.
    // The root is compared as its past form stems too: "enrolled" → "enrol".
    if (!explained[i] && !t.quoted && t.text.size() > 7
        && t.text.compare(t.text.size() - 4, 4, "ment") == 0) {
      auto root = t.text.substr(0, t.text.size() - 4);
      for (auto& form : {stem(root), stem(root + "ed")})
        explained[i] = explained[i] || std::find(used.begin(), used.end(), form) != used.end();
    }
    // "parcels we have shipped" of a shipments table: the verb whose -ment
    // noun names rows the question is about says only that they happened.
    if (!explained[i] && !t.quoted && t.text.size() > 5 && ends_with(t.text, "ed")) {
      auto base = t.text.substr(0, t.text.size() - 2);
      if (base.size() > 2 && base[base.size() - 1] == base[base.size() - 2])
        base.pop_back(); // "shipp"
      for (auto& named : r.named_tables) {
        auto words = split_words(named);
        explained[i] = explained[i] || (!words.empty() && stem(words.back()) == stem(base + "ments"));
      }
    }
    // "members who have borrowed 3 or more books": the verb of a count
    // condition only relates the things counted to the ones kept.
    auto word = [&](size_t j, std::initializer_list<const char*> ws) {
      return j < tokens.size() && !tokens[j].quoted
             && std::any_of(ws.begin(), ws.end(), [&](const char* w) { return tokens[j].text == w; });
    };
    if (!explained[i] && !t.quoted && is_participle(t.text) && i > 0
        && word(i - 1, {"have", "has", "had"}) && i + 1 < tokens.size()
        && (is_number(tokens[i + 1].text)
            || word(i + 1, {"more", "less", "fewer", "at", "over", "under", "exactly", "between"})))
      explained[i] = true;
    if (!explained[i] && (relation_verb(i) || unit_of_compared(i)))
      explained[i] = true;
    // "the fleet data", "the sales database": the data source's own
    // name names the data, nothing in it. Not its comparative or
    // superlative ("the richest"): that would rank by something unsaid.
    // Nor after a word that groups or picks ("at each branch", "which
    // shop"): that is one of several, not the whole business.
    bool one_of_several = i > 0 && word(i - 1, {"each", "every", "per", "by", "which", "what"});
    if (!explained[i] && !t.quoted && !ends_with(t.text, "est") && !ends_with(t.text, "er") && !one_of_several)
      for (auto& w : split_words(model.data_source))
        explained[i] = explained[i] || (w.size() > 3 && stem(w) == t.stem);
    // "Dr Patel", "Ms Berg": a form of address before a person's name is
    // part of how the person is named.
    if (!explained[i] && is_form_of_address(t))
      for (auto& it : items)
        if (!it.c && it.begin == i + 1 && it.e.kind == element_kind::value)
          if (auto* table = table_of(model, it.e.table); table && family_name_column(*table))
            explained[i] = true;
    // "the people working at a site": the rows counted are people
    // already (a table with people's names), named by another word.
    if (!explained[i] && word(i, {"people", "persons", "person"}))
      for (auto& it : items)
        if (!it.c && !it.e.table.empty())
          if (auto* table = table_of(model, it.e.table); table && it.e.kind == element_kind::table
                                                          && is_table_of_people(*table))
            explained[i] = true;
    // "pets called Bella", "a product named Aurora": the word before a
    // value only says the value is a name.
    if (!explained[i] && word(i, {"called", "named"}))
      for (auto& it : items)
        if (!it.c && it.begin == i + 1 && it.e.kind == element_kind::value)
          explained[i] = true;
    // "the largest single invoice": "single" or "individual" before a
    // table's noun only stresses one row at a time.
    if (!explained[i] && word(i, {"single", "individual"}))
      for (auto& it : items)
        if (!it.c && it.begin == i + 1 && it.e.kind == element_kind::table)
          explained[i] = true;
    // "the freight cost", "the salary amount": a money or number noun right
    // after a numeric column's name only says what kind of number it is.
    if (!explained[i] && !t.quoted && i > 0 && word(i, {"cost", "costs", "amount", "amounts", "value", "values", "figure", "figures"}))
      for (auto& it : items)
        if (!it.c && it.end == i && it.e.kind == element_kind::column
            && role_of(model, {it.e.table, it.e.column}) == column_role::numeric)
          explained[i] = true;
    if (explained[i])
      ++r.explained_words;
    else
      r.unknown_words.push_back(t.text);
  }
}

} // namespace medha::sqlgen::detail
