#include "engine/base/spell.hpp"

#include <algorithm>

#include "engine/base/utf8.hpp"

namespace kpi {

namespace {

// The distance of x and y when it is at most `cutoff`, else cutoff + 1: a row whose every cell
// is past the cutoff ends the table (the distance can only grow from there).
std::size_t distance(const std::u32string& x, const std::u32string& y, std::size_t cutoff) {
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    std::size_t low = row[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
      low = std::min(low, row[j]);
    }
    if (low > cutoff) return cutoff + 1;
  }
  return row[y.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = utf8::decode(a), y = utf8::decode(b);
  return distance(x, y, std::max(x.size(), y.size()));
}

speller::speller(const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (utf8::length(c) > max_suggested_length) continue;
    std::u32string d = utf8::decode(c);
    if (by_length_.size() <= d.size()) by_length_.resize(d.size() + 1);
    by_length_[d.size()].push_back(text_.size());
    text_.push_back(c);
    decoded_.push_back(std::move(d));
  }
}

std::optional<std::string> speller::closest(std::string_view word, std::uint64_t* cells,
                                            bool* exhausted) const {
  if (utf8::length(word) > max_suggested_length) return std::nullopt;
  const std::u32string w = utf8::decode(word);
  const std::size_t len = w.size();
  const std::size_t limit = std::max<std::size_t>(1, (len + 1) / 2);
  std::size_t best_d = limit + 1;  // none yet
  std::size_t best = text_.size();
  // The difference in length is a lower bound of the distance: lengths are tried nearest
  // first, and none further than the best distance found so far.
  for (std::size_t gap = 0; gap <= std::min(best_d, limit); ++gap) {
    for (int side = 0; side < (gap == 0 ? 1 : 2); ++side) {
      if (side == 1 && gap > len) continue;
      const std::size_t at = side == 0 ? len + gap : len - gap;
      if (at >= by_length_.size()) continue;
      for (std::size_t i : by_length_[at]) {
        if (gap > best_d || (gap == best_d && i > best)) break;
        const std::u32string& c = decoded_[i];
        if (cells != nullptr) {
          const std::uint64_t cost = std::uint64_t{len} * c.size() + 1;
          if (*cells < cost) {
            if (exhausted != nullptr) *exhausted = true;
            return std::nullopt;
          }
          *cells -= cost;
        }
        const std::size_t d = distance(w, c, best_d);
        const bool better = d < best_d || (d == best_d && i < best);
        if (better && d <= limit && d < std::max(len, c.size())) {
          best_d = d;
          best = i;
        }
      }
    }
  }
  if (best == text_.size()) return std::nullopt;
  return text_[best];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  return speller(candidates).closest(word);
}

}  // namespace kpi
