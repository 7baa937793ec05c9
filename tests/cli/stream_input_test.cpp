// An input that is not a regular file (a character device, a FIFO, a pipe) is read in pieces
// and only up to its first NUL byte: /dev/zero is a NUL byte at 1:1, not a read that lasts
// until memory runs out.
#include <gtest/gtest.h>

#include "tests/support/shell.hpp"

namespace kpi {
namespace {

using test::run_shell;
using test::scratch_dir;

// Limits kpi to 2 GB of address space (so that a regression fails instead of exhausting the
// machine) and to 60 seconds.
std::string bounded(const std::string& command) {
  return std::string("(") + (test::under_asan() ? "" : "ulimit -v 2000000; ") + "exec timeout 60 " +
         command + ")";
}

TEST(StreamInput, DevZeroIsANulByteAtTheStart) {
  auto r = run_shell(bounded("$KPI check /dev/zero"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/dev/zero:1:1: error: NUL byte in the text; is this a binary file?"),
            std::string::npos)
      << r.err;
}

TEST(StreamInput, AFifoOfActualsThatNeverEnds) {
  scratch_dir d("stream_input");
  std::string fifo = d.at("actuals.csv");
  auto r = run_shell("mkfifo " + fifo + " && (cat /dev/zero > " + fifo + " 2>/dev/null &) && " +
                     bounded("$KPI eval examples/targets.kpi " + fifo));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(fifo + ":1:1: error: NUL byte in the text"), std::string::npos) << r.err;
}

TEST(StreamInput, APipeOfTargetsThatNeverEnds) {
  auto r = run_shell("cat /dev/zero | " + bounded("$KPI --lang zh check /dev/stdin"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/dev/stdin:1:1: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("文本中有 NUL 字节"), std::string::npos) << r.err;
}

TEST(StreamInput, APipeWithTextBeforeTheNulIsReportedAtTheNul) {
  auto r = run_shell("(printf 'project \"a\" {}\\n\\000'; cat /dev/zero) | " +
                     bounded("$KPI check /dev/stdin"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/dev/stdin:2:1: error: NUL byte in the text"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kpi
