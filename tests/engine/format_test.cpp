// `kpi fmt` over every .kpi file of the repository: the formatted text means the same, and
// formatting it again changes nothing.
#include "engine/format/format.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/model/dump.hpp"
#include "grammar/parse.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> repo_kpi_files() {
  std::vector<std::string> out;
  fs::path root(KPI_SOURCE_DIR);
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name.rfind("build", 0) == 0 || name.front() == '.')) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".kpi")
      out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The model without positions, which formatting may move.
nlohmann::json meaning(const load_result& r) {
  std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& j) {
    if (j.is_object()) {
      for (const char* k : {"file", "line", "column"}) j.erase(k);
      for (auto& [k, v] : j.items()) strip(v);
    } else if (j.is_array()) {
      for (auto& v : j) strip(v);
    }
  };
  nlohmann::json j = nlohmann::json::parse(dump_json(r.model));
  strip(j);
  // Declarations: every unit with its meaning.
  for (const auto& u : r.env.units.unit_names())
    if (auto d = r.env.units.resolve(u))
      j["units"][u] = d->dimension + " " + d->base + " " + d->factor.to_string();
  for (const auto& t : r.env.terms.names()) j["terms"][t] = r.env.terms.find(t)->term_class;
  return j;
}

TEST(Format, EveryRepoFileKeepsItsMeaningAndIsIdempotent) {
  auto files = repo_kpi_files();
  ASSERT_GT(files.size(), 3u);
  int checked = 0;
  for (const auto& path : files) {
    std::string text = test::read_file(path);
    diagnostics d;
    auto parsed = parse(std::make_shared<source>(path, text), d);
    if (!parsed.ok) continue;  // the bad-input corpus
    std::string once = format(parsed.file);
    diagnostics d2;
    auto reparsed = parse(std::make_shared<source>(path, once), d2);
    ASSERT_TRUE(reparsed.ok) << path << "\n" << render_all(d2, lang::en) << once;
    EXPECT_EQ(format(reparsed.file), once) << path;
    // Same model: load the original and the formatted text the same way.
    bool is_stdlib = path.find("/stdlib/") != std::string::npos;
    load_options opts;
    opts.with_stdlib = !is_stdlib;
    auto a = test::load_texts({{"f.kpi", text}}, opts);
    auto b = test::load_texts({{"f.kpi", once}}, opts);
    EXPECT_EQ(a.diags.error_count(), b.diags.error_count()) << path;
    EXPECT_EQ(meaning(a), meaning(b)) << path;
    ++checked;
  }
  EXPECT_GT(checked, 3);
}

TEST(Format, ShippedFilesAreAlreadyFormatted) {
  for (const auto& path : repo_kpi_files()) {
    bool shipped = path.find("/examples/") != std::string::npos ||
                   path.find("/stdlib/") != std::string::npos ||
                   path.find("/rules/") != std::string::npos;
    if (!shipped) continue;
    std::string text = test::read_file(path);
    diagnostics d;
    auto parsed = parse(std::make_shared<source>(path, text), d);
    ASSERT_TRUE(parsed.ok) << path;
    EXPECT_EQ(format(parsed.file), text) << path << ": run build/kpi fmt -i " << path;
  }
}

TEST(Format, CanonicalFormOfTheSpecExample) {
  std::string text = test::read_file(test::repo_path("tests/data/spec_example.kpi"));
  diagnostics d;
  auto parsed = parse(std::make_shared<source>("spec.kpi", text), d);
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(format(parsed.file),
            test::read_file(test::repo_path("tests/data/spec_example.formatted.kpi")));
}

TEST(Format, KeepsEveryComment) {
  std::string text =
      "# head\n\nproject \"p\" {  # after head\n  # before field\n  period 2024-01-01 .. "
      "2024-12-31 # trailing\n"
      "  产出指标 { 数量指标 { \"a\" >= 1 次 } } # end of line\n  # before close\n}\n# tail\n";
  diagnostics d;
  auto parsed = parse(std::make_shared<source>("c.kpi", text), d);
  ASSERT_TRUE(parsed.ok);
  EXPECT_EQ(format(parsed.file),
            "# head\n\nproject \"p\" {  # after head\n  # before field\n  period 2024-01-01 .. "
            "2024-12-31  # trailing\n"
            "  产出指标 {\n    数量指标 {\n      \"a\"  >= 1 次  # end of line\n    }\n  }\n  # "
            "before close\n}\n# tail\n");
}

TEST(Format, CheckAndInPlaceThroughTheFileInterface) {
  memory_reader files;
  files.files["a.kpi"] = "project \"p\" {period 2024-01-01 .. 2024-12-31}\n";
  auto check = format_files({"a.kpi"}, files, false, true);
  EXPECT_EQ(check.unformatted, std::vector<std::string>{"a.kpi"});
  auto rewrite = format_files({"a.kpi"}, files, true, false);
  EXPECT_TRUE(rewrite.unformatted.empty());
  EXPECT_EQ(files.files["a.kpi"], "project \"p\" {\n  period 2024-01-01 .. 2024-12-31\n}\n");
  EXPECT_TRUE(format_files({"a.kpi"}, files, false, true).unformatted.empty());
}

}  // namespace
}  // namespace kpi
