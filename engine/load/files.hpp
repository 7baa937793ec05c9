// Reading input files and writing output files, behind an interface so tests can use an
// in-memory fake. Reasons for failure are for people, in both languages.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace kpi {

class file_reader {
 public:
  virtual ~file_reader() = default;
  // Writes the whole file; false with `error` set on failure.
  virtual bool write(const std::string& path, const std::string& contents, text& error) = 0;
  // Hands `produce` a function that appends text to the file, so that output of any size is
  // written piece by piece; the file appears only once `produce` has returned and all of it
  // is written. Unless overridden, the pieces are gathered and given to write().
  using put_fn = std::function<void(std::string_view)>;
  virtual bool write_streamed(const std::string& path,
                              const std::function<void(const put_fn&)>& produce, text& error);
  // For a library that writes a file by name (libxlsxwriter): `produce` writes the file named
  // by its argument and returns false with its own message on failure. Like write(), the file
  // at `path` changes only once `produce` succeeded. Unless overridden, `produce` writes
  // `path` itself.
  using produce_named_fn = std::function<bool(const std::string& name, text& error)>;
  virtual bool write_named(const std::string& path, const produce_named_fn& produce, text& error);
  // Replaces the text of an existing file (kpi fmt -i). Unless overridden, write().
  virtual bool rewrite(const std::string& path, const std::string& contents, text& error);
  // The whole file, or nullopt with `error` set to a reason for people.
  virtual std::optional<std::string> read(const std::string& path, text& error) = 0;
};

// The input among `inputs` that writing `output` would replace — the same file through any
// spelling of its path or a link — or nullopt. `-o` never overwrites an input.
std::optional<std::string> overwritten_input(const std::string& output,
                                             const std::vector<std::string>& inputs);

// The files of the disk.
//
// Reading: a regular file is read whole. Anything else (a pipe, a FIFO, a character device
// such as /dev/zero) is read in pieces and only up to the first NUL byte, which the text
// checks then report at its position; more than `stream_limit` bytes from it is an error.
//
// Writing: through a temp_file (a unique new file in the target's directory, flushed to disk,
// then renamed over the target), never into a file that exists and is not a regular file.
// rewrite() keeps the mode, owner and group of the file, writes the target of a symbolic
// link (the link stays), and refuses a file without write permission and a file with more
// than one hard link (replacing it would split the links).
class disk_reader final : public file_reader {
 public:
  static constexpr std::size_t default_stream_limit = std::size_t{1} << 30;  // 1 GiB
  explicit disk_reader(std::size_t stream_limit = default_stream_limit)
      : stream_limit_(stream_limit) {}

  std::optional<std::string> read(const std::string& path, text& error) override;
  bool write(const std::string& path, const std::string& contents, text& error) override;
  bool write_streamed(const std::string& path, const std::function<void(const put_fn&)>& produce,
                      text& error) override;
  bool write_named(const std::string& path, const produce_named_fn& produce, text& error) override;
  bool rewrite(const std::string& path, const std::string& contents, text& error) override;

 private:
  std::size_t stream_limit_;
};

class memory_reader final : public file_reader {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path, text& error) override;
  bool write(const std::string& path, const std::string& contents, text& error) override;
};

// The reason for an errno value, in both languages.
text os_reason(int err);

}  // namespace kpi
