#include "actors/discovery/source_index.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "actors/discovery/tokenizer.hpp"

namespace medha::discovery {

namespace {

constexpr size_t field_count = 6;

// BM25F weights, by field: a word in a table's name says more about the table
// than the same word in a column name, a glossary entry, a comment or a
// sampled value, in that order. The table name stands far above the rest: a
// table named after a thing is about it, while in a catalog of thousands of
// tables some column somewhere mentions every word ("restaurant_fee" in a
// table of nurses). A foreign key column ("orders.customer_id") names the
// table it points at: the word is about this table only in passing. Values
// weigh least: one sampled value can hide in any of a source's columns.
constexpr std::array<float, field_count> field_weight = {8.0f, 2.5f, 1.2f, 2.0f, 1.0f, 0.5f};
// Length normalisation per field: names are short and similar in length, so
// they barely normalise; comments vary most.
constexpr std::array<float, field_count> field_b = {0.3f, 0.5f, 0.5f, 0.3f, 0.6f, 0.5f};
// Saturation. Higher than the textbook 1.2 so the field weights still tell
// apart after saturation (per hit: table name 3.3, column 1.9, value 0.56).
constexpr float k1 = 4.0f;
// Only low-cardinality columns carry values; the bound keeps one wide
// enumeration from swamping its table's document.
constexpr size_t max_values_per_column = 1000;

constexpr uint32_t element_mask = (1u << 29) - 1;

uint32_t make_origin(field f, uint32_t element) {
  return (static_cast<uint32_t>(f) << 29) | (element & element_mask);
}

field origin_field(uint32_t origin) { return static_cast<field>(origin >> 29); }
uint32_t origin_element(uint32_t origin) { return origin & element_mask; }

float saturate(float weighted_tf) { return weighted_tf * (k1 + 1) / (k1 + weighted_tf); }

// One word found in one table, before postings are grouped.
struct occurrence {
  uint32_t term;
  uint32_t doc;
  uint32_t origin;
  uint32_t seq; // emission order: the first occurrence names the match
};

// Collects the occurrences of a model's words, table by table.
class occurrence_builder {
public:
  occurrence_builder(term_dictionary& dictionary, size_t tables)
    : dictionary_(dictionary), lengths_(tables * field_count, 0) {}

  void add(std::string_view text, uint32_t doc, field f, uint32_t element) {
    words_.clear();
    tokenize_terms(text, text_kind::schema, words_);
    for (auto& w : words_) {
      auto id = dictionary_.intern(w);
      out_.push_back(occurrence{id, doc, make_origin(f, element),
                                static_cast<uint32_t>(out_.size())});
      ++lengths_[doc * field_count + static_cast<size_t>(f)];
    }
  }

