// `kpi fmt -i` changes the text of a file and nothing else about it: its mode, owner and group
// stay, a symbolic link stays a link (its target is formatted), a read-only file and a file
// with several hard links are refused with exit 2 and left as they are.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/shell.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::repo_path;
using test::run_kpi;
using test::scratch_dir;

const std::string& unformatted() {
  static const std::string t = read_file(repo_path("tests/data/spec_example.kpi"));
  return t;
}
const std::string& formatted() {
  static const std::string t = read_file(repo_path("tests/data/spec_example.formatted.kpi"));
  return t;
}

struct fmt_dir : scratch_dir {
  fmt_dir() : scratch_dir("fmt_in_place") {}
  std::string put(const std::string& name, mode_t mode = 0644) const {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << unformatted();
    ::chmod(at(name).c_str(), mode);
    return at(name);
  }
};

struct stat stat_of(const std::string& path) {
  struct stat st {};
  ::lstat(path.c_str(), &st);
  return st;
}

TEST(FmtInPlace, KeepsTheMode) {
  fmt_dir d;
  for (mode_t mode : {0600, 0640, 0750, 0604}) {
    std::string f = d.put("m" + std::to_string(mode) + ".kpi", mode);
    auto r = run_kpi("fmt -i " + f);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(read_file(f) == formatted());
    EXPECT_EQ(stat_of(f).st_mode & 07777, mode) << f;
  }
}

TEST(FmtInPlace, KeepsTheGroup) {
  fmt_dir d;
  std::string f = d.put("g.kpi", 0640);
  // A group other than the one a new file gets: any group for root, else a supplementary one.
  gid_t other = ::getegid() + 4242;
  if (::geteuid() != 0) {
    gid_t groups[64];
    int n = ::getgroups(64, groups);
    other = ::getegid();
    for (int i = 0; i < n; ++i)
      if (groups[i] != ::getegid()) other = groups[i];
    if (other == ::getegid()) GTEST_SKIP() << "needs root or a second group";
  }
  ASSERT_EQ(::chown(f.c_str(), static_cast<uid_t>(-1), other), 0);
  auto r = run_kpi("fmt -i " + f);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(read_file(f) == formatted());
  EXPECT_EQ(stat_of(f).st_gid, other);
  EXPECT_EQ(stat_of(f).st_mode & 07777, 0640u);
}

TEST(FmtInPlace, FormatsTheTargetOfALinkAndKeepsTheLink) {
  fmt_dir d;
  std::string target = d.put("real/target.kpi", 0640);
  fs::create_symlink("real/target.kpi", d.dir / "link.kpi");
  auto r = run_kpi("fmt -i " + d.at("link.kpi"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(d.dir / "link.kpi"));
  EXPECT_EQ(fs::read_symlink(d.dir / "link.kpi"), "real/target.kpi");
  EXPECT_TRUE(read_file(target) == formatted());
  EXPECT_EQ(stat_of(target).st_mode & 07777, 0640u);
  // Nothing else appeared next to the link or the target.
  EXPECT_EQ(std::distance(fs::directory_iterator(d.dir / "real"), fs::directory_iterator()), 1);
  EXPECT_EQ(std::distance(fs::directory_iterator(d.dir), fs::directory_iterator()), 2);
}

TEST(FmtInPlace, RefusesAReadOnlyFile) {
  fmt_dir d;
  std::string f = d.put("ro.kpi", 0444);
  auto r = run_kpi("fmt -i " + f);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "error: cannot rewrite " + f +
                       ": the file is read-only (no write permission); it is left unchanged\n");
  EXPECT_TRUE(read_file(f) == unformatted());
  EXPECT_EQ(stat_of(f).st_mode & 07777, 0444u);
  auto zh = run_kpi("--lang zh fmt -i " + f);
  EXPECT_EQ(zh.code, 2);
  EXPECT_NE(zh.err.find("无法改写 " + f + "：文件只读（没有写权限），未作修改\n"),
            std::string::npos)
      << zh.err;
}

TEST(FmtInPlace, RefusesAFileWithSeveralHardLinks) {
  fmt_dir d;
  std::string a = d.put("a.kpi");
  fs::create_hard_link(a, d.dir / "b.kpi");
  auto r = run_kpi("fmt -i " + a);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "error: cannot rewrite " + a +
                       ": the file has 2 hard links; replacing it would give this name new text "
                       "and leave the others with the old; it is left unchanged (format it to "
                       "standard output instead: kpi fmt FILE)\n");
  EXPECT_TRUE(read_file(a) == unformatted());
  EXPECT_EQ(stat_of(a).st_ino, stat_of(d.at("b.kpi")).st_ino);
  auto zh = run_kpi("--lang zh fmt -i " + a);
  EXPECT_EQ(zh.code, 2);
  EXPECT_NE(zh.err.find("有 2 个硬链接"), std::string::npos) << zh.err;
}

TEST(FmtInPlace, AFormattedFileIsNotTouched) {
  fmt_dir d;
  std::string f = d.at("done.kpi");
  std::ofstream(f, std::ios::binary) << formatted();
  ::chmod(f.c_str(), 0444);
  struct stat before = stat_of(f);
  auto r = run_kpi("fmt -i " + f);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(stat_of(f).st_ino, before.st_ino);
}

}  // namespace
}  // namespace kpi
