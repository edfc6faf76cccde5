// catalog::rank: BM25F over per-table documents, fuzzy matching for unknown
// words, a graph boost for bridge tables, and source scores from their best
// tables. Two phases keep it fast on large catalogs: every source is scored
// with flat arrays and integer ids; only the best few are turned into
// strings and reasons.

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <iterator>

#include "actors/discovery/catalog.hpp"
#include "actors/discovery/tokenizer.hpp"

namespace medha::discovery {

namespace {

// -- ranking constants (tuned on the tests' models, the benchmark's synthetic
//    catalog and the defog suite among 10,000 distractor tables of seed 42,
//    checked against seed 7's; all global, none per question or source) --

// The match masks are 32-bit, the top bit marks a table already among the
// candidates; no real question names more than 31 things.
constexpr size_t max_query_words = 31;
constexpr uint32_t candidate_bit = 1u << 31;
// Fuzzy matching only for words of five letters or more: one edit on shorter
// words turns them into other real words more often than it fixes a typo.
constexpr size_t min_fuzzy_word = 5;
// A misspelled word counts less than a correct one, and spreads over at most
// this many candidates so one typo cannot light up the whole catalog.
constexpr float fuzzy_penalty = 0.7f;
constexpr size_t max_fuzzy_candidates = 4;
// A table joined to two matched tables gets this share of the weaker one's
// score: it is likely the bridge the query needs, though it matched nothing.
constexpr float graph_weight = 0.5f;
// Only a source's best matched tables count as bridge ends: a bridge between
// two weak matches never reaches the top, and broad words can touch most of a
// large source's tables.
constexpr size_t bridge_ends = 16;
// A bridge's two ends must each score at least this share of the source's
// best table: a big source has weak matches everywhere, and a table joining
// two of them says nothing.
constexpr float bridge_end_floor = 0.5f;
// A source is as good as its best table plus diminishing credit for what the
// next tables add: only the words (or stronger hits of words) the better
// tables lack count, so ten copies of one table ("orders", "orders_v2",
// "stg_orders") are worth one, and a huge source cannot win on many weak
// matches of the same word.
constexpr double table_decay[] = {1.0, 0.7, 0.5, 0.35};
constexpr size_t aggregate_tables = 12; // tables examined for the source score
// A counted table is listed right after the best one when what it adds is at
// least this share of the best table's score.
constexpr double promote_share = 0.05;
// A table that adds words but is not joined to one of the better tables is
// hardly part of the same answer: in a source of a thousand tables every word
// is in some table, and a source must not win on scattered matches.
constexpr double unjoined_factor = 0.05;
// A source's score is scaled by the share of the question it covers, between
// this floor and 1, each word weighted by how few data sources hold it: the
// source matching every word beats the one matching a single word well, and
// words every source has ("name", "date") barely count.
constexpr double coverage_floor = 0.3;
// A word held only by tables unrelated to the best one covers this share.
constexpr double scattered_cover = 0.7;
// Focus: a source whose tables are about the question's things beats one
// where they are a few among many. Per question word, the share of the
// source's tables holding it, on a log scale (1% of the tables ~ 0.15, 10% ~
// 0.52, all 1.0), weighted like coverage; the score keeps (1 - focus_weight)
// and gains the rest in proportion. A 15-table source about publications thus
// edges out a 1,000-table warehouse with a publications table or two when
// their best tables match alike, and does not when the warehouse matches better.
constexpr double focus_weight = 0.3;
constexpr double focus_scale = 100;
// A table whose name the question names only in part ("made" for
// payments_made, "publications" for incident_publications) matches less than
// one whose every name word the question says: its name hits count this share
// plus the rest in proportion to the name's words covered.
constexpr float partial_name_floor = 0.2f;
// Several question words in one table's name ("depot parcel count" and
// wallet_merchant_balance_daily) are a phrase match, far stronger evidence
// than the same words spread over its columns: each name word after the
// first raises the name hits by this share.
constexpr float name_phrase_bonus = 0.2f;
// clear_winner: the top source must score at least the floor, about one
// column-name hit of a word few tables share scaled down by focus (idf ~2.5 x
// impact ~1.9 = 4.75, x0.7 = 3.3; a lone comment or value hit, ~1.4-2.5, is
// not enough), and at least
// the ratio times the runner-up. At 1.5x the runner-up may share a generic
// word while the winner also matches the specific ones; closer than that,
// asking the user costs less than a wrong guess.
constexpr double clear_winner_floor = 3.0;
constexpr double clear_winner_ratio = 1.5;
// Sources returned with their tables and reasons: a person picks among a
// handful, and building strings for every source would dominate the latency.
constexpr size_t max_sources = 10;
// Reasons listed per source, so an answer explains itself in a line or two.
constexpr size_t max_source_reasons = 10;

// Words of time: units, month and day names. A question uses them to filter
// or bucket by a date ("how many months had reviews", "in June", "per day"),
// which any table with a date column answers; a table or value that happens
// to be named after them ("month", "days", "June") is rarely what is meant.
constexpr float temporal_factor = 0.3f;
constexpr std::string_view temporal_words[] = {
  "second", "seconds", "minute", "minutes", "hour", "hours", "hourly", "day", "days", "daily",
  "week", "weeks", "weekly", "month", "months", "monthly", "quarter", "quarters", "quarterly",
  "year", "years", "yearly", "annual", "annually", "date", "dates", "time", "times", "today",
  "yesterday", "tomorrow", "weekday", "weekdays", "weekend", "weekends", "january", "february",
  "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  // Positions in an order ("their first loan", "the last 5 shipments")
  // pick rows; columns named after them (first_name) are about something else.
  "first", "last", "next",
};

bool is_temporal(std::string_view word) {
  return std::find(std::begin(temporal_words), std::end(temporal_words), word)
         != std::end(temporal_words);
}

// Phrases that say how to present the answer, not what it is about: their
// words ("order" in "in descending order") would match data by chance.
constexpr std::string_view presentation_phrases[] = {
  "descending order", "ascending order", "alphabetical order", "chronological order",
  "reverse order", "order by", "ordered by", "sort by", "sorted by", "in order",
  "order them", "order the",
};

// The question in lower case with presentation phrases blanked out.
std::string without_presentation(std::string_view question) {
  std::string q{question};
  for (auto& c : q)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  for (auto phrase : presentation_phrases) {
    for (size_t at = q.find(phrase); at != std::string::npos; at = q.find(phrase, at + 1)) {
      const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(q[at - 1]));
      const size_t end = at + phrase.size();
      const bool ends = end == q.size() || !std::isalnum(static_cast<unsigned char>(q[end]));
      if (starts && ends)
        std::fill(q.begin() + static_cast<long>(at), q.begin() + static_cast<long>(end), ' ');
    }
  }
  return q;
}

// "check-ins", "e-mail", "log-in": the catalog may know the word written
// together ("checkin", "email"); then the joined form replaces the parts, which
// alone mean something else ("ins", "log"). `known` says whether it does.
template <class Known>
void join_hyphenated(std::string& q, Known&& known) {
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  for (size_t at = q.find('-'); at != std::string::npos; at = q.find('-', at + 1)) {
    if (at == 0 || at + 1 >= q.size() || !letter(q[at - 1]) || !letter(q[at + 1]))
      continue;
    size_t b = at, e = at + 1;
    while (b > 0 && letter(q[b - 1]))
      --b;
    while (e < q.size() && letter(q[e]))
      ++e;
    std::string joined = q.substr(b, at - b) + q.substr(at + 1, e - at - 1);
    if (known(joined)) {
      q.replace(b, e - b, joined);
      at = b;
    }
  }
}

struct query_word {
  std::string word;
  std::string term;
};

// A term the question looks for, with its weight (idf, less for fuzzy ones).
struct query_term {
  uint32_t term;
  float weight;
  uint32_t word; // index into the query's words
  bool fuzzy;
};

// A table kept by phase one: its score and, when boosted as a bridge, the
// two matched tables it joins.
struct candidate_table {
  uint32_t doc;
  float score;
  uint32_t bridge_a;
  uint32_t bridge_b;
  bool bridge;
};

struct candidate_source {
  uint32_t source;
  double score;
  uint32_t first; // into scratch::tables
  uint32_t count;
};

// Per-thread buffers reused by every rank(): the per-table arrays grow to the
// largest source once and are zeroed again after each source (via touched
// and bridged), so a query allocates almost nothing.
struct scratch {
  std::vector<float> score;
  std::vector<uint32_t> mask;
  std::vector<float> name_score;  // per table: table-name hits, before coverage
  std::vector<uint32_t> name_mask; // per table: words hitting its name
  std::vector<float> name_factor; // per table: share of name hits that counts
  std::vector<uint32_t> touched;
  std::vector<float> bridge_best;
  std::vector<float> bridge_second;
  std::vector<uint32_t> bridge_from;
  std::vector<uint32_t> bridge_from_second;
  std::vector<uint32_t> bridged;
  std::vector<uint32_t> candidates;
  std::vector<token> tokens;
  std::vector<query_word> words;
  std::vector<query_term> terms;
  std::vector<double> word_weight;
  std::vector<uint32_t> word_tables; // per word: tables of the source holding it
  std::vector<uint32_t> fuzzy;
  std::vector<candidate_table> tables;
  std::vector<candidate_source> sources;
  std::vector<float> contribution; // per aggregated table and word
  std::vector<float> best_word;    // per word: best hit among the counted tables
  std::vector<uint32_t> counted;   // tables counted in the source score
  std::vector<float> connected_words; // best_word over the best table and those joined to it
  uint32_t connected_mask = 0;     // words those tables hold
  std::vector<uint32_t> promoted;  // candidates (by position) listed first
  std::vector<uint8_t> used;       // per considered candidate: counted already
  std::vector<uint32_t> reordered;
  std::vector<uint32_t> linked;    // candidates past `consider` listed as links
  std::vector<uint32_t> order;     // considered candidates by their own score