  std::vector<occurrence>& occurrences() { return out_; }
  uint32_t length(uint32_t doc, size_t f) const { return lengths_[doc * field_count + f]; }

private:
  term_dictionary& dictionary_;
  std::vector<std::string> words_;
  std::vector<occurrence> out_;
  std::vector<uint32_t> lengths_; // tokens per (table, field)
};

// A value names a category ("West", "New York", "Machine Learning") when it
// is a few words; longer ones are sentences (descriptions, messages, school
// names) whose common words would match questions by chance.
constexpr size_t max_value_words = 3;

bool is_category_value(const std::string& value) {
  size_t words = 0;
  bool in_word = false;
  for (char c : value) {
    bool letter = c != ' ' && c != '\t' && c != ',' && c != '-' && c != '/';
    if (letter && !in_word && ++words > max_value_words)
      return false;
    in_word = letter;
  }
  return true;
}

// Glued names ("sbcustomer", "sbdailyprice", "custname"), as PostgreSQL
// folds unquoted camelCase to lower case, hide their words from the index.
// The source's own prose (comments, descriptions) says which words it uses:
// a name token is split into the known words it contains, covering as many
// of its letters as possible.
constexpr size_t min_compound = 6;   // shorter tokens are words already
constexpr size_t min_component = 4;  // shorter parts ("sb", "tx") stay unsplit

// Words common in business schemas of every trade (no trade's own terms),
// known before any comment is read, so glued names split even in a database
// with no comments at all.
constexpr std::string_view common_schema_words[] = {
  "account", "activity", "address", "agent", "amount", "answer", "application", "appointment",
  "area", "article", "asset", "balance", "bank", "batch", "benefit", "bill", "billing", "birth",
  "booking", "branch", "brand", "budget", "building", "business", "buyer", "campaign", "card",
  "category", "channel", "charge", "city", "claim", "class", "client", "close", "code", "comment",
  "commission", "company", "contact", "contract", "cost", "count", "country", "county", "coupon",
  "credit", "currency", "customer", "daily", "date", "debit", "delivery", "department", "deposit",
  "description", "detail", "device", "discount", "domain", "driver", "duration", "email",
  "employee", "end", "event", "exchange", "expense", "fee", "first", "gender", "group", "high",
  "hour", "image", "income", "insurance", "inventory", "invoice", "item", "label", "language",
  "last", "lead", "ledger", "level", "limit", "line", "list", "loan", "location", "login", "low",
  "manager", "market", "member", "message", "method", "model", "month", "name", "note", "number",
  "offer", "office", "open", "order", "organization", "owner", "parent", "partner", "payment",
  "period", "person", "phone", "plan", "policy", "postal", "price", "product", "profile",
  "program", "project", "purchase", "quantity", "quarter", "rate", "rating", "reason", "record",
  "refund", "region", "report", "request", "reservation", "return", "revenue", "review", "role",
  "room", "salary", "sale", "sales", "score", "segment", "seller", "service", "session", "setting",
  "share", "shipment", "shipping", "size", "sku", "source", "start", "state", "status", "stock",
  "store", "street", "subscription", "supplier", "task", "team", "term", "ticket", "time", "title",
  "token", "total", "transaction", "transfer", "type", "unit", "user", "value", "vendor", "visit",
  "volume", "warehouse", "week", "weight", "year", "zip", "join", "created", "updated", "deleted",
  "active",
};

// Abbreviations schemas use for common words: a name token equal to one, or a
// glued part of three letters or more, also counts as the word.
constexpr std::pair<std::string_view, std::string_view> schema_abbreviations[] = {
  {"cust", "customer"}, {"txn", "transaction"}, {"tx", "transaction"},
  {"amt", "amount"},    {"qty", "quantity"},    {"addr", "address"},
  {"acct", "account"},  {"emp", "employee"},    {"dept", "department"},
  {"prod", "product"},  {"pmt", "payment"},     {"inv", "invoice"},
  {"dob", "birth"},     {"cat", "category"},    {"desc", "description"},
  {"num", "number"},    {"pct", "percent"},     {"org", "organization"},
};

class decompounder {
public:
  decompounder() {
    for (auto w : common_schema_words)
      words_.emplace(w);
    for (auto& [abbreviation, word] : schema_abbreviations)
      if (abbreviation.size() >= 3)
        words_.emplace(abbreviation);
  }

  // Words of prose, cut at camelCase humps too: a comment that mentions
  // "sbCustomer" teaches "customer", not the glued name.
  void learn(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !is_lower_letter(lower(text[i])))
        ++i;
      std::string word;
      while (i < text.size() && is_lower_letter(lower(text[i]))) {
        if (!word.empty() && text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a'
            && text[i - 1] <= 'z')
          break;
        word += lower(text[i++]);
      }
      if (word.size() >= min_component)
        words_.insert(std::move(word));
    }
  }

  /// Prose that names a table or column in lower case ("join sbcustomer to
  /// sbtransaction") must not make the glued name a known word: a name token
  /// is forgotten when known words make it up ("course" stays).
  void forget(std::string_view name) {
    std::string word;
    auto drop = [&]() {
      if (word.size() >= min_compound && words_.erase(word)) {
        std::string parts;
        split_token(word, parts);
        if (parts.empty())
          words_.insert(word);
      }
      word.clear();
    };
    for (char c : name) {
      if (is_lower_letter(lower(c)))
        word += lower(c);
      else
        drop();
    }
    drop();
  }

  // Calls f with each run of letters in `name`, lower-cased.
  template <class F>
  static void each_token(std::string_view name, F f) {
    size_t i = 0;
    while (i < name.size()) {
      while (i < name.size() && !is_lower_letter(lower(name[i])))
        ++i;
      std::string token;
      while (i < name.size() && is_lower_letter(lower(name[i])))
        token += lower(name[i++]);
      if (!token.empty())
        f(token);
    }
  }

