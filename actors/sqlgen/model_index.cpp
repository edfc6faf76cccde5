#include "actors/sqlgen/model_index.hpp"

#include <algorithm>
#include <list>
#include <mutex>

#include "actors/sqlgen/indexed_model.hpp"
#include "actors/sqlgen/words.hpp"

namespace medha::sqlgen {

namespace {

// A hash over everything the index is built from, so two models that share
// a data source and schema version but differ (pruned, another model file)
// never share an entry.
struct fingerprint {
  uint64_t h = 1469598103934665603ull;
  void add(uint64_t n) {
    h ^= n + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  void add(std::string_view s) { add(std::hash<std::string_view>{}(s)); }
};

uint64_t fingerprint_of(const semantic_model& m) {
  fingerprint f;
  f.add(m.tables.size());
  for (auto& t : m.tables) {
    f.add(t.name);
    f.add(t.columns.size());
    // Sizes stand in for the values and comments: hashing every value's text
    // would cost more than a question does.
    uint64_t sizes = 0;
    for (auto& c : t.columns) {
      sizes = sizes * 31 + c.name.size() + c.comment.size() * 7 + c.values.size() * 1000003ull;
      for (auto& v : c.values)
        sizes += v.size();
    }
    f.add(sizes);
  }
  f.add(m.relationships.size());
  for (auto& r : m.relationships) {
    f.add(r.from_table);
    f.add(r.to_table);
  }
  for (auto& x : m.metrics) {
    f.add(x.name);
    f.add(x.expression);
    for (auto& s : x.synonyms)
      f.add(s);
  }
  for (auto& g : m.glossary) {
    f.add(g.term);
    f.add(g.target);
    for (auto& s : g.synonyms)
      f.add(s);
  }
  for (auto& e : m.examples)
    f.add(e.question);
  return f.h;
}

struct cache_key {
  std::string data_source;
  uint64_t schema_version = 0;
  uint64_t fingerprint = 0;
  bool operator==(const cache_key& o) const {
    return schema_version == o.schema_version && fingerprint == o.fingerprint
           && data_source == o.data_source;
  }
};

// Most recently used first; a handful of entries covers the data sources one
// worker serves.
constexpr size_t cache_capacity = 16;

} // namespace

model_index::model_index(const semantic_model& model) : names_(model) {
  for (size_t i = 0; i < model.tables.size(); ++i) {
    tables_.emplace(model.tables[i].name, i);
    auto words = split_words(model.tables[i].name);
    if (!words.empty())
      heads_[stem(words.back())].push_back(i);
  }
  for (size_t i = 0; i < model.relationships.size(); ++i) {
    auto& r = model.relationships[i];
    edges_[r.from_table].push_back(i);
    if (r.to_table != r.from_table)
      edges_[r.to_table].push_back(i);
  }
  for (auto& e : model.examples)
    examples_.push_back(example_signature(e.question));
}

const table_info* model_index::table(const semantic_model& model, const std::string& name) const {
  auto it = tables_.find(name);
  if (it == tables_.end() || it->second >= model.tables.size())
    return nullptr;
  return &model.tables[it->second];
}

const std::vector<size_t>& model_index::edges(const std::string& table) const {
  static const std::vector<size_t> none;
  auto it = edges_.find(table);
  return it == edges_.end() ? none : it->second;
}

const std::vector<size_t>& model_index::tables_headed_by(const std::string& head) const {
  static const std::vector<size_t> none;
  auto it = heads_.find(head);
  return it == heads_.end() ? none : it->second;
}

// The question's content words in the order said: "trains from Leeds to York"
// and "from York to Leeds" name the same words in different roles, so a bag of
// words would give one the other's SQL.
std::vector<std::string> example_signature(std::string_view question) {
  std::vector<std::string> out;
  auto tokens = tokenize(normalize_question(question));
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    // Words that give a value its role stay ("from", "to", "before", "not").
    static const char* roles[] = {"from", "to", "before", "after", "since", "until", "not", "no", "without"};
    bool role = !t.quoted && std::any_of(std::begin(roles), std::end(roles), [&](const char* w) { return t.text == w; });
    if (t.quoted || role || !is_stopword(t.text))
      out.push_back(t.quoted ? t.text : t.stem);
  }
  return out;
}

std::shared_ptr<const model_index> index_for(const semantic_model& model) {
  static std::mutex mutex;
  static std::list<std::pair<cache_key, std::shared_ptr<const model_index>>> entries;
  cache_key key{model.data_source, model.schema_version, fingerprint_of(model)};
  {
    std::lock_guard<std::mutex> lock(mutex);
    for (auto it = entries.begin(); it != entries.end(); ++it)
      if (it->first == key) {
        entries.splice(entries.begin(), entries, it);
        return entries.front().second;
      }
  }
  // Built outside the lock: a second caller may build the same index, which
  // is wasted work but never a wrong answer.
  auto index = std::make_shared<const model_index>(model);
  std::lock_guard<std::mutex> lock(mutex);
  entries.emplace_front(key, index);
  if (entries.size() > cache_capacity)
    entries.pop_back();
  return index;
}

indexed_model::indexed_model(const semantic_model& m, const model_index& i)
  : model(m), index(i), data_source(m.data_source), tables(m.tables), relationships(m.relationships),
    metrics(m.metrics), glossary(m.glossary), rules(m.rules), examples(m.examples) {}

indexed_model::indexed_model(const semantic_model& m)
  : owned_(index_for(m)), model(m), index(*owned_), data_source(m.data_source), tables(m.tables),
    relationships(m.relationships), metrics(m.metrics), glossary(m.glossary), rules(m.rules),
    examples(m.examples) {}

} // namespace medha::sqlgen
