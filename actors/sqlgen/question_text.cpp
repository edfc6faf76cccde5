// Normalising a question before it is cut into words: numbers as the
// tokenizer reads them ("1,000", "$250", "10%", "100k", "twelve"), the
// abbreviation "no." for "number", currency words dropped after a number.
#include <algorithm>
#include <cctype>
#include <string>

#include "actors/sqlgen/number_words.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

// "4 dollars", "250 euros": the currency a number is said in, like "$4", is
// how it is written, not a word to match (amounts are compared in the
// data's own currency). Not "pounds", which weigh as often as they pay.
static std::string drop_currency_words(const std::string& text) {
  static const char* currencies[] = {"dollars", "dollar", "usd", "euros", "euro", "eur", "bucks"};
  std::string out;
  size_t i = 0;
  bool after_number = false;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])))
      ++j;
    std::string word = text.substr(i, j - i);
    std::string lower = word;
    for (auto& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string bare = lower;
    while (!bare.empty() && std::ispunct(static_cast<unsigned char>(bare.back())))
      bare.pop_back();
    bool currency = after_number && !bare.empty()
                    && std::any_of(std::begin(currencies), std::end(currencies),
                                   [&](const char* c) { return bare == c; });
    if (currency)
      word = lower.substr(bare.size()); // keep trailing punctuation ("dollars?")
    after_number = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    });
    out += word;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j])))
      out += text[j++];
    i = j;
  }
  return out;
}

// "100k", "2.5k": thousands, as people write amounts.
static std::string expand_thousands(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    size_t j = i;
    while (word_start && j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.'))
      ++j;
    bool thousands = j > i && std::isdigit(static_cast<unsigned char>(text[i])) && j < text.size()
                     && (text[j] == 'k' || text[j] == 'K')
                     && (j + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[j + 1])));
    if (!thousands) {
      out += text[i++];
      continue;
    }
    auto number = text.substr(i, j - i);
    auto dot = number.find('.');
    std::string whole = number.substr(0, dot), fraction = dot == std::string::npos ? "" : number.substr(dot + 1);
    if (fraction.size() > 3 || fraction.find('.') != std::string::npos) {
      out += text[i++];
      continue;
    }
    fraction.resize(3, '0');
    auto value = whole + fraction;
    value.erase(0, std::min(value.find_first_not_of('0'), value.size() - 1));
    out += value;
    i = j + 1;
  }
  return out;
}

// "1,000" → "1000", "$250" → "250", "10%" → "10 %": numbers as the tokenizer
// reads them.
std::string normalize_question(std::string_view spelled) {
  auto digits = expand_thousands(spell_out_numbers(spelled));
  std::string_view question = digits;
  std::string out;
  for (size_t i = 0; i < question.size(); ++i) {
    char c = question[i];
    bool digit_before = i > 0 && std::isdigit(static_cast<unsigned char>(question[i - 1]));
    bool digit_after = i + 1 < question.size()
                       && std::isdigit(static_cast<unsigned char>(question[i + 1]));
    if (c == ',' && digit_before && digit_after)
      continue;
    if (c == '$' && digit_after)
      continue;
    // "£42,000", "€15": the pound and euro signs, spelled in UTF-8.
    auto sign_before_digit = [&](std::string_view sign) {
      return question.substr(i, sign.size()) == sign && i + sign.size() < question.size()
             && std::isdigit(static_cast<unsigned char>(question[i + sign.size()]));
    };
    if (sign_before_digit("\xC2\xA3")) {
      i += 1;
      continue;
    }
    if (sign_before_digit("\xE2\x82\xAC")) {
      i += 2;
      continue;
    }
    if (c == '%') {
      out += " percent ";
      continue;
    }
    // "the no. of visitors": the abbreviation of "number", not a "no" ("No. I
    // meant revenue" stays a no).
    bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(question[i - 1]));
    if (word_start && (c == 'n' || c == 'N') && question.substr(i + 1, 2) == "o."
        && question.substr(i + 3, 4) == " of ") {
      out += "number";
      i += 2;
      continue;
    }
    out += c;
  }
  return drop_currency_words(out);
}

} // namespace medha::sqlgen
