// Language tests written in the language: every tests/lang/**/*.kpi file is loaded with the
// stdlib, and its diagnostics must be exactly those announced by `# expect-error: …` comments
// on the lines where they occur (a substring of the message). A file without such comments
// must load cleanly.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;

struct expectation {
  std::uint32_t line;
  std::string text;
};

std::vector<std::string> lang_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(test::repo_path("tests/lang")))
    if (e.path().extension() == ".kpi") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Lang : public ::testing::TestWithParam<std::string> {};

TEST_P(Lang, DiagnosticsMatchExpectations) {
  std::string path = GetParam();
  std::string text = test::read_file(path);
  std::vector<expectation> expected;
  std::uint32_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string l = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    auto at = l.find("# expect-error: ");
    if (at != std::string::npos) expected.push_back({line, l.substr(at + 16)});
    if (end == std::string::npos) break;
    start = end + 1;
    ++line;
  }
  auto r = test::load_texts({{path, text}});
  std::vector<bool> met(expected.size(), false);
  for (const auto& d : r.diags.all()) {
    if (d.level != severity::error) continue;
    std::uint32_t dl = d.src ? d.src->position(d.range.begin).line : 0;
    bool ok = false;
    for (std::size_t i = 0; i < expected.size(); ++i)
      if (!met[i] && expected[i].line == dl &&
          d.message.en.find(expected[i].text) != std::string::npos)
        met[i] = ok = true;
    EXPECT_TRUE(ok) << "unexpected: " << render(d, lang::en);
  }
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_TRUE(met[i]) << path << ":" << expected[i].line
                        << ": expected error not reported: " << expected[i].text;
}

INSTANTIATE_TEST_SUITE_P(Files, Lang, ::testing::ValuesIn(lang_files()), [](const auto& info) {
  std::string n = fs::path(info.param).stem().string();
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

}  // namespace
}  // namespace kpi
