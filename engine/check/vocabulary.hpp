// Known qualitative terms and their classes, from `terms` declarations
// (stdlib/vocabulary.kpi and the user's own files).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/model/model.hpp"

namespace kpi {

struct term_def {
  std::string term;
  std::string term_class;  // vague, state, grade, placeholder, or a user's own class
  model::location loc;
};

class vocabulary {
 public:
  // False when the term is already known (the existing entry is kept).
  bool add(term_def def) { return terms_.emplace(def.term, std::move(def)).second; }
  [[nodiscard]] const term_def* find(const std::string& term) const {
    auto it = terms_.find(term);
    return it == terms_.end() ? nullptr : &it->second;
  }
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> n;
    n.reserve(terms_.size());
    for (const auto& [t, d] : terms_) n.push_back(t);
    return n;
  }

 private:
  std::unordered_map<std::string, term_def> terms_;
};

}  // namespace kpi
