// A directory of packs (`--rules DIR`, `kpi test DIR`) is read only inside itself: a link
// that leads out of it is an error that names the link, and the file it leads to is never
// read, so none of its text can appear in a message.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/rules/pack_support.hpp"
#include "tests/support/shell.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::run_kpi;
using test::scratch_dir;

std::string pack_named(const std::string& name) {
  return "pack \"" + name + R"(" {
  version "1"
  rule output.none {
    severity error
    each project
    require count(indicators) > 0
    message "无指标"
  }
}
)";
}

struct pack_dir : scratch_dir {
  pack_dir() : scratch_dir("pack_confinement") {
    fs::create_directories(dir / "packs/sub");
    std::ofstream(dir / "packs/local.kpi") << pack_named("local");
    std::ofstream(dir / "secret.env") << "DB_PASSWORD=hunter2\n";
    std::ofstream(dir / "packs/notes.txt") << "# nothing but a comment\n";
  }
};

TEST(PackConfinement, ALinkOutOfTheDirectoryIsRefusedAndNotRead) {
  for (std::string target : {"../../secret.env", "/etc/passwd"}) {
    pack_dir d;
    fs::create_symlink(target, d.dir / "packs/sub/evil.kpi");
    const std::string link = d.at("packs") + "/sub/evil.kpi";
    for (std::string cmd :
         {"check --rules " + d.at("packs") + " examples/targets.kpi", "test " + d.at("packs")}) {
      auto r = run_kpi(cmd);
      EXPECT_EQ(r.code, 2) << cmd;
      EXPECT_EQ(r.err, "error: " + link + " is a link to a file outside " + d.at("packs") +
                           "; kpi reads only the packs inside the directory it is given\n")
          << cmd;
      EXPECT_EQ(r.err.find("hunter2"), std::string::npos);
      EXPECT_EQ(r.err.find("root:"), std::string::npos);
    }
    auto zh = run_kpi("--lang zh test " + d.at("packs"));
    EXPECT_NE(zh.err.find(link + " 是指向 " + d.at("packs") +
                          " 之外文件的链接；kpi 只读取所给目录之内的规则包\n"),
              std::string::npos)
        << zh.err;
  }
}

TEST(PackConfinement, ALinkInsideTheDirectoryIsRead) {
  pack_dir d;
  fs::create_symlink("../notes.txt", d.dir / "packs/sub/notes.kpi");
  auto r = run_kpi("test " + d.at("packs"));
  EXPECT_EQ(r.code, 0) << r.err;
}

// A pack named by a bare file name lives in the current directory: `extends "../x.kpi"`
// leaves it, as it would from any other directory.
TEST(PackConfinement, ExtendsFromABareFileNameStaysInTheCurrentDirectory) {
  auto local = "pack \"local\" {\n  extends \"../base.kpi\"\n}\n";
  auto r = test::check_packs({{"local.kpi", local}, {"../base.kpi", pack_named("base")}},
                             "project \"甲\" {}\n", {"local.kpi", "../base.kpi"});
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("local.kpi:2:11: error: '../base.kpi' is outside the pack's directory"),
            std::string::npos)
      << r.errors;
  // Inside it, a bare path still works.
  auto ok = test::check_packs({{"local.kpi", "pack \"local\" {\n  extends \"base.kpi\"\n}\n"},
                               {"base.kpi", pack_named("base")}},
                              "project \"甲\" {}\n", {"local.kpi", "base.kpi"});
  EXPECT_EQ(ok.errors.find("outside"), std::string::npos) << ok.errors;
  EXPECT_EQ(ok.errors.find("no pack in"), std::string::npos) << ok.errors;
}

}  // namespace
}  // namespace kpi
