#include "engine/import/evidence.hpp"

#include <array>

#include <fmt/format.h>

namespace kpi::importer {
namespace {

constexpr std::array<std::string_view, 4> cost_words = {"费", "成本", "总额", "经费"};

bool contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool has_cost_word(std::string_view name) {
  for (std::string_view w : cost_words)
    if (contains(name, w)) return true;
  return false;
}

bool is_satisfaction_name(std::string_view name) {
  return contains(name, "满意");
}

text dimension_text(std::string_view d) {
  if (d == "currency") return {"money", "金额"};
  if (d == "count") return {"a count", "计数"};
  if (d == "ratio") return {"a ratio", "比率"};
  if (d == "duration") return {"a duration", "时长"};
  return {std::string(d), std::string(d)};
}

bool is_quantity(const row& r) {
  return r.goal.kind == target_kind::quantity && !r.goal.dimension.empty();
}

bool is_upper_bound(const row& r) {
  return r.goal.op == "<=" || r.goal.op == "<";
}

}  // namespace

verdict judge(const row& r, std::string_view level1, std::string_view level2) {
  const bool cost_block = level1 == "成本指标" || level2 == "成本指标";
  const bool satisfaction_block = level1 == "满意度指标";
  const std::string& unit = r.goal.unit;
  const std::string& dim = r.goal.dimension;
  if (cost_block && is_quantity(r) && dim != "currency") {
    text d = dimension_text(dim);
    return {true,
            {fmt::format("unit {} is {}, not money", unit, d.en),
             fmt::format("单位“{}”是{}，不是金额", unit, d.zh)}};
  }
  if (!cost_block && is_quantity(r) && dim == "currency" &&
      (is_upper_bound(r) || has_cost_word(r.name))) {
    return {true,
            {fmt::format("a bound in money ({} {}) is a cost", r.goal.op, unit),
             fmt::format("金额指标（{} {}）属于成本", r.goal.op, unit)}};
  }
  if (satisfaction_block && is_quantity(r) && dim != "ratio") {
    text d = dimension_text(dim);
    return {true,
            {fmt::format("unit {} is {}, not a rate of satisfaction", unit, d.en),
             fmt::format("单位“{}”是{}，不是满意度比率", unit, d.zh)}};
  }
  if (!satisfaction_block && is_satisfaction_name(r.name)) {
    return {true, {"the name speaks of satisfaction (满意)", "名称含“满意”，属于满意度指标"}};
  }
  return {};
}

}  // namespace kpi::importer
