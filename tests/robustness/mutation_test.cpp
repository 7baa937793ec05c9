// Mutation test: the bundled examples, damaged the way hands and PDF extraction damage text
// (bytes flipped or deleted, braces, quotes, operators and digits inserted, lines lost or
// doubled). Each mutant either loads or is rejected with positioned errors rendered as
// `<name>:<line>:<col>: error: …`, a source line and a caret; never a crash, never an error
// without a position. Mutants that parse also keep the formatter's promises. The generator is
// seeded and self-contained, so every run sees the same mutants.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/fuzz/csv_invariants.hpp"
#include "tests/fuzz/invariants.hpp"
#include "tests/fuzz/known_bugs.hpp"
#include "tests/fuzz/pack_invariants.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

// splitmix64: a fixed sequence on every platform (std distributions are not portable).
class prng {
 public:
  explicit prng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// Tokens that matter to the grammar, in every spelling the tables use.
const std::vector<std::string>& tokens() {
  static const std::vector<std::string> t = {"{",
                                             "}",
                                             "{",
                                             "}",
                                             "\"",
                                             "\"",
                                             "“",
                                             "”",
                                             "＂",
                                             ">=",
                                             "<=",
                                             "=",
                                             ">",
                                             "<",
                                             "≥",
                                             "≤",
                                             "＝",
                                             "＞",
                                             "＜",
                                             "≧",
                                             "$",
                                             "$\\geq ",
                                             "\\%$",
                                             "%",
                                             "％",
                                             "(",
                                             ")",
                                             "（",
                                             "）",
                                             "0",
                                             "1",
                                             "9",
                                             "5000",
                                             "-",
                                             ".",
                                             ",",
                                             "..",
                                             "1,017,000.00",
                                             "9.70",
                                             "99999999999999999999999999999999",
                                             "2024-02-30",
                                             "2024-01-01",
                                             " ",
                                             "\n",
                                             "\t",
                                             "#",
                                             "\\",
                                             "\\\"",
                                             "万元",
                                             "万圆",
                                             "次",
                                             "%",
                                             "进一步提升",
                                             "达成",
                                             "部分达成",
                                             "weight ",
                                             "because ",
                                             "between ",
                                             "project ",
                                             "actuals ",
                                             "period ",
                                             "funds ",
                                             "total ",
                                             "unit ",
                                             "terms ",
                                             "　",
                                             "\xEF\xBB\xBF",
                                             "\xE4",
                                             std::string(1, '\0')};
  return t;
}

// Moves `at` back to the start of a UTF-8 character so insertions do not split one (the
// encoding check is tested on its own; here the grammar and checker should see the damage).
std::size_t char_start(const std::string& s, std::size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

void mutate_once(std::string& s, prng& rng) {
  std::size_t at = char_start(s, rng.below(s.size() + 1));
  switch (rng.below(7)) {
    case 0:  // flip one bit of one byte
      if (!s.empty()) s[std::min(at, s.size() - 1)] ^= static_cast<char>(1U << rng.below(8));
      break;
    case 1:  // delete a few bytes
      s.erase(at, 1 + rng.below(8));
      break;
    case 2:
    case 3:  // insert a token
      s.insert(at, tokens()[rng.below(tokens().size())]);
      break;
    case 4: {  // delete or double a whole line
      std::size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
      b = b == std::string::npos ? 0 : b + 1;
      std::size_t e = s.find('\n', at);
      e = e == std::string::npos ? s.size() : e + 1;
      if (rng.below(2) == 0)
        s.erase(b, e - b);
      else
        s.insert(b, s.substr(b, e - b));
      break;
    }
    case 5:  // replace a digit
      for (std::size_t i = at; i < s.size(); ++i)
        if (s[i] >= '0' && s[i] <= '9') {
          s[i] = static_cast<char>('0' + rng.below(10));
          break;
        }
      break;
    default:  // cut the file short
      s.resize(at);
      break;
  }
}

struct mutation_stats {
  int loaded = 0;
  int rejected = 0;
};

mutation_stats run_mutations(const std::string& file, std::uint64_t seed, int count) {
  std::string original = test::read_file(test::repo_path(file));
  std::string name = file.substr(file.rfind('/') + 1);
  prng rng(seed);
  mutation_stats stats;
  for (int i = 0; i < count; ++i) {
    std::string text = original;
    std::size_t edits = 1 + rng.below(3);
    for (std::size_t e = 0; e < edits; ++e) mutate_once(text, rng);

    load_result r;
    std::string problem = fuzz::load_problem(text, name, &r);
    EXPECT_EQ(problem, "") << file << " mutant " << i << " (seed " << seed << "):\n" << text;
    if (r.ok()) {
      ++stats.loaded;
    } else {
      ++stats.rejected;
      bool positioned = false;
      std::string rendered = render_all(r.diags, lang::en);
      for (const auto& d : r.diags.all())
        positioned = positioned || (d.level == severity::error && d.src && d.src->name() == name);
      EXPECT_TRUE(positioned) << file << " mutant " << i
                              << ": rejected without a positioned error:\n"
                              << rendered;
      EXPECT_EQ(rendered.rfind(name + ":", 0), 0U) << file << " mutant " << i << ":\n" << rendered;
    }
    if (!fuzz::known_bug(text)) {
      std::string fmt_problem = fuzz::format_problem(text, name);
      EXPECT_EQ(fmt_problem, "") << file << " mutant " << i << " (seed " << seed << "):\n" << text;
    }
    if (::testing::Test::HasFailure()) break;  // one mutant's story is enough to read
  }
  return stats;
}

TEST(Mutation, TargetsLoadOrArePositioned) {
  mutation_stats s = run_mutations("examples/targets.kpi", 20240101, 500);
  // The mix must exercise both outcomes, or the mutator has gone blunt.
  EXPECT_GT(s.loaded, 25);
  EXPECT_GT(s.rejected, 250);
}

TEST(Mutation, ActualsLoadOrArePositioned) {
  mutation_stats s = run_mutations("examples/actuals.kpi", 20241231, 500);
  EXPECT_GT(s.loaded, 25);
  EXPECT_GT(s.rejected, 250);
}

// The CSV actuals and the default audit pack, damaged the same way, through the promises of
// their fuzz targets (tests/fuzz/csv_invariants.hpp, pack_invariants.hpp).
template <typename Check>
void run_other_mutations(const std::string& file, std::uint64_t seed, int count, Check check) {
  std::string original = test::read_file(test::repo_path(file));
  prng rng(seed);
  for (int i = 0; i < count; ++i) {
    std::string text = original;
    std::size_t edits = 1 + rng.below(3);
    for (std::size_t e = 0; e < edits; ++e) mutate_once(text, rng);
    EXPECT_EQ(check(text), "") << file << " mutant " << i << " (seed " << seed << "):\n" << text;
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(Mutation, CsvActualsReadOrRejectEveryRow) {
  std::string targets = test::read_file(test::repo_path("examples/targets.kpi"));
  run_other_mutations("examples/actuals.csv", 20240630, 300, [&](const std::string& text) {
    return fuzz::csv_problem(text, "actuals.csv", targets);
  });
}

TEST(Mutation, RulePacksCompileRunOrArePositioned) {
  std::string targets = test::read_file(test::repo_path("examples/targets.kpi"));
  run_other_mutations("rules/audit/target-setting.kpi", 20240930, 100,
                      [&](const std::string& text) {
                        return fuzz::pack_problem(text, "pack/target-setting.kpi", targets);
                      });
}

}  // namespace
}  // namespace kpi
