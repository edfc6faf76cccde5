// People ask how often a yes/no outcome happens as its rate: "the escape
// rate", "which route has the highest late rate". Nothing in the schema says
// that, so the model gets a metric per outcome flag: the percentage of rows
// with the flag set, which groups and ranks like any other measure.
#include "actors/context/flag_rates.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace medha {

namespace {

// A word without its past ending, so "discounted rate" meets "discount_rate".
std::string bare(std::string w) {
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)
    w.resize(w.size() - 2);
  return w;
}

std::vector<std::string> bare_words(const std::string& name) {
  auto out = name_words(name);
  for (auto& w : out)
    w = bare(w);
  return out;
}

// Words that only mark a column as a flag ("is_", "_flg", "_yn").
bool marks_a_flag(const std::string& w) {
  return w == "is" || w == "has" || w == "was" || w == "flag" || w == "flg" || w == "yn" || w == "ind" || w == "b";
}

// Flags that keep rows in or out of the data rather than say what happened.
bool keeps_rows_out(const std::vector<std::string>& words) {
  static const char* kinds[] = {"deleted", "del", "void", "voided", "archived", "active", "current", "hidden", "test"};
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return w == k; });
  });
}

} // namespace

int add_flag_rates(semantic_model& model) {
  // (Added after every table is read, so that two tables' flags of one
  // name both stand, and "late rate" between them is asked.)
  std::vector<metric> rates;
  for (auto& t : model.tables) {
    if (t.derived)
      continue;
    for (auto& c : t.columns) {
      if (c.role != column_role::boolean)
        continue;
      std::vector<std::string> said;
      for (auto& w : name_words(c.name))
        if (!marks_a_flag(w))
          said.push_back(w);
      if (said.empty() || keeps_rows_out(said))
        continue;
      std::string name;
      for (auto& w : said)
        name += w + " ";
      name += "rate";
      // Not where the words already name a column ("discount rate" beside
      // a `discounted` flag) or a metric.
      auto taken = [&](const std::string& n) {
        auto target = bare_words(n);
        for (auto& other : model.tables)
          for (auto& o : other.columns)
            if (bare_words(o.name) == target)
              return true;
        return std::any_of(model.metrics.begin(), model.metrics.end(),
                           [&](const metric& m) { return bare_words(m.name) == target; });
      };
      if (taken(name))
        continue;
      auto column = t.name + "." + c.name;
      bool text_flag = c.type != "boolean" && c.type != "bool";
      auto yes = text_flag ? flag_value(c, true) : std::string();
      if (text_flag && yes.empty())
        continue;
      std::string set = text_flag ? column + " = '" + yes + "'" : column;
      metric m;
      m.name = name;
      m.table = t.name;
      m.expression = "100.0 * AVG(CASE WHEN " + set + " THEN 1 ELSE 0 END)";
      m.description = "percentage of " + t.name + " rows with " + c.name + " set";
      m.synonyms = {"rate of " + name.substr(0, name.size() - 5), "percentage " + name.substr(0, name.size() - 5)};
      rates.push_back(std::move(m));
    }
  }
  int added = static_cast<int>(rates.size());
  for (auto& m : rates)
    model.metrics.push_back(std::move(m));
  return added;
}

} // namespace medha
