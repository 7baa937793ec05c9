#include "engine/base/spell.hpp"

#include <algorithm>

#include "engine/base/utf8.hpp"

namespace kpi {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x = utf8::decode(a);
  std::u32string y = utf8::decode(b);
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

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::size_t len = utf8::length(word);
  std::size_t limit = std::max<std::size_t>(1, (len + 1) / 2);
  std::optional<std::string> best;
  std::size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d && d < std::max(len, utf8::length(c))) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace kpi
