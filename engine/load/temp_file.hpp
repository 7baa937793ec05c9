// A file that appears whole or not at all: written under a unique name in the directory of
// the file it will replace (mkstemp: created new, never through a link or over another file),
// flushed to disk, then renamed over it. Until then the temporary name is removed on failure,
// on destruction and on SIGINT, SIGTERM or SIGHUP.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "engine/base/diagnostic.hpp"

namespace kpi {

// What the replaced file keeps from the file it replaces; without it, a new file gets the
// mode a file created by open(2) would get (0666 & ~umask) and the caller's owner and group.
struct kept_owner {
  mode_t mode = 0;
  uid_t uid = 0;
  gid_t gid = 0;
  bool owner = true;  // false: only the mode is kept
};

class temp_file {
 public:
  // Creates the temporary file next to `target`; when that fails, ok() is false and error()
  // says why. Ignores SIGXFSZ from then on, so that a write past `ulimit -f` fails (EFBIG)
  // instead of killing the process with the temporary file left behind.
  explicit temp_file(const std::string& target);
  ~temp_file();  // removes the temporary file unless commit() succeeded
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;

  bool ok() const { return fd_ >= 0; }
  const text& error() const { return error_; }
  int fd() const { return fd_; }
  // A name that opens the temporary file itself (for a library that wants a file name):
  // /proc/self/fd/N where /proc shows this file, else the temporary name.
  std::string open_name() const;

  // Writes all of `data`; false (and error() set) on the first failure, after which
  // nothing more is written.
  bool write(const char* data, std::size_t size);
  // Sets the mode (and owner and group, when `keep` is given), fsyncs, renames over the
  // target and fsyncs its directory. False with error() set when any step fails; the
  // target is then unchanged.
  bool commit(const std::optional<kept_owner>& keep = std::nullopt);

 private:
  void discard();

  std::string target_;
  std::string path_;
  text error_;
  int fd_ = -1;
  int slot_ = -1;  // in the table the signal handler removes
};

// 0666 & ~umask: the mode of a file created by open(2) with mode 0666. Read from
// /proc/self/status, or (without /proc) with umask(2) once.
mode_t created_file_mode();

}  // namespace kpi
