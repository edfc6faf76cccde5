// "the average age of patients": ages are not stored but counted from a
// birth date, the whole years from it to today.
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen::detail {

namespace {

// A date column that holds a birth date: "date_of_birth", "birthdate", "dob",
// or one its description says is a birth date.
bool is_birth_date(const column_info& c) {
  if (c.role != column_role::time)
    return false;
  for (auto& w : split_words(c.name))
    if (w == "birth" || w == "birthdate" || w == "birthday" || w == "dob" || w == "born")
      return true;
  for (auto& t : tokenize(c.comment))
    if (t.text == "birth" || t.text == "born")
      return true;
  return false;
}

} // namespace

void reader::read_age(const lexicon& lex) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    if (t.quoted || taken[i] || (t.text != "age" && t.text != "ages"))
      continue;
    // A column that is called age is the age.
    auto& entries = lex.lookup(t.stem);
    if (std::any_of(entries.begin(), entries.end(),
                    [](const lexicon_entry& e) { return e.weight >= 0.7; }))
      return;
    std::vector<column_ref> births, named;
    for (auto& table : model.tables)
      for (auto& c : table.columns)
        if (is_birth_date(c)) {
          births.push_back({table.name, c.name});
          // "the age of patients": the table the question names.
          auto words = split_words(entity_words(table.name));
          for (auto& q : tokens)
            if (!q.quoted && !words.empty() && q.stem == stem(words.back()))
              named.push_back(births.back());
        }
    if (births.size() == 1)
      age_of = births.front();
    else if (named.size() == 1)
      age_of = named.front();
    taken[i] = true;
    age_word = i;
    return;
  }
}

// The age is the measure, aggregated as asked: "average age", "maximum age".
void reader::on_age() {
  bool fits = pending_agg == aggregate::avg || pending_agg == aggregate::min
              || pending_agg == aggregate::max;
  if (!age_of || !fits || !r.measures.empty()) {
    r.unresolved.push_back("the age");
    return;
  }
  measure m;
  m.agg = pending_agg;
  m.column = *age_of;
  m.form = measure_form::age;
  r.measures.push_back(m);
  pending_agg = aggregate::none;
}

} // namespace medha::sqlgen::detail
