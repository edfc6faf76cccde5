#include "actors/discovery/tokenizer.hpp"

#include <algorithm>
#include <iterator>

#include "actors/discovery/stemmer.hpp"

namespace medha::discovery {

namespace {

// Function words dropped everywhere.
constexpr std::string_view common_stop_words[] = {
  "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but",
  "by", "can", "do", "does", "each", "for", "from", "had", "has", "have", "in",
  "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our",
  "per", "so", "than", "that", "the", "their", "them", "then", "there", "these",
  "they", "this", "those", "to", "us", "was", "we", "were", "with", "you", "your",
};

// Words a question uses to ask rather than to name data.
constexpr std::string_view question_stop_words[] = {
  "across", "average", "avg", "between", "biggest", "bottom", "compare", "count",
  "data", "did", "display", "during", "find", "get", "give", "highest", "how",
  "i", "information", "latest", "least", "list", "lowest", "many", "max",
  "maximum", "mean", "min", "minimum", "most", "much", "number", "over",
  "please", "see", "should", "show", "smallest", "sum", "tell", "top", "total",
  "want", "what", "whats", "when", "where", "which", "who", "why", "will",
  "would", "largest", "like", "look", "need", "know", "could",
  // How the answer should look, not what it is about ("Return the names ...
  // ordered by ...": "ordered" would otherwise stem to the noun "order").
  "provide", "return", "ordered", "sorted", "sort", "ascending", "descending",
  "asc", "desc", "respectively", "overall", "including", "excluding", "include",
  "exclude", "along", "together", "based", "given", "also", "only", "just",
  "calendar", "current", "previous", "past", "ago", "recent", "whose", "results",
  "result", "rank", "ranked", "listed", "shown", "please",
  // Function words of comparison, quantity and position: how the question
  // relates things, not which things ("at least two", "the same label",
  // "above 7.5", "3 weeks after"). Prose in comments and descriptions is full
  // of them, so they would match it by chance.
  "above", "below", "under", "after", "before", "again", "against", "among", "both",
  "either", "neither", "else", "ever", "every", "few", "fewer", "further", "here", "more",
  "less", "other", "others", "another", "same", "some", "such", "very", "within", "without",
  "until", "upon", "while", "whom", "whether", "exactly", "one", "ones", "once", "twice",
  "anything", "something", "someone", "anyone", "everyone", "being", "having", "he", "she",
  "his", "her", "him", "himself", "herself", "themselves", "etc", "if",
  // Light verbs: "customers who made a purchase", "the message that came with
  // the tip" say nothing about which data; a table named payments_made is
  // still found by "payments".
  "make", "makes", "made", "making", "got", "gets", "getting", "gave", "take", "takes",
  "took", "taken", "come", "comes", "came", "go", "goes", "went", "gone", "let", "say", "said",
};

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The lists are short: a linear scan costs less than hashing the word.
template <size_t N>
bool contains(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Bytes of multi-byte UTF-8 sequences count as letters: names in other
// scripts stay whole words instead of being dropped.
bool is_letter(char c) {
  return is_lower(c) || is_upper(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Calls emit(word) for each raw word: a maximal letter or digit run, further
// cut at camelCase humps ("orderDate" -> "order", "Date"; "HTTPServer" ->
// "HTTP", "Server").
template <class Emit>
void split_words(std::string_view text, Emit&& emit) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (!is_letter(c) && !is_digit(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    if (is_digit(c)) {
      while (i < n && is_digit(text[i]))
        ++i;
    } else {
      ++i;
      while (i < n && is_letter(text[i])) {
        char prev = text[i - 1];
        char cur = text[i];
        if (is_upper(cur) && is_lower(prev))
          break; // orderDate
        if (is_upper(prev) && is_upper(cur) && i + 1 < n && is_lower(text[i + 1])
            && i - start >= 1)
          break; // HTTPServer: the S starts the next word
        ++i;
      }
    }
    emit(text.substr(start, i - start));
  }
}

template <class Sink>
void tokenize_with(std::string_view text, text_kind kind, Sink&& sink) {
  std::string lower;
  split_words(text, [&](std::string_view raw) {
    if (raw.size() < 2)
      return;
    lower.assign(raw);
    for (auto& ch : lower)
      if (is_upper(ch))
        ch = static_cast<char>(ch - 'A' + 'a');
    if (is_stop_word(lower, kind))
      return;
    std::string term = lower;
    stem(term);
    sink(std::move(term), lower);
  });
}

} // namespace

bool is_stop_word(std::string_view w, text_kind kind) {
  if (contains(common_stop_words, w))
    return true;
  // Numbers in a question are literals (limits, ids, years), not names.
  return kind == text_kind::question && (contains(question_stop_words, w) || all_digits(w));
}

void tokenize(std::string_view text, text_kind kind, std::vector<token>& out) {
  tokenize_with(text, kind, [&](std::string term, const std::string& word) {
    out.push_back(token{std::move(term), word});
  });
}

void tokenize_terms(std::string_view text, text_kind kind, std::vector<std::string>& out) {
  tokenize_with(text, kind, [&](std::string term, const std::string&) {
    out.push_back(std::move(term));
  });
}

} // namespace medha::discovery