  void ensure(size_t docs) {
    if (score.size() >= docs)
      return;
    score.resize(docs, 0);
    mask.resize(docs, 0);
    name_score.resize(docs, 0);
    name_mask.resize(docs, 0);
    name_factor.resize(docs, 1);
    bridge_best.resize(docs, 0);
    bridge_second.resize(docs, 0);
    bridge_from.resize(docs, 0);
    bridge_from_second.resize(docs, 0);
  }
};

scratch& thread_scratch() {
  thread_local scratch s;
  return s;
}

double idf(uint32_t df, size_t documents) {
  double n = static_cast<double>(documents);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

void add_reason(std::vector<match_reason>& why, const std::string& word, std::string hit) {
  for (auto& r : why)
    if (!word.empty() && r.word == word)
      return; // the strongest hit of each word is enough
  why.push_back(match_reason{word, std::move(hit)});
}

// Adds every query term's postings in one source; fills touched, score and
// mask, and returns the bits of the words found. Raw pointers: the compiler
// cannot keep thread_local vectors' data in registers across the stores.
uint32_t accumulate(const source_index& index, scratch& s) {
  float* score = s.score.data();
  uint32_t* mask = s.mask.data();
  float* name_score = s.name_score.data();
  uint32_t* name_mask = s.name_mask.data();
  uint32_t covered = 0;
  for (const auto& q : s.terms) {
    auto range = index.postings(q.term);
    if (range.empty())
      continue;
    const uint32_t bit = 1u << q.word;
    const float weight = q.weight;
    covered |= bit;
    s.word_tables[q.word] = std::max(s.word_tables[q.word],
                                     static_cast<uint32_t>(range.end - range.begin));
    for (auto p = range.begin; p != range.end; ++p) {
      if (mask[p->doc] == 0)
        s.touched.push_back(p->doc);
      if (source_index::in_table_name(*p)) {
        name_score[p->doc] += weight * p->impact;
        name_mask[p->doc] |= bit;
      } else {
        score[p->doc] += weight * p->impact;
      }
      mask[p->doc] |= bit;
    }
  }
  // Name hits count by how much of the name the question covers.
  for (auto d : s.touched) {
    if (name_mask[d] == 0)
      continue;
    const auto words = std::max<uint32_t>(1, index.name_length(d));
    const auto hits = std::min<uint32_t>(words, static_cast<uint32_t>(__builtin_popcount(name_mask[d])));
    const float f = (partial_name_floor
                     + (1 - partial_name_floor) * static_cast<float>(hits) / static_cast<float>(words))
                    * (1 + name_phrase_bonus * static_cast<float>(hits - 1));
    s.name_factor[d] = f;
    score[d] += name_score[d] * f;
  }
  return covered;
}

// Fills s.candidates with the tables that can make the top: the best
// `bridge_ends` matches, and the tables joined to two of them, lifted by the
// graph boost.
void select_candidates(const source_index& index, scratch& s) {
  float* score = s.score.data();
  uint32_t* mask = s.mask.data();
  auto better = [score](uint32_t a, uint32_t b) {
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  };
  const size_t ends = std::min(s.touched.size(), bridge_ends);
  std::partial_sort(s.touched.begin(), s.touched.begin() + ends, s.touched.end(), better);
  s.candidates.assign(s.touched.begin(), s.touched.begin() + ends);
  for (auto d : s.candidates)
    mask[d] |= candidate_bit;

  for (auto d : s.candidates) {
    const float sc = score[d];
    auto [nb, ne] = index.neighbors(d);
    for (auto n = nb; n != ne; ++n) {
      if (s.bridge_best[*n] == 0)
        s.bridged.push_back(*n);
      if (sc > s.bridge_best[*n]) {
        s.bridge_second[*n] = s.bridge_best[*n];
        s.bridge_from_second[*n] = s.bridge_from[*n];
        s.bridge_best[*n] = sc;
        s.bridge_from[*n] = d;
      } else if (sc > s.bridge_second[*n]) {
        s.bridge_second[*n] = sc;
        s.bridge_from_second[*n] = d;
      }
    }
  }
  const float floor = bridge_end_floor * (s.candidates.empty() ? 0.0f : score[s.candidates[0]]);
  for (auto n : s.bridged) {
    if (s.bridge_second[n] <= 0)
      continue;
    // Both ends strong, each bringing a word the other lacks: the bridge
    // links two parts of the question.
    const uint32_t a = mask[s.bridge_from[n]] & ~candidate_bit;
    const uint32_t b = mask[s.bridge_from_second[n]] & ~candidate_bit;
    if (s.bridge_second[n] < floor || (a & ~b) == 0 || (b & ~a) == 0) {
      s.bridge_second[n] = 0;
      continue;
    }
    if (mask[n] == 0) // matched nothing itself: reset it with the others
      s.touched.push_back(n);
    if (!(mask[n] & candidate_bit))
      s.candidates.push_back(n);
    mask[n] |= candidate_bit;
    score[n] += graph_weight * s.bridge_second[n];
  }
  std::sort(s.candidates.begin(), s.candidates.end(), better);
}

bool adjacent(const source_index& index, uint32_t a, uint32_t b) {
  auto [nb, ne] = index.neighbors(a);
  return std::find(nb, ne, b) != ne;
}

// True when `doc` is joined to a counted table, directly or through a
// candidate table (a bridge or another match): author and publication are
// one answer through writes, while two tables of a big source that only meet
// through some unmatched third table are not.
bool joined(const source_index& index, const scratch& s, uint32_t doc,
            const std::vector<uint32_t>& counted) {
  for (auto c : counted)
    if (adjacent(index, doc, c))
      return true;
  auto [nb, ne] = index.neighbors(doc);
  for (auto n = nb; n != ne; ++n) {
    if (!(s.mask[*n] & candidate_bit))
      continue;
    for (auto c : counted)
      if (adjacent(index, *n, c))
        return true;
  }
  return false;
}

// The source's score from its tables: the best table's score, then for each
// next candidate what it adds over the tables already counted (words they
// miss, or stronger hits), with decaying weight, much less when not joined to
// them.
//
// The tables' order is then chosen greedily: after the best table, the one
// adding most over those chosen, as long as it adds enough. The tables a
// question needs are usually one per thing it names, and the second-best
// table for an already covered word should rank below the best table for
// another. (The score keeps the candidates' own order: picking the best
// complement among many would reward a big source's scattered matches.)
double aggregate_tables_score(const source_index& index, scratch& s) {
  if (s.candidates.empty())
    return 0;
  const size_t words = s.words.size();
  const size_t consider = std::min(s.candidates.size(), aggregate_tables);
  s.contribution.assign(consider * words, 0);
  for (size_t i = 0; i < consider; ++i) {
    const auto d = s.candidates[i];
    for (const auto& q : s.terms) {
      if (!(s.mask[d] & (1u << q.word)))
        continue;
      if (auto p = index.find(q.term, d)) {
        auto& c = s.contribution[i * words + q.word];
        const float f = source_index::in_table_name(*p) ? s.name_factor[d] : 1.0f;
        c = std::max(c, q.weight * p->impact * f);
      }
    }
  }
  auto gain_of = [&](size_t i) {
    double gain = 0;
    for (size_t w = 0; w < words; ++w)
      gain += std::max(0.0f, s.contribution[i * words + w] - s.best_word[w]);
    return gain;
  };
  auto count = [&](size_t i) {
    for (size_t w = 0; w < words; ++w)
      s.best_word[w] = std::max(s.best_word[w], s.contribution[i * words + w]);
    s.counted.push_back(s.candidates[i]);
  };

  // The score starts from the table matching best by itself: a bridge's
  // boost ranks it among the tables but is no evidence for the source.
  auto own = [&](uint32_t d) {
    return s.score[d] - (s.bridge_second[d] > 0 ? graph_weight * s.bridge_second[d] : 0.0f);
  };
  s.order.resize(consider);
  for (size_t i = 0; i < consider; ++i)
    s.order[i] = static_cast<uint32_t>(i);
  std::stable_sort(s.order.begin(), s.order.end(), [&](uint32_t a, uint32_t b) {
    return own(s.candidates[a]) > own(s.candidates[b]);
  });
  const size_t first = s.order[0];
  const double best = s.score[s.candidates[0]];
  double score = own(s.candidates[first]);
  s.best_word.assign(s.contribution.begin() + first * words,
                     s.contribution.begin() + (first + 1) * words);
  s.connected_words = s.best_word;
  s.counted.assign(1, s.candidates[first]);
  size_t slot = 1;
  for (size_t k = 1; k < consider && slot < std::size(table_decay); ++k) {
    const size_t i = s.order[k];
    const double gain = gain_of(i);
    if (gain <= 0)
      continue;
    const bool linked = joined(index, s, s.candidates[i], s.counted);
    score += table_decay[slot++] * gain * (linked ? 1.0 : unjoined_factor);
    count(i);
    if (linked)
      for (size_t w = 0; w < words; ++w)
        s.connected_words[w] = std::max(s.connected_words[w], s.contribution[i * words + w]);
  }
  s.connected_mask = 0;
  for (size_t w = 0; w < words; ++w)
    if (s.connected_words[w] > 0)
      s.connected_mask |= 1u << w;

  s.best_word.assign(s.contribution.begin(), s.contribution.begin() + words);
  s.counted.assign(1, s.candidates[0]);
  s.promoted.assign(1, 0);
  s.used.assign(consider, 0);
  s.used[0] = 1;
  for (size_t slot = 1; slot < std::size(table_decay); ++slot) {
    size_t pick = consider;
    double pick_value = 0;
    for (size_t i = 1; i < consider; ++i) {
      if (s.used[i])
        continue;
      const double gain = gain_of(i);
      if (gain <= 0)
        continue;
      const double value = gain * (joined(index, s, s.candidates[i], s.counted) ? 1.0 : unjoined_factor);
      if (value > pick_value) {
        pick_value = value;
        pick = i;
      }
    }
    if (pick == consider || pick_value < promote_share * best)
      break;
    count(pick);
    s.used[pick] = 1;
    s.promoted.push_back(static_cast<uint32_t>(pick));
  }
  // Promoted tables first, then the tables joining two of them that are not
  // joined directly (the question needs the link), then the rest by score.
  if (s.promoted.size() > 1) {
    s.reordered.clear();
    std::fill(s.used.begin(), s.used.end(), 0);
    for (auto i : s.promoted) {
      s.reordered.push_back(s.candidates[i]);
      s.used[i] = 1;
    }
    const size_t promoted = s.reordered.size();
    for (size_t i = 0; i < s.candidates.size(); ++i) {
      if (i < consider && s.used[i])
        continue;
      const auto d = s.candidates[i];
      bool links = false;
      for (size_t a = 0; a < promoted && !links; ++a)
        for (size_t b = a + 1; b < promoted && !links; ++b)
          links = adjacent(index, d, s.reordered[a]) && adjacent(index, d, s.reordered[b])
                  && !adjacent(index, s.reordered[a], s.reordered[b]);
      if (links) {
        s.reordered.push_back(d);
        if (i < consider)
          s.used[i] = 1;
        else
          s.linked.push_back(d);
      }
    }
    for (size_t i = 0; i < s.candidates.size(); ++i) {
      const auto d = s.candidates[i];
      if (i < consider ? !s.used[i]
                       : std::find(s.linked.begin(), s.linked.end(), d) == s.linked.end())
        s.reordered.push_back(d);
    }
    s.linked.clear();
    s.candidates.swap(s.reordered);
  }
  return score;
}

// The data source's own name and description; returns the score, sets the
// covered words' bits.
double score_description(const source_index& index, const scratch& s, uint32_t& covered) {
  double score = 0;
  const auto& description = index.description_terms();
  for (const auto& q : s.terms) {
    auto it = std::lower_bound(
      description.begin(), description.end(), q.term,
      [](const source_index::description_term& d, uint32_t t) { return d.term < t; });
    if (it == description.end() || it->term != q.term)
      continue;
    score += q.weight * it->impact;
    covered |= 1u << q.word;
  }
  return score;
}

// Turns a phase-one candidate into the message: names, scores, reasons.
source_match materialize(const source_index& index, const candidate_source& c,
                         const scratch& s, size_t max_tables) {
  const auto& model = index.model();
  source_match match;
  match.data_source = model.data_source;
  match.description = model.description;
  match.score = c.score;
  const auto& description = index.description_terms();
  for (const auto& q : s.terms) {
    for (const auto& d : description) {
      if (d.term != q.term)
        continue;
      add_reason(match.why, s.words[q.word].word,
                 (d.in_name ? "data source " : "description of data source ")
                   + model.data_source + (q.fuzzy ? " (fuzzy)" : ""));
    }
  }
  for (uint32_t i = 0; i < c.count && i < max_tables; ++i) {
    const auto& ct = s.tables[c.first + i];
    table_match t;
    t.table = model.tables[ct.doc].name;
    t.score = ct.score;
    for (const auto& q : s.terms)
      if (auto p = index.find(q.term, ct.doc))
        add_reason(t.why, s.words[q.word].word,
                   index.describe(ct.doc, p->origin) + (q.fuzzy ? " (fuzzy)" : ""));
    if (ct.bridge)
      add_reason(t.why, "",
                 "joins " + model.tables[ct.bridge_a].name + " and "
                   + model.tables[ct.bridge_b].name);
    for (const auto& r : t.why)
      if (match.why.size() < max_source_reasons)
        add_reason(match.why, r.word, r.hit);
    match.tables.push_back(std::move(t));
  }
  return match;
}

} // namespace

discovery_result catalog::rank(std::string_view question, size_t max_tables) const {
  const auto started = std::chrono::steady_clock::now();
  auto finish = [&](discovery_result r) {
    r.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                             - started)
                     .count();
    return r;
  };
  auto& s = thread_scratch();