  // The known words of one glued token ("sbcustomer" -> "customer", an
  // abbreviation spelled out); empty when there is nothing to add.
  std::string parts_of(const std::string& token) const {
    std::string parts;
    if (auto word = expand(token); !word.empty())
      parts = word;
    else if (token.size() >= min_compound && !words_.count(token))
      split_token(token, parts);
    return parts;
  }

  // The known words inside `name`'s glued tokens, space-separated; empty
  // when there is nothing to add.
  std::string split(std::string_view name) const {
    std::string out;
    each_token(name, [&](const std::string& token) {
      if (auto parts = parts_of(token); !parts.empty())
        out += (out.empty() ? "" : " ") + parts;
    });
    return out;
  }

  // `name` with each glued token replaced by the known words inside it and
  // abbreviations spelled out: the words the name is made of
  // ("sbcustomer" -> "customer", "payments_made" -> "payments made").
  std::string words_of_name(std::string_view name) const {
    std::string out;
    each_token(name, [&](const std::string& token) {
      auto parts = parts_of(token);
      out += (out.empty() ? "" : " ") + (parts.empty() ? token : parts);
    });
    return out;
  }

  static std::string_view expand(std::string_view part) {
    for (auto& [abbreviation, word] : schema_abbreviations)
      if (part == abbreviation)
        return word;
    return {};
  }

private:
  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

  void split_token(const std::string& t, std::string& out) const {
    const size_t n = t.size();
    // covered[i]: most letters of t[0, i) covered by known words; from[i]:
    // where the word ending at i starts, or npos when letter i-1 is skipped.
    std::vector<size_t> covered(n + 1, 0), from(n + 1, std::string::npos);
    for (size_t i = 1; i <= n; ++i) {
      covered[i] = covered[i - 1];
      for (size_t j = 0; j + min_component <= i; ++j) {
        if (i - j == n)
          continue; // the whole token is not a known word (checked above)
        if (covered[j] + (i - j) > covered[i] && words_.count(t.substr(j, i - j))) {
          covered[i] = covered[j] + (i - j);
          from[i] = j;
        }
      }
    }
    std::vector<std::string> parts;
    for (size_t i = n; i > 0;) {
      if (from[i] == std::string::npos) {
        --i;
        continue;
      }
      parts.push_back(t.substr(from[i], i - from[i]));
      i = from[i];
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      auto word = expand(*it);
      out += (out.empty() ? "" : " ") + (word.empty() ? *it : std::string{word});
    }
  }

  std::unordered_set<std::string> words_;
};

// The description's prose without the identifiers it quotes: notes like
// "`sales.id` can be joined with `sale_id` from `payments_received`" name
// tables and columns the index has already, and their words ("received")
// would make the description look like it is about them. A token is an
// identifier when it has an underscore, a dot between letters, a camelCase
// hump, or sits in backticks.
std::string prose_of(const std::string& text) {
  std::string out = text;
  auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '`';
  };
  size_t i = 0;
  while (i < out.size()) {
    if (!word_char(out[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    bool identifier = false;
    for (; e < out.size() && word_char(out[e]); ++e) {
      const char c = out[e];
      if (c == '_' || c == '`')
        identifier = true;
      else if (c == '.' && e > i && e + 1 < out.size()
               && std::isalpha(static_cast<unsigned char>(out[e - 1]))
               && std::isalpha(static_cast<unsigned char>(out[e + 1])))
        identifier = true;
      else if (e > i && std::isupper(static_cast<unsigned char>(c))
               && std::islower(static_cast<unsigned char>(out[e - 1])))
        identifier = true;
    }
    if (identifier)
      std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(e), ' ');
    i = e;
  }
  return out;
}

std::string table_of_target(const std::string& target) {
  auto dot = target.find('.');
  return dot == std::string::npos ? target : target.substr(0, dot);
}

} // namespace

source_index::source_index(std::shared_ptr<const semantic_model> model,
                           term_dictionary& dictionary)
  : model_(std::move(model)) {
  build(dictionary);
  build_graph();
  build_description(dictionary);
}

