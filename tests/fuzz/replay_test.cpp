// The fuzzers' regression test in the normal suite: every decoder gets the
// committed corpus (seeds and what the fuzzers once broke on), then bounded
// mutations of it from a fixed seed, so a run is the same everywhere. The
// invariants are the fuzzers' own (harness/decoders.hpp).

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "runtime/seeded_rng.hpp"
#include "tests/fuzz/harness/decoders.hpp"

namespace medha::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr int mutations_per_decoder = 4000;
constexpr auto time_per_decoder = std::chrono::seconds(20);

std::vector<std::string> corpus_of(const std::string& name) {
  const char* root = std::getenv("MEDHA_SOURCE_DIR");
  fs::path dir = fs::path(root ? root : ".") / "tests" / "fuzz" / "corpus" / name;
  std::vector<std::string> out;
  if (!fs::is_directory(dir))
    return out;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file())
      files.push_back(e.path());
  std::sort(files.begin(), files.end()); // the same order, so the same mutations
  for (auto& f : files) {
    std::ifstream in{f, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

// The libFuzzer dictionary (tests/fuzz/json.dict): pieces the decoders treat
// specially. Its format: one "quoted" piece a line, escapes \\ \" and \xAB.
std::vector<std::string> read_dictionary() {
  const char* root = std::getenv("MEDHA_SOURCE_DIR");
  std::ifstream in{fs::path(root ? root : ".") / "tests" / "fuzz" / "json.dict"};
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    auto open = line.find('"');
    auto close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open)
      continue;
    std::string piece;
    for (size_t i = open + 1; i < close; ++i) {
      if (line[i] == '\\' && i + 1 < close && line[i + 1] == 'x' && i + 3 < close) {
        piece += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
        i += 3;
      } else if (line[i] == '\\' && i + 1 < close) {
        piece += line[++i];
      } else {
        piece += line[i];
      }
    }
    out.push_back(piece);
  }
  return out;
}

std::string mutate(std::string s, const std::vector<std::string>& corpus,
                   const std::vector<std::string>& dictionary, seeded_rng& rng) {
  int edits = 1 + static_cast<int>(rng.below(4));
  for (int e = 0; e < edits; ++e) {
    size_t at = rng.below(s.size() + 1);
    switch (rng.below(7)) {
      case 0: // flip a byte
        if (!s.empty())
          s[rng.below(s.size())] ^= static_cast<char>(1 + rng.below(255));
        break;
      case 1: // insert a random byte
        s.insert(at, 1, static_cast<char>(rng.below(256)));
        break;
      case 2: // delete a range
        if (!s.empty())
          s.erase(at < s.size() ? at : s.size() - 1, 1 + rng.below(16));
        break;
      case 3: // insert a dictionary piece
        s.insert(at, rng.pick(dictionary));
        break;
      case 4: // truncate
        s.resize(at);
        break;
      case 5: { // splice in part of another input
        auto& other = rng.pick(corpus);
        size_t from = rng.below(other.size() + 1);
        s.insert(at, other.substr(from, rng.below(64)));
        break;
      }
      default: { // repeat a piece: deep nesting, long values
        size_t len = 1 + rng.below(8);
        auto piece = s.substr(at, len);
        if (piece.empty())
          piece = "[";
        std::string repeated;
        for (size_t k = 0, n = 2 + rng.below(200); k < n; ++k)
          repeated += piece;
        s.insert(at, repeated);
      }
    }
  }
  return s;
}

class replay : public ::testing::TestWithParam<decoder> {};

TEST_P(replay, CorpusAndMutationsKeepEveryInvariant) {
  auto& d = GetParam();
  auto corpus = corpus_of(d.name);
  ASSERT_GE(corpus.size(), 3u) << "the corpus of " << d.name << " is missing";
  for (size_t i = 0; i < corpus.size(); ++i)
    EXPECT_EQ(d.run(corpus[i]), "") << d.name << " corpus input " << i << ": " << corpus[i].substr(0, 300);
  auto dictionary = read_dictionary();
  ASSERT_GE(dictionary.size(), 40u) << "tests/fuzz/json.dict is missing";
  seeded_rng rng{0x6d65646861ull};
  auto deadline = std::chrono::steady_clock::now() + time_per_decoder;
  int ran = 0;
  for (; ran < mutations_per_decoder && std::chrono::steady_clock::now() < deadline; ++ran) {
    auto input = mutate(rng.pick(corpus), corpus, dictionary, rng);
    auto broken = d.run(input);
    ASSERT_EQ(broken, "") << d.name << " mutation " << ran << " (hex input follows)\n"
                          << ::testing::PrintToString(input.substr(0, 400));
  }
  RecordProperty("mutations", ran);
}

INSTANTIATE_TEST_SUITE_P(decoders, replay, ::testing::ValuesIn(decoders()),
                         [](const ::testing::TestParamInfo<decoder>& info) {
                           return std::string{info.param.name};
                         });

} // namespace
} // namespace medha::fuzz