  // Words of the question, once each.
  s.tokens.clear();
  auto text = without_presentation(question);
  join_hyphenated(text, [&](const std::string& joined) {
    s.tokens.clear();
    tokenize(joined, text_kind::schema, s.tokens);
    if (s.tokens.size() != 1)
      return false;
    auto id = dictionary_.find(s.tokens[0].term);
    return id != term_dictionary::npos && id < document_frequency_.size()
           && document_frequency_[id] > 0;
  });
  s.tokens.clear();
  tokenize(text, text_kind::question, s.tokens);
  s.words.clear();
  for (auto& t : s.tokens) {
    if (s.words.size() == max_query_words)
      break;
    bool seen = std::any_of(s.words.begin(), s.words.end(),
                            [&](const query_word& w) { return w.term == t.term; });
    if (!seen)
      s.words.push_back(query_word{t.word, t.term});
  }

  // Terms to look up: each word itself, or its near spellings when the
  // catalog has never seen it. Tables and source descriptions form one
  // collection for idf.
  const size_t documents = table_count_ + sources_.size();
  auto live = [&](uint32_t id) {
    return id != term_dictionary::npos && id < document_frequency_.size()
           && document_frequency_[id] > 0;
  };
  // The question's coverage counts words by how few sources hold them.
  auto source_idf = [&](uint32_t id) {
    const double n = static_cast<double>(sources_.size());
    const double sf = id < source_frequency_.size() ? source_frequency_[id] : 0;
    return std::log(1.0 + (n - sf + 0.5) / (sf + 0.5));
  };
  s.terms.clear();
  s.word_weight.assign(s.words.size(), 0);
  for (uint32_t w = 0; w < s.words.size(); ++w) {
    const auto& word = s.words[w];
    const float word_factor = is_temporal(word.word) ? temporal_factor : 1.0f;
    auto id = dictionary_.find(word.term);
    if (live(id)) {
      auto weight = word_factor * static_cast<float>(idf(document_frequency_[id], documents));
      s.terms.push_back(query_term{id, weight, w, false});
      s.word_weight[w] = word_factor * source_idf(id);
      continue;
    }
    if (word.word.size() < min_fuzzy_word)
      continue;
    s.fuzzy.clear();
    dictionary_.fuzzy(word.term, s.fuzzy);
    size_t taken = 0;
    for (auto candidate : s.fuzzy) {
      if (!live(candidate) || taken == max_fuzzy_candidates)
        continue;
      auto weight = fuzzy_penalty
                    * static_cast<float>(idf(document_frequency_[candidate], documents));
      s.terms.push_back(query_term{candidate, weight, w, true});
      s.word_weight[w] = std::max(s.word_weight[w], fuzzy_penalty * source_idf(candidate));
      ++taken;
    }
  }
  if (s.terms.empty())
    return finish({});
  double question_weight = 0;
  for (auto w : s.word_weight)
    question_weight += w;

