#include "messages/relation_set.hpp"

namespace medha {

relation_set relations_of(const semantic_model& model) {
  relation_set out;
  for (auto& t : model.tables)
    out.insert((t.schema.empty() ? std::string("public") : t.schema) + "." + t.name);
  return out;
}

} // namespace medha
