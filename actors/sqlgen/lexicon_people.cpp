// Words for the tables of people that name no table themselves: "people"
// for the one table of people, "staff" and "employees" for the one table of
// people a business employs, and the verb of their work.
#include <algorithm>
#include <iterator>

#include "actors/sqlgen/lexicon.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

void lexicon::add_words_for_people(const semantic_model& model) {
  // "how many people ...": the one table of people, when there is one.
  const table_info* people = nullptr;
  int tables_of_people = 0;
  for (auto& t : model.tables)
    if (!t.derived && family_name_column(t) && ++tables_of_people == 1)
      people = &t;
  if (tables_of_people == 1)
    add({"people"}, {element_kind::table, people->name, "", "", ""}, 0.8); // not "person": "contact person"
  // "staff", "employees": the one table called by one of these words, else
  // the one table of people with a hire date (agents, nurses, drivers).
  static const char* staff_words[] = {"staff", "employees", "workers"};
  auto one_table = [&](auto&& is) {
    const table_info* found = nullptr;
    int count = 0;
    for (auto& t : model.tables)
      if (!t.derived && is(t) && ++count == 1)
        found = &t;
    return count == 1 ? found : nullptr;
  };
  auto* staff = one_table([](const table_info& t) {
    auto words = split_words(t.name);
    return !words.empty() && std::any_of(std::begin(staff_words), std::end(staff_words), [&](const char* w) {
             return stem(words.back()) == stem(w);
           });
  });
  if (!staff)
    staff = one_table([](const table_info& t) {
      return family_name_column(t) && std::any_of(t.columns.begin(), t.columns.end(), [](const column_info& c) {
               auto words = split_words(c.name);
               return c.role == column_role::time && std::any_of(words.begin(), words.end(), [](const std::string& w) {
                        return stem(w) == stem("hired");
                      });
             });
    });
  if (staff) {
    for (auto* w : staff_words)
      add({w}, {element_kind::table, staff->name, "", "", ""}, 0.8);
    // "the people working at a site": whoever works there is staff.
    for (auto* w : {"work", "works", "worked", "working"})
      add({w}, {element_kind::table, staff->name, "", "", ""}, 0.8, true);
  }
}

} // namespace medha::sqlgen
