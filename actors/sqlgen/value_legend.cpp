// A column that stores codes often says what they mean in its description:
// "Indicates whether the business is open (1 for open, 0 for closed)". The
// meanings are how people ask ("open businesses"), so they name the codes.
#include "actors/sqlgen/value_legend.hpp"

#include <cctype>
#include <regex>

namespace medha::sqlgen {

std::vector<std::pair<std::string, std::string>> value_legend(const std::string& description) {
  // One entry per clause: a short code, a connecting word or sign, a meaning
  // of one to three words.
  static const std::regex entry(
    R"(^\s*(?:and\s+|or\s+)?['"]?([A-Za-z0-9]{1,3})['"]?\s*(?:for|=|:|means|->|indicates)\s*)"
    R"(([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})\s*\.?\s*$)",
    std::regex::icase);
  // "A active, I inactive/closed, B barred": a capital code and its meaning
  // in small letters, with no sign between; "/" parts alternative meanings.
  static const std::regex spaced(
    R"(^\s*(?:and\s+|or\s+)?['"]?([A-Z0-9]{1,3})['"]?\s+)"
    R"(([a-z][a-z/-]*(?:\s+[a-z][a-z/-]*){0,2})\s*\.?\s*$)");
  // "F = fitted (complete)": words in brackets right after an entry, that
  // are no entry themselves, are another meaning of the same code.
  static const std::regex aside(R"(^\s*([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})\s*$)");
  std::vector<std::pair<std::string, std::string>> out;
  std::string clause;
  bool bracketed = false;      // the clause being read is inside brackets
  bool after_entry = false;    // the clause before the bracket was an entry
  auto flush = [&] {
    // "B=binned - logged with the council": after a dash, a note on
    // the meaning, not the meaning.
    for (auto* dash : {" - ", " \u2013 ", " -- "})
      if (auto at = clause.find(dash); at != std::string::npos)
        clause.erase(at);
    // "H on hold / paused": two meanings of one code, spaced.
    for (auto at = clause.find(" / "); at != std::string::npos; at = clause.find(" / "))
      clause.replace(at, 3, "/");
    std::smatch m;
    if (bracketed && after_entry && !out.empty() && !std::regex_match(clause, entry)
        && !std::regex_match(clause, spaced) && std::regex_match(clause, m, aside)) {
      out.emplace_back(out.back().first, m[1].str());
    } else if (std::regex_match(clause, m, entry)) {
      out.emplace_back(m[1].str(), m[2].str());
    } else if (std::regex_match(clause, m, spaced)) {
      auto meanings = m[2].str();
      for (size_t from = 0; from <= meanings.size();) {
        auto to = meanings.find('/', from);
        auto one = meanings.substr(from, to == std::string::npos ? std::string::npos : to - from);
        if (!one.empty())
          out.emplace_back(m[1].str(), one);
        if (to == std::string::npos)
          break;
        from = to + 1;
      }
    }
    clause.clear();
  };
  for (char ch : description) {
    if (ch == ',' || ch == ';' || ch == '(' || ch == ')') {
      auto entries = out.size();
      flush();
      after_entry = ch == '(' && out.size() > entries;
      bracketed = ch == '(';
    } else {
      clause += ch;
    }
  }
  flush();
  // A lone match is more likely prose ("3: the default") than a legend.
  if (out.size() < 2)
    out.clear();
  return out;
}

} // namespace medha::sqlgen
