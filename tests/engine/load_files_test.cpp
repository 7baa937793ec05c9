// disk_reader: what is read from a file that is not regular (bounded, up to the first NUL)
// and what is refused when writing.
#include "engine/load/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/shell.hpp"

namespace kpi {
namespace {

using test::scratch_dir;

// Reads what `feed` writes into a pipe through /dev/fd/N, as `kpi check /dev/stdin` would.
std::optional<std::string> read_pipe(disk_reader& reader, const std::string& feed,
                                     std::size_t times, text& error) {
  ::signal(SIGPIPE, SIG_IGN);  // the writer learns that the reader stopped from EPIPE
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    for (std::size_t i = 0; i < times; ++i)
      if (::write(fds[1], feed.data(), feed.size()) < 0) break;  // the reader stopped
    ::close(fds[1]);
  });
  auto r = reader.read("/dev/fd/" + std::to_string(fds[0]), error);
  ::close(fds[0]);
  writer.join();
  return r;
}

TEST(DiskReader, AStreamIsReadUpToItsLimit) {
  disk_reader reader(1 << 20);
  text error;
  auto all = read_pipe(reader, std::string(1 << 16, 'a'), 8, error);  // 512 KiB: within
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 8u << 16);
  auto over = read_pipe(reader, std::string(1 << 16, 'a'), 32, error);  // 2 MiB: past it
  EXPECT_FALSE(over);
  EXPECT_EQ(error.en,
            "more than 1 MiB from a pipe or device; kpi reads at most 1 MiB from an input that is "
            "not a regular file (save it to a file first)");
  EXPECT_EQ(error.zh,
            "来自管道或设备的数据超过 1 MiB；对于非普通文件的输入，kpi 最多读取 1 MiB"
            "（请先保存为文件）");
}

TEST(DiskReader, AStreamEndsAtItsFirstNul) {
  disk_reader reader;
  text error;
  auto t = read_pipe(reader, std::string("abc") + '\0' + "def", 1000, error);
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, std::string("abc") + '\0');
}

TEST(DiskReader, ARegularFileIsReadWholeNulsAndAll) {
  scratch_dir d("disk_reader");
  std::string body = std::string("a\0b", 3) + std::string(200000, 'c');
  std::ofstream(d.at("f"), std::ios::binary) << body;
  disk_reader reader;
  text error;
  auto t = reader.read(d.at("f"), error);
  ASSERT_TRUE(t);
  EXPECT_TRUE(*t == body);
}

TEST(DiskReader, ReasonsAreInBothLanguages) {
  disk_reader reader;
  text error;
  EXPECT_FALSE(reader.read("/nonexistent/x.kpi", error));
  EXPECT_EQ(error.en, "No such file or directory");
  EXPECT_EQ(error.zh, "没有那个文件或目录");
  EXPECT_FALSE(reader.write("/dev/null", "x", error));
  EXPECT_EQ(error.en, "not a regular file");
  EXPECT_EQ(error.zh, "不是普通文件");
}

}  // namespace
}  // namespace kpi