void source_index::build(term_dictionary& dictionary) {
  const auto& tables = model_->tables;
  const auto n = static_cast<uint32_t>(tables.size());
  std::unordered_map<std::string, uint32_t> doc_of;
  doc_of.reserve(n);
  for (uint32_t d = 0; d < n; ++d)
    doc_of.emplace(tables[d].name, d);

  decompounder glue;
  glue.learn(model_->description);
  for (const auto& t : tables) {
    glue.learn(t.comment);
    for (const auto& col : t.columns)
      glue.learn(col.comment);
  }
  for (const auto& m : model_->metrics)
    glue.learn(m.description);
  for (const auto& t : tables) {
    glue.forget(t.name);
    for (const auto& col : t.columns)
      glue.forget(col.name);
  }

  occurrence_builder b(dictionary, n);
  name_length_.assign(n, 0);
  std::vector<std::string> name_terms;
  for (uint32_t d = 0; d < n; ++d) {
    const auto& t = tables[d];
    name_terms.clear();
    tokenize_terms(glue.words_of_name(t.name), text_kind::schema, name_terms);
    std::sort(name_terms.begin(), name_terms.end());
    name_terms.erase(std::unique(name_terms.begin(), name_terms.end()), name_terms.end());
    name_length_[d] = static_cast<uint8_t>(std::min<size_t>(name_terms.size(), 255));
    b.add(t.name, d, field::table_name, 0);
    b.add(glue.split(t.name), d, field::table_name, 0);
    b.add(t.comment, d, field::comment, 0);
    for (uint32_t c = 0; c < t.columns.size(); ++c) {
      const auto& col = t.columns[c];
      const field name_field = col.role == column_role::identifier && !col.primary_key
                                 ? field::key_column
                                 : field::column_name;
      b.add(col.name, d, name_field, c);
      b.add(glue.split(col.name), d, name_field, c);
      b.add(col.comment, d, field::comment, c + 1);
      auto values = std::min(col.values.size(), max_values_per_column);
      for (size_t v = 0; v < values; ++v)
        if (is_category_value(col.values[v]))
          b.add(col.values[v], d, field::value, c);
    }
  }

  // Business words belong to the table that computes or holds their target.
  // A description's element points past the table's columns at the label.
  auto add_business = [&](uint32_t d, std::string label, const std::vector<std::string>& names,
                          const std::string& description) {
    auto label_index = static_cast<uint32_t>(business_labels_.size());
    business_labels_.push_back(std::move(label));
    for (auto& name : names)
      b.add(name, d, field::business, label_index);
    auto columns = static_cast<uint32_t>(tables[d].columns.size());
    b.add(description, d, field::comment, columns + 1 + label_index);
  };
  std::unordered_map<std::string, uint32_t> metric_doc;
  for (const auto& m : model_->metrics) {
    auto it = doc_of.find(m.table);
    if (it == doc_of.end())
      continue;
    metric_doc.emplace(m.name, it->second);
    std::vector<std::string> names = m.synonyms;
    names.push_back(m.name);
    add_business(it->second, "metric " + m.name, names, m.description);
  }
  for (const auto& g : model_->glossary) {
    uint32_t d;
    if (auto it = doc_of.find(table_of_target(g.target)); it != doc_of.end())
      d = it->second;
    else if (auto mt = metric_doc.find(g.target); mt != metric_doc.end())
      d = mt->second;
    else
      continue; // names nothing this index knows; sqlgen may still use it
    std::vector<std::string> names = g.synonyms;
    names.push_back(g.term);
    add_business(d, "glossary " + g.term + " -> " + g.target, names, {});
  }
  for (const auto& r : model_->rules) {
    if (auto it = doc_of.find(r.table); it != doc_of.end())
      add_business(it->second, "rule on " + r.table, {}, r.description);
  }

  // Average field lengths for BM25F normalisation, within this source.
  std::array<double, field_count> average{};
  for (uint32_t d = 0; d < n; ++d)
    for (size_t f = 0; f < field_count; ++f)
      average[f] += b.length(d, f);
  for (auto& a : average)
    a = (n == 0 || a == 0) ? 1.0 : a / n;

  auto& occ = b.occurrences();
  std::sort(occ.begin(), occ.end(), [](const occurrence& x, const occurrence& y) {
    if (x.term != y.term)
      return x.term < y.term;
    if (x.doc != y.doc)
      return x.doc < y.doc;
    if (x.origin >> 29 != y.origin >> 29)
      return x.origin >> 29 < y.origin >> 29;
    return x.seq < y.seq;
  });

  postings_.reserve(occ.size() / 2);
  for (size_t i = 0; i < occ.size();) {
    const auto term = occ[i].term;
    const auto doc = occ[i].doc;
    // The strongest field comes first: its first occurrence names the match.
    const auto origin = occ[i].origin;
    std::array<uint32_t, field_count> tf{};
    for (; i < occ.size() && occ[i].term == term && occ[i].doc == doc; ++i)
      ++tf[occ[i].origin >> 29];
    float weighted = 0;
    for (size_t f = 0; f < field_count; ++f) {
      if (tf[f] == 0)
        continue;
      float norm = 1 - field_b[f] + field_b[f] * static_cast<float>(b.length(doc, f) / average[f]);
      weighted += field_weight[f] * static_cast<float>(tf[f]) / norm;
    }
    if (terms_.empty() || terms_.back().term != term)
      terms_.push_back(term_entry{term, static_cast<uint32_t>(postings_.size()), 0});
    postings_.push_back(posting{doc, saturate(weighted), origin});
    ++terms_.back().count;
  }
  postings_.shrink_to_fit();
}

