#include "engine/base/spell.hpp"

#include <algorithm>

#include "engine/base/utf8.hpp"

namespace kpi {

namespace {

std::size_t distance(const std::u32string& x, const std::u32string& y) {
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(utf8::decode(a), utf8::decode(b));
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const std::u32string w = utf8::decode(word);
  const std::size_t len = w.size();
  const std::size_t limit = std::max<std::size_t>(1, (len + 1) / 2);
  std::optional<std::string> best;
  std::size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    const std::u32string cw = utf8::decode(c);
    // The difference in length is a lower bound of the distance: a word far longer or
    // shorter than every candidate (a pasted paragraph in a unit cell) costs no table.
    const std::size_t gap = len > cw.size() ? len - cw.size() : cw.size() - len;
    if (gap >= best_d) continue;
    std::size_t d = distance(w, cw);
    if (d < best_d && d < std::max(len, cw.size())) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace kpi
