// "Did you mean …?" suggestions by edit distance over code points.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// Levenshtein distance counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that grows with the word's length, if any.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

}  // namespace kpi
