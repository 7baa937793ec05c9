// Runs the built `kpi` binary as a user would, capturing exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/helpers.hpp"

namespace kpi::test {

struct run_result {
  int code = -1;
  std::string out;
  std::string err;
};

// `args` is appended to the binary's path as shell words; `env` is prefixed (e.g.
// "LANG=zh_CN.UTF-8").
inline run_result run_kpi(const std::string& args, const std::string& env = "LANG=C") {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("kpi_cli_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string out = (dir / ("out" + std::to_string(counter))).string();
  std::string err = (dir / ("err" + std::to_string(counter++))).string();
  std::string cmd = "cd " + std::string(KPI_SOURCE_DIR) + " && env " + env + " " + KPI_BINARY +
                    " " + args + " >" + out + " 2>" + err + " </dev/null";
  int status = std::system(cmd.c_str());
  run_result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace kpi::test
