#include "runtime/store_factory.hpp"

#include "runtime/postgres_store.hpp"
#include "runtime/rocksdb_store.hpp"

namespace medha {

namespace {

template <class Store>
std::variant<std::shared_ptr<conversation_store>, medha_error>
shared(std::variant<std::unique_ptr<Store>, medha_error> opened) {
  if (auto* err = std::get_if<medha_error>(&opened))
    return *err;
  return std::shared_ptr<conversation_store>{std::move(std::get<0>(opened))};
}

} // namespace

std::variant<std::shared_ptr<conversation_store>, medha_error>
open_conversation_store(const config& cfg) {
  if (cfg.store == "postgres")
    return shared(postgres_store::open(cfg.store_conninfo));
  return shared(rocksdb_store::open(cfg.store_path));
}

std::string store_description(const config& cfg) {
  if (cfg.store == "postgres")
    return "the PostgreSQL store";
  return "the store at " + cfg.store_path;
}

} // namespace medha
