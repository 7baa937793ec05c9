// "Did you mean …?" suggestions by edit distance over code points.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// Levenshtein distance counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Words (and candidates) longer than this many code points get no suggestion: comparing two
// names costs the product of their lengths.
inline constexpr std::size_t max_suggested_length = 1000;

// Candidates prepared once for many suggestions: decoded, and grouped by length, so that a word
// is compared only with candidates whose length is near its own.
class speller {
 public:
  explicit speller(const std::vector<std::string>& candidates);
  // The closest candidate within a distance that grows with the word's length, if any; ties go
  // to the candidate given first. `cells`, when given, is the number of comparison steps (cells
  // of the distance table) still allowed and is reduced by those used; when it runs out the
  // search stops and `*exhausted` is set.
  std::optional<std::string> closest(std::string_view word, std::uint64_t* cells = nullptr,
                                     bool* exhausted = nullptr) const;

 private:
  std::vector<std::string> text_;
  std::vector<std::u32string> decoded_;
  std::vector<std::vector<std::size_t>> by_length_;  // [length] → indices, in order given
};

// The same for one word against a list of candidates.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

}  // namespace kpi