  // Phase one: score every source; keep only ids and numbers.
  s.tables.clear();
  s.sources.clear();
  const size_t keep_tables = std::max<size_t>(max_tables, 3);
  for (uint32_t si = 0; si < sources_.size(); ++si) {
    const auto& index = *sources_[si];
    s.ensure(index.table_count());
    s.touched.clear();
    s.bridged.clear();
    s.word_tables.assign(s.words.size(), 0);
    uint32_t covered = accumulate(index, s);
    uint32_t described = 0;
    const double description_score = score_description(index, s, described);
    if (s.touched.empty() && description_score == 0)
      continue;
    select_candidates(index, s);

    const size_t keep = std::min(s.candidates.size(), keep_tables);
    s.connected_mask = 0;
    double score = description_score + aggregate_tables_score(index, s);
    // Words the best table, the tables joined to it or the description hold
    // cover the question; words only some unrelated table holds, half.
    const uint32_t strong = described | s.connected_mask;
    covered |= strong;
    double covered_weight = 0;
    for (uint32_t w = 0; w < s.words.size(); ++w)
      if (covered & (1u << w))
        covered_weight += s.word_weight[w] * (strong & (1u << w) ? 1.0 : scattered_cover);
    score *= coverage_floor + (1 - coverage_floor) * covered_weight / question_weight;
    if (question_weight > 0) {
      double focus = 0;
      const double n = std::max<uint32_t>(1, index.table_count());
      for (uint32_t w = 0; w < s.words.size(); ++w)
        if (s.word_tables[w])
          focus += s.word_weight[w] * std::log1p(focus_scale * s.word_tables[w] / n)
                   / std::log1p(focus_scale);
      score *= 1 - focus_weight + focus_weight * std::min(1.0, focus / question_weight);
    }

    s.sources.push_back(candidate_source{si, score, static_cast<uint32_t>(s.tables.size()),
                                         static_cast<uint32_t>(keep)});
    for (size_t i = 0; i < keep; ++i) {
      auto d = s.candidates[i];
      bool bridge = s.bridge_second[d] > 0;
      s.tables.push_back(
        candidate_table{d, s.score[d], s.bridge_from[d], s.bridge_from_second[d], bridge});
    }

    // Leave the arrays zeroed for the next source.
    for (auto d : s.touched) {
      s.score[d] = 0;
      s.mask[d] = 0;
      s.name_score[d] = 0;
      s.name_mask[d] = 0;
      s.name_factor[d] = 1;
    }
    for (auto n : s.bridged) {
      s.bridge_best[n] = 0;
      s.bridge_second[n] = 0;
    }
  }

  // Phase two: order the sources, decide, and spell out the best few.
  std::sort(s.sources.begin(), s.sources.end(),
            [&](const candidate_source& a, const candidate_source& b) {
              if (a.score != b.score)
                return a.score > b.score;
              return sources_[a.source]->model().data_source
                     < sources_[b.source]->model().data_source;
            });
  discovery_result result;
  if (!s.sources.empty()) {
    const double top = s.sources[0].score;
    const double second = s.sources.size() > 1 ? s.sources[1].score : 0;
    result.clear_winner = top >= clear_winner_floor && top >= clear_winner_ratio * second;
  }
  for (size_t i = 0; i < s.sources.size() && i < max_sources; ++i)
    result.sources.push_back(materialize(*sources_[s.sources[i].source], s.sources[i], s,
                                         max_tables));
  return finish(std::move(result));
}

} // namespace medha::discovery
