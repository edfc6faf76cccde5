#pragma once

#include <memory>
#include <string>

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>
#include <rocksdb/options.h>

#include "runtime/store_codec.hpp"

namespace medha {

// Visits every key/value under `prefix` in key order. The upper bound keeps
// RocksDB from reading past the prefix (the bound must outlive the iterator).
template <class F>
void scan(rocksdb::DB& db, const std::string& prefix, F&& visit) {
  auto end = store_codec::prefix_end(prefix);
  rocksdb::Slice upper(end);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(ro));
  for (it->Seek(prefix); it->Valid(); it->Next())
    visit(it->key(), it->value());
}

} // namespace medha
