// "players are goalkeepers", "how many of them are retired": a value said
// of the rows right after "are" is a value those rows keep, over one of
// rows related to them (a shelf of the books they reserve).
#include "actors/sqlgen/reader.hpp"

#include <algorithm>

#include "actors/sqlgen/linker.hpp"

namespace medha::sqlgen::detail {

std::optional<element> reader::value_of_subject(const mention& m, const std::vector<mention>& all, size_t index) {
  if (m.begin > 0 && !tokens[m.begin - 1].quoted
      && (tokens[m.begin - 1].text == "are" || tokens[m.begin - 1].text == "is"
          || tokens[m.begin - 1].text == "were" || tokens[m.begin - 1].text == "was")) {
    std::string subject;
    if (index > 0 && all[index - 1].end + 1 == m.begin && !all[index - 1].candidates.empty()
        && all[index - 1].candidates[0].kind == element_kind::table && all[index - 1].weights[0] >= 1.0)
      subject = all[index - 1].candidates[0].table;
    bool pronoun = std::any_of(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(m.begin), [](const token& t) {
      return !t.quoted && (t.text == "them" || t.text == "they" || t.text == "those");
    });
    if (subject.empty() && pronoun && !context_tables.empty())
      subject = context_tables.back();
    const element* own = nullptr;
    for (auto& c : m.candidates)
      if (c.kind == element_kind::value && c.table == subject && !subject.empty()) {
        if (own)
          return std::nullopt;
        own = &c;
      }
    if (own)
      return *own;
  }
  return std::nullopt;
}

} // namespace medha::sqlgen::detail
