// temp_file: a unique new file next to its target, removed on failure, on destruction and
// on SIGINT/SIGTERM/SIGHUP; renamed over the target only whole and on disk.
#include "engine/load/temp_file.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/shell.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::scratch_dir;

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(TempFile, IsUniqueAndNextToItsTarget) {
  scratch_dir d("temp_file");
  temp_file a(d.at("out.csv")), b(d.at("out.csv"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(entries(d.dir), 2u);
  EXPECT_TRUE(a.write("a", 1));
  EXPECT_TRUE(b.write("b", 1));
  EXPECT_TRUE(a.commit());
  EXPECT_EQ(read_file(d.at("out.csv")), "a");
  EXPECT_TRUE(b.commit());
  EXPECT_EQ(read_file(d.at("out.csv")), "b");
  EXPECT_EQ(entries(d.dir), 1u);
}

TEST(TempFile, IsRemovedWhenNotCommitted) {
  scratch_dir d("temp_file");
  {
    temp_file t(d.at("out.csv"));
    ASSERT_TRUE(t.write("half", 4));
  }
  EXPECT_EQ(entries(d.dir), 0u);
}

TEST(TempFile, KeepsTheModeItIsGiven) {
  scratch_dir d("temp_file");
  temp_file t(d.at("x.kpi"));
  ASSERT_TRUE(t.write("x", 1));
  ASSERT_TRUE(t.commit(kept_owner{0640, ::geteuid(), ::getegid()}));
  struct stat st {};
  ASSERT_EQ(::stat(d.at("x.kpi").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  temp_file n(d.at("new.kpi"));
  ASSERT_TRUE(n.commit());
  ASSERT_EQ(::stat(d.at("new.kpi").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, created_file_mode());
}

TEST(TempFile, OpenNameIsTheFileItself) {
  scratch_dir d("temp_file");
  temp_file t(d.at("w.xlsx"));
  { std::ofstream(t.open_name()) << "through the name"; }
  ASSERT_TRUE(t.commit());
  EXPECT_EQ(read_file(d.at("w.xlsx")), "through the name");
}

// A signal that ends the process removes its temporary files, then ends it as it would have.
TEST(TempFile, IsRemovedOnATerminatingSignal) {
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    scratch_dir d("temp_file");
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      temp_file t(d.at("out.json"));
      t.write("partial", 7);
      ::raise(sig);
      ::_exit(0);  // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status)) << sig;
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_EQ(entries(d.dir), 0u) << sig;
  }
}

}  // namespace
}  // namespace kpi
