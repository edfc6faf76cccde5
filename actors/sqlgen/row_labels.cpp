// How a row is named when it is shown: a person by their given and
// family names, anything else by its name, title or the free text every
// row has, and by its key when it has none of those.
#include <string_view>
#include <utility>

#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

// The given and family name columns of a person, when the table keeps both,
// in any of the usual spellings ("fname" beside "sname", "forename" beside
// "last_nm"): the pair is what names a person, whichever forms it takes.
std::pair<const column_info*, const column_info*> person_name(const table_info& t) {
  static const char* given_forms[] = {"first_name", "firstname", "given_name", "forename", "fname",
                                      "first_nm",   "fore_name", "f_name",     "givenname", "first", "given_nm"};
  static const char* family_forms[] = {"last_name", "lastname", "family_name", "surname", "lname",
                                       "last_nm",   "sname",    "sur_name",    "surnm",   "l_name", "last",
                                       "family_nm"};
  const column_info* g = nullptr;
  const column_info* f = nullptr;
  for (auto* given : given_forms)
    if (!g)
      g = t.find_column(given);
  for (auto* family : family_forms)
    if (!f)
      f = t.find_column(family);
  return g && f ? std::make_pair(g, f) : std::make_pair(nullptr, nullptr);
}

} // namespace

const column_info* family_name_column(const table_info& t) {
  return person_name(t).second;
}

const column_info* label_column(const table_info& t) {
  // A person is named by their name, never by a category such as a job title.
  if (auto [given, family] = person_name(t); given && !t.find_column("name") && !t.find_column("full_name"))
    return given;
  // ("title" of people is Mr or Dr, which names nobody.)
  static const char* preferred[] = {"name", "title", "label", "full_name", "display_name", "nm", "full_nm"};
  for (auto* p : preferred)
    if (auto* c = t.find_column(p); c && !(std::string_view(p) == "title" && is_table_of_people(t)))
      return c;
  // "country"."country", "city"."city": a text column named like its table.
  for (auto& c : t.columns)
    if ((c.role == column_role::text || c.role == column_role::categorical)
        && (c.name == t.name || c.name == singular(t.name)))
      return &c;
  // "buyer_name" beside "buyer_city" and "buyer_phone": the name of a party
  // the row records (who a sale went to), not of the row itself. A prefix
  // the key shares ("diag_id", "diag_name") is the table's own. Checked
  // without allocating: this runs for every label looked up.
  auto prefix = [](const std::string& name) {
    auto cut = name.find('_');
    return cut == std::string::npos || cut == 0 || cut + 1 == name.size() ? std::string_view()
                                                                         : std::string_view(name).substr(0, cut);
  };
  auto embedded = [&](const column_info& c) {
    auto first = prefix(c.name);
    if (first.empty())
      return false;
    long sharing = 0;
    for (auto& o : t.columns) {
      if (prefix(o.name) != first)
        continue;
      auto n = o.name.size();
      if (o.primary_key || (n > 3 && o.name.compare(n - 3, 3, "_id") == 0))
        return false; // the table's own prefix
      ++sharing;
    }
    if (sharing < 3 || 2 * sharing >= static_cast<long>(t.columns.size()) + 1)
      return false;
    auto table_words = split_words(t.name);
    return table_words.empty() || stem(std::string(first)) != stem(table_words.back());
  };
  for (auto& c : t.columns) {
    auto& n = c.name; // "prod_name", or "prod_nm" in a schema of short forms
    if (((n.size() > 4 && n.compare(n.size() - 4, 4, "name") == 0) || (n.size() > 3 && n.compare(n.size() - 3, 3, "_nm") == 0))
        && (c.role == column_role::text || c.role == column_role::categorical) && !embedded(c))
      return &c;
  }
  // "show_title", "course_title": a work is named by its title. Never a
  // person by a job title: people are named by the loop above or their name.
  if (!is_table_of_people(t))
    for (auto& c : t.columns) {
      auto& n = c.name;
      if (n.size() > 6 && n.compare(n.size() - 6, 6, "_title") == 0 && n != "job_title"
          && (c.role == column_role::text || c.role == column_role::categorical) && !embedded(c))
        return &c;
    }
  // Free text every row has ("city_or_town") names the row better
  // than its number does.
  for (auto& c : t.columns)
    if (c.role == column_role::text && !c.nullable && !c.primary_key && !embedded(c))
      return &c;
  // Else the first free-text column: tables loaded from a sheet put the
  // thing a row is about first ("vessel" before "flag").
  for (auto& c : t.columns)
    if (c.role == column_role::text && !c.primary_key && !embedded(c))
      return &c;
  // A catalogue's rows without a name are named by the short description
  // each of them has, one of its own (few enough rows for all of them to be
  // sampled as values), not by their code or number. Descriptions that
  // repeat (a diagnosis's) are a kind of row, not a name.
  for (auto& c : t.columns) {
    auto words = split_words(c.name);
    bool own = t.row_estimate > 0 && static_cast<int64_t>(c.values.size()) >= t.row_estimate;
    if (c.role == column_role::categorical && own && !c.nullable && !c.primary_key && !words.empty()
        && (words.back() == "description" || words.back() == "descr" || words.back() == "desc"))
      return &c;
  }
  // Without a name, a row is named by its key ("order 1042"), not by a status.
  if (auto* pk = primary_key(t))
    return pk;
  for (auto& c : t.columns)
    if (c.role == column_role::text || c.role == column_role::categorical)
      return &c;
  return t.columns.empty() ? nullptr : &t.columns.front();
}

} // namespace medha::sqlgen
