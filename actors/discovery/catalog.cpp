#include "actors/discovery/catalog.hpp"

#include <algorithm>

namespace medha::discovery {

// -- modifiers --

void catalog::count_terms(const source_index& index, int sign) {
  document_frequency_.resize(dictionary_.size(), 0);
  index.for_each_term([&](uint32_t term, uint32_t tables) {
    document_frequency_[term] += sign * static_cast<int>(tables);
  });
  for (auto& d : index.description_terms())
    document_frequency_[d.term] += sign;
  source_frequency_.resize(dictionary_.size(), 0);
  std::vector<uint32_t> terms;
  index.for_each_term([&](uint32_t term, uint32_t) { terms.push_back(term); });
  for (auto& d : index.description_terms())
    terms.push_back(d.term);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (auto t : terms)
    source_frequency_[t] += sign;
  if (sign > 0)
    table_count_ += index.table_count();
  else
    table_count_ -= index.table_count();
}

void catalog::add(std::shared_ptr<const semantic_model> model) {
  if (!model)
    return;
  // Build first: a replaced source keeps answering until its successor is ready.
  auto index = std::make_unique<source_index>(std::move(model), dictionary_);
  count_terms(*index, +1);
  for (auto& s : sources_) {
    if (s->model().data_source == index->model().data_source) {
      count_terms(*s, -1);
      s = std::move(index);
      return;
    }
  }
  sources_.push_back(std::move(index));
}

void catalog::remove(const std::string& data_source) {
  for (auto it = sources_.begin(); it != sources_.end(); ++it) {
    if ((*it)->model().data_source == data_source) {
      count_terms(**it, -1);
      sources_.erase(it);
      return;
    }
  }
}

// -- properties --

std::vector<std::string> catalog::data_sources() const {
  std::vector<std::string> names;
  names.reserve(sources_.size());
  for (auto& s : sources_)
    names.push_back(s->model().data_source);
  return names;
}

std::shared_ptr<const semantic_model> catalog::model(const std::string& data_source) const {
  for (auto& s : sources_)
    if (s->model().data_source == data_source)
      return s->shared_model();
  return nullptr;
}

} // namespace medha::discovery
