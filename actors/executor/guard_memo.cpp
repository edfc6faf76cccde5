#include "actors/executor/guard_memo.hpp"

#include <array>
#include <functional>
#include <mutex>
#include <string>

namespace medha {

namespace {

struct pass {
  bool used = false;
  std::string sql;
  bool with_relations = false;
  relation_set relations;
};

// Slots chosen by the text's hash: a statement can only be in its own slot,
// and a newer one takes the slot over. One lock per slot.
constexpr size_t slots = 256;

struct memo {
  std::array<pass, slots> passes;
  std::array<std::mutex, slots> locks;
};

memo& the_memo() {
  static memo m;
  return m;
}

size_t slot_of(std::string_view sql) {
  return std::hash<std::string_view>{}(sql) % slots;
}

} // namespace

bool guard_passed_before(std::string_view sql, const relation_set* relations) {
  auto& m = the_memo();
  auto i = slot_of(sql);
  std::lock_guard<std::mutex> guard{m.locks[i]};
  auto& p = m.passes[i];
  return p.used && p.sql == sql && p.with_relations == (relations != nullptr)
         && (!relations || p.relations == *relations);
}

void remember_guard_pass(std::string_view sql, const relation_set* relations) {
  auto& m = the_memo();
  auto i = slot_of(sql);
  std::lock_guard<std::mutex> guard{m.locks[i]};
  auto& p = m.passes[i];
  p.used = true;
  p.sql.assign(sql.data(), sql.size());
  p.with_relations = relations != nullptr;
  p.relations = relations ? *relations : relation_set{};
}

} // namespace medha
