// Honest analytics SQL passes the guard: every gold query of every suite in
// tests/eval (and of the defog suite in ../shared/eval when present).
//
// One exception, by design: the gold of questions about the data itself
// ("what tables are there?", "what do the codes mean?", in a `schema`
// conversation or as a follow-up in any other) is the judge's reference
// reading information_schema / pg_catalog, or a column's description through
// col_description(), directly. Medha answers those from its own
// introspection (a VALUES list), and catalog reads are exactly what the
// guard must refuse, so such a gold query must be refused as a catalog
// relation or a catalog function, and nothing else.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "actors/executor/sql_guard.hpp"
#include "runtime/client/eval_judge.hpp"
#include "runtime/client/eval_suite.hpp"

namespace medha {
namespace {

namespace fs = std::filesystem;

fs::path source_dir() {
  const char* dir = std::getenv("MEDHA_SOURCE_DIR");
  return dir ? fs::path(dir) : fs::current_path();
}

bool reads_the_catalog(const guard_refusal& r) {
  static const std::string relation = "relation_not_allowed:", function = "function_not_allowed:";
  if (r.rule.rfind(relation, 0) == 0) {
    auto name = r.rule.substr(relation.size());
    return name.rfind("pg_", 0) == 0 || name.rfind("information_schema.", 0) == 0;
  }
  if (r.rule.rfind(function, 0) == 0) {
    auto name = r.rule.substr(function.size());
    return name == "col_description" || name == "obj_description" || name == "format_type";
  }
  return false;
}

size_t catalog_references = 0; // schema questions' gold, refused as designed

// Checks every alternative of every gold field; returns how many were checked.
size_t expect_gold_accepted(const fs::path& suite) {
  std::vector<client::suite_case> cases;
  std::string error;
  EXPECT_TRUE(client::load_suite(suite.string(), cases, error)) << suite << ": " << error;
  size_t checked = 0;
  for (auto& c : cases)
    for (auto& turn : c.turns)
      for (auto& sql : client::expand_gold(turn.gold)) {
        ++checked;
        auto refusal = inspect_sql(sql);
        if (refusal && reads_the_catalog(*refusal)) {
          ++catalog_references;
          continue;
        }
        EXPECT_FALSE(refusal) << suite.filename() << " " << c.id << ": " << sql << "\n  refused ("
                              << (refusal ? refusal->rule + "): " + refusal->message : "");
      }
  return checked;
}

TEST(gold_sql, every_suite_in_tests_eval_is_accepted) {
  size_t suites = 0, checked = 0;
  for (auto& entry : fs::directory_iterator(source_dir() / "tests" / "eval"))
    if (entry.path().extension() == ".jsonl") {
      ++suites;
      checked += expect_gold_accepted(entry.path());
    }
  EXPECT_GE(suites, 2u);
  EXPECT_GT(checked, 100u);
  std::printf("gold queries checked: %zu in %zu suites; accepted %zu, catalog references of "
              "schema questions refused %zu\n",
              checked, suites, checked - catalog_references, catalog_references);
}

TEST(gold_sql, the_defog_suite_is_accepted) {
  auto csv = source_dir() / ".." / "shared" / "eval" / "defog" / "questions_gen_postgres.csv";
  if (!fs::exists(csv))
    GTEST_SKIP() << csv << " is not here (the shared eval data sits beside the repository)";
  size_t checked = expect_gold_accepted(csv);
  EXPECT_GT(checked, 200u);
  std::printf("defog gold queries checked: %zu\n", checked);
}

} // namespace
} // namespace medha
