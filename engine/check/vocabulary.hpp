// Known qualitative terms and their classes, from `terms` declarations
// (stdlib/vocabulary.kpi and the user's own files).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/intern.hpp"
#include "engine/model/model.hpp"

namespace kpi {

struct term_def {
  std::string term;
  istr term_class;  // vague, state, grade, placeholder, or a user's own class
  model::location loc;
};

class vocabulary {
 public:
  // False when the term is already known (the existing entry is kept).
  bool add(term_def def) {
    std::string term = def.term;
    bool fresh = terms_.emplace(term, std::move(def)).second;
    if (fresh) order_.push_back(std::move(term));
    return fresh;
  }
  [[nodiscard]] const term_def* find(const std::string& term) const {
    auto it = terms_.find(term);
    return it == terms_.end() ? nullptr : &it->second;
  }
  // In declaration order.
  [[nodiscard]] const std::vector<std::string>& names() const { return order_; }

 private:
  std::unordered_map<std::string, term_def> terms_;
  std::vector<std::string> order_;
};

}  // namespace kpi
