#include "engine/base/intern.hpp"

#include <functional>
#include <mutex>
#include <unordered_set>

namespace kpi {
namespace {

// Never freed: the set only grows by the distinct strings a run meets (a few hundred for a
// city's targets). Nodes of an unordered_set never move, so views into them stay valid.
struct text_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct pool {
  std::mutex lock;
  std::unordered_set<std::string, text_hash, std::equal_to<>> strings;
};

pool& the_pool() {
  static pool* p = new pool;  // NOLINT: outlives every static that may still hold an istr
  return *p;
}

}  // namespace

istr::istr(std::string_view text) {
  if (text.empty()) return;
  pool& p = the_pool();
  std::lock_guard<std::mutex> guard(p.lock);
  auto it = p.strings.find(text);
  if (it == p.strings.end()) it = p.strings.emplace(text).first;
  p_ = &*it;
}

}  // namespace kpi
