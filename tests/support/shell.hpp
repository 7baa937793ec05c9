// Runs a /bin/sh script in which $KPI is the built binary, for tests that need the shell
// around it (ulimit, umask, a FIFO fed in the background, two runs at once).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/run.hpp"

namespace kpi::test {

// A fresh directory for one test, removed afterwards; at(name) is a path inside it.
struct scratch_dir {
  std::filesystem::path dir;
  explicit scratch_dir(const std::string& name) {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("kpi_" + name + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~scratch_dir() {
    std::error_code ec;
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(dir, ec);
  }
  std::string at(const std::string& name) const { return (dir / name).string(); }
};

// `script` runs in the source directory with LANG=C; its stdout and stderr are captured.
// code is -1 when the shell was killed by a signal.
inline run_result run_shell(const std::string& script) {
  scratch_dir tmp("shell");
  std::string body = tmp.at("script.sh");
  {
    std::ofstream f(body);
    f << "KPI=" << KPI_BINARY << "\ncd " << KPI_SOURCE_DIR << "\n" << script << "\n";
  }
  std::string cmd =
      "env LANG=C /bin/sh " + body + " >" + tmp.at("out") + " 2>" + tmp.at("err") + " </dev/null";
  int status = std::system(cmd.c_str());
  run_result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(tmp.at("out"));
  r.err = read_file(tmp.at("err"));
  return r;
}

// True when this test binary (and so kpi, built alike) runs under AddressSanitizer, which
// cannot start under `ulimit -v`.
constexpr bool under_asan() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

}  // namespace kpi::test
