// The libFuzzer entry of one decoder (MEDHA_FUZZ_DECODER, set per target by
// CMake when MEDHA_FUZZ is on): a broken invariant aborts, which libFuzzer
// reports with the input that broke it.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/harness/decoders.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* decoder = medha::fuzz::find_decoder(MEDHA_FUZZ_DECODER);
  if (!decoder)
    std::abort();
  auto broken = decoder->run(std::string_view{reinterpret_cast<const char*>(data), size});
  if (!broken.empty()) {
    std::fprintf(stderr, "%s: %s\n", decoder->name, broken.c_str());
    std::abort();
  }
  return 0;
}
