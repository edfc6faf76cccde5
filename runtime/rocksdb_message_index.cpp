#include "runtime/rocksdb_store.hpp"

// The index a conversation's next message gets: remembered per conversation
// after each append, so an append does not open an iterator to find the
// last message key (it did, twice a turn).

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>
#include <rocksdb/options.h>

#include <charconv>

#include "runtime/store_codec.hpp"

namespace medha {

namespace codec = store_codec;

std::optional<medha_error> rocksdb_store::next_index_locked(const std::string& user,
                                                            const std::string& conv,
                                                            uint64_t& index) {
  auto prefix = codec::message_prefix(user, conv);
  auto& known = next_index_[stripe_of(user, conv)];
  if (auto i = known.find(prefix); i != known.end()) {
    index = i->second;
    return std::nullopt;
  }
  // The next index follows the last key. Reading the key (not the value)
  // survives a corrupt value.
  auto end = codec::prefix_end(prefix);
  rocksdb::Slice lower(prefix), upper(end);
  rocksdb::ReadOptions ro;
  ro.iterate_lower_bound = &lower;
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
  it->SeekToLast();
  index = 0;
  if (it->Valid()) {
    auto hex = it->key().ToStringView().substr(prefix.size());
    uint64_t last = 0;
    auto [p, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), last, 16);
    if (ec != std::errc{} || p != hex.data() + hex.size())
      return medha_error{error_code::internal,
                         "conversation '" + conv + "' has a malformed message key"};
    index = last + 1;
  }
  return std::nullopt;
}

void rocksdb_store::remember_next_locked(const std::string& user, const std::string& conv,
                                         uint64_t index) {
  // Bounded: past this many conversations a stripe starts over (and reads
  // the last key again for each).
  constexpr size_t max_remembered = 4096;
  auto& known = next_index_[stripe_of(user, conv)];
  if (known.size() >= max_remembered)
    known.clear();
  known[codec::message_prefix(user, conv)] = index;
}

} // namespace medha
