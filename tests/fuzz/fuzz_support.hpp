// Shared by the libFuzzer targets: the invariants every front-end result must keep.
// A broken invariant prints what broke and aborts, which libFuzzer reports as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/base/diagnostic.hpp"

namespace kpi::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "kpi fuzz invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Every error names a file and a position inside it, and renders in both languages as
// `<file>:<line>:<col>: error: ` (or `warning`, …) followed by the source line and a caret.
inline void check_diagnostics(const diagnostics& ds, std::string_view file) {
  for (const auto& d : ds.all()) {
    if (d.level == severity::error && !d.src) fail("error without a position", render(d, lang::en));
    if (d.src) {
      if (d.range.begin > d.src->text().size() || d.range.end < d.range.begin)
        fail("diagnostic range outside its source", render(d, lang::en));
      if (d.message.en.empty() || d.message.zh.empty()) fail("message missing a language", render(d, lang::en));
    }
    std::string en = render(d, lang::en);
    std::string zh = render(d, lang::zh);
    if (d.src && d.src->name() == file && en.rfind(std::string(file) + ":", 0) != 0)
      fail("rendered message does not start with the file name", en);
    if (d.src && en.find("\n  ") == std::string::npos) fail("rendered message without its source line", en);
    (void)zh;
  }
}

}  // namespace kpi::fuzz
