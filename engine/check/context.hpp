// Shared by the checker's passes: where we are, and how to report there.
#pragma once

#include <fmt/format.h>

#include "engine/base/diagnostic.hpp"
#include "engine/model/model.hpp"

namespace kpi {

struct check_context {
  diagnostics& diags;
  source_ptr src;
  std::uint32_t file = 0;

  diagnostic& error(source_range r, text message) const {
    return diags.error(src, r, std::move(message));
  }
  void note(diagnostic& d, const model::location& at, const std::vector<source_ptr>& sources,
            text message) const {
    source_ptr s = at.file < sources.size() ? sources[at.file] : nullptr;
    d.notes.push_back({s, {at.offset, at.offset + 1}, std::move(message)});
  }
  [[nodiscard]] model::location at(source_range r) const { return {file, r.begin}; }
};

}  // namespace kpi
