#include "actors/sqlgen/place_codes.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace medha::sqlgen {

std::string_view us_state_name(std::string_view code) {
  static const std::pair<const char*, const char*> states[] = {
    {"AL", "Alabama"},       {"AK", "Alaska"},         {"AZ", "Arizona"},
    {"AR", "Arkansas"},      {"CA", "California"},     {"CO", "Colorado"},
    {"CT", "Connecticut"},   {"DE", "Delaware"},       {"FL", "Florida"},
    {"GA", "Georgia"},       {"HI", "Hawaii"},         {"ID", "Idaho"},
    {"IL", "Illinois"},      {"IN", "Indiana"},        {"IA", "Iowa"},
    {"KS", "Kansas"},        {"KY", "Kentucky"},       {"LA", "Louisiana"},
    {"ME", "Maine"},         {"MD", "Maryland"},       {"MA", "Massachusetts"},
    {"MI", "Michigan"},      {"MN", "Minnesota"},      {"MS", "Mississippi"},
    {"MO", "Missouri"},      {"MT", "Montana"},        {"NE", "Nebraska"},
    {"NV", "Nevada"},        {"NH", "New Hampshire"},  {"NJ", "New Jersey"},
    {"NM", "New Mexico"},    {"NY", "New York"},       {"NC", "North Carolina"},
    {"ND", "North Dakota"},  {"OH", "Ohio"},           {"OK", "Oklahoma"},
    {"OR", "Oregon"},        {"PA", "Pennsylvania"},   {"RI", "Rhode Island"},
    {"SC", "South Carolina"}, {"SD", "South Dakota"},  {"TN", "Tennessee"},
    {"TX", "Texas"},         {"UT", "Utah"},           {"VT", "Vermont"},
    {"VA", "Virginia"},      {"WA", "Washington"},     {"WV", "West Virginia"},
    {"WI", "Wisconsin"},     {"WY", "Wyoming"},        {"DC", "District of Columbia"},
    {"PR", "Puerto Rico"}};
  for (auto& [c, name] : states)
    if (code == c)
      return name;
  return {};
}

namespace {

// Each line: the names a country is kept under in data, then the other
// names and the adjectives people say for it. Any name of a line that is
// stored stands for the whole line. ("US" is not among them: it is "us".)
const std::vector<std::vector<std::string_view>>& countries() {
  static const std::vector<std::vector<std::string_view>> all = {
    {"United Kingdom", "UK", "Great Britain", "Britain", "British"},
    {"United States", "USA", "United States of America", "America", "American"},
    {"Germany", "German"}, {"France", "French"}, {"Spain", "Spanish"}, {"Italy", "Italian"},
    {"Netherlands", "The Netherlands", "Holland", "Dutch"}, {"Belgium", "Belgian"},
    {"Ireland", "Irish"}, {"Portugal", "Portuguese"}, {"Sweden", "Swedish"}, {"Norway", "Norwegian"},
    {"Denmark", "Danish"}, {"Finland", "Finnish"}, {"Poland", "Polish"}, {"Austria", "Austrian"},
    {"Switzerland", "Swiss"}, {"Canada", "Canadian"}, {"Mexico", "Mexican"}, {"Brazil", "Brazilian"},
    {"Argentina", "Argentinian", "Argentine"}, {"Japan", "Japanese"}, {"China", "Chinese"},
    {"India", "Indian"}, {"Australia", "Australian"}, {"New Zealand", "NZ"}, {"Greece", "Greek"},
    {"Turkey", "Turkish"}, {"Russia", "Russian Federation", "Russian"}, {"Czech Republic", "Czechia", "Czech"},
    {"Hungary", "Hungarian"}, {"South Africa", "South African"}, {"Venezuela", "Venezuelan"},
    {"Chile", "Chilean"}, {"Colombia", "Colombian"}, {"Peru", "Peruvian"},
    {"South Korea", "Korea", "Republic of Korea", "Korean"}, {"Singapore", "Singaporean"},
    {"Egypt", "Egyptian"}, {"Nigeria", "Nigerian"}, {"Israel", "Israeli"}, {"Scotland", "Scottish"},
    {"Wales", "Welsh"}, {"England", "English"}, {"Iceland", "Icelandic"}, {"Luxembourg", "Luxembourgish"},
    {"Philippines", "Filipino"}, {"Thailand", "Thai"}, {"Vietnam", "Viet Nam", "Vietnamese"},
    {"Indonesia", "Indonesian"}, {"Malaysia", "Malaysian"}, {"Pakistan", "Pakistani"},
    {"United Arab Emirates", "UAE", "Emirati"}, {"Saudi Arabia", "Saudi"}, {"Romania", "Romanian"},
    {"Bulgaria", "Bulgarian"}, {"Croatia", "Croatian"}, {"Slovakia", "Slovak"}, {"Ukraine", "Ukrainian"}};
  return all;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

} // namespace

std::vector<std::string_view> other_country_names(std::string_view value) {
  for (auto& line : countries())
    if (std::any_of(line.begin(), line.end(), [&](std::string_view n) { return same_name(n, value); })) {
      std::vector<std::string_view> out;
      for (auto& n : line)
        if (!same_name(n, value))
          out.push_back(n);
      return out;
    }
  return {};
}

} // namespace medha::sqlgen