void source_index::build_graph() {
  const auto n = table_count();
  std::unordered_map<std::string, uint32_t> doc_of;
  for (uint32_t d = 0; d < n; ++d)
    doc_of.emplace(model_->tables[d].name, d);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (const auto& r : model_->relationships) {
    auto from = doc_of.find(r.from_table);
    auto to = doc_of.find(r.to_table);
    if (from == doc_of.end() || to == doc_of.end() || from->second == to->second)
      continue;
    edges.emplace_back(from->second, to->second);
    edges.emplace_back(to->second, from->second);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  neighbor_offsets_.assign(n + 1, 0);
  for (auto& e : edges)
    ++neighbor_offsets_[e.first + 1];
  for (uint32_t d = 0; d < n; ++d)
    neighbor_offsets_[d + 1] += neighbor_offsets_[d];
  neighbors_.reserve(edges.size());
  for (auto& e : edges)
    neighbors_.push_back(e.second);
}

void source_index::build_description(term_dictionary& dictionary) {
  // The source's own name counts like a table name, its description like a
  // comment: "sales" in a question points at the data source called sales.
  std::vector<std::pair<uint32_t, float>> weights;
  std::vector<std::pair<uint32_t, bool>> names;
  std::vector<std::string> words;
  auto add = [&](const std::string& text, field f) {
    words.clear();
    tokenize_terms(text, text_kind::schema, words);
    for (auto& w : words) {
      auto id = dictionary.intern(w);
      weights.emplace_back(id, field_weight[static_cast<size_t>(f)]);
      names.emplace_back(id, f == field::table_name);
    }
  };
  add(model_->data_source, field::table_name);
  add(prose_of(model_->description), field::comment);
  std::sort(weights.begin(), weights.end());
  std::sort(names.begin(), names.end());
  for (size_t i = 0; i < weights.size();) {
    auto term = weights[i].first;
    float sum = 0;
    bool in_name = false;
    for (; i < weights.size() && weights[i].first == term; ++i) {
      sum += weights[i].second;
      in_name = in_name || names[i].second;
    }
    description_.push_back(description_term{term, saturate(sum), in_name});
  }
}

source_index::posting_range source_index::postings(uint32_t term) const {
  auto it = std::lower_bound(terms_.begin(), terms_.end(), term,
                             [](const term_entry& e, uint32_t t) { return e.term < t; });
  if (it == terms_.end() || it->term != term)
    return {};
  return {postings_.data() + it->offset, postings_.data() + it->offset + it->count};
}

const posting* source_index::find(uint32_t term, uint32_t doc) const {
  auto range = postings(term);
  auto it = std::lower_bound(range.begin, range.end, doc,
                             [](const posting& p, uint32_t d) { return p.doc < d; });
  return it != range.end && it->doc == doc ? it : nullptr;
}

std::string source_index::describe(uint32_t doc, uint32_t origin) const {
  const auto& t = model_->tables[doc];
  const auto e = origin_element(origin);
  switch (origin_field(origin)) {
    case field::table_name:
      return "table " + t.name;
    case field::column_name:
    case field::key_column:
      return "column " + t.name + "." + t.columns[e].name;
    case field::business:
      return business_labels_[e];
    case field::comment:
      if (e == 0)
        return "comment of table " + t.name;
      if (e <= t.columns.size())
        return "comment of " + t.name + "." + t.columns[e - 1].name;
      return "description of " + business_labels_[e - t.columns.size() - 1];
    case field::value:
      return "value of " + t.name + "." + t.columns[e].name;
  }
  return t.name;
}

} // namespace medha::discovery
