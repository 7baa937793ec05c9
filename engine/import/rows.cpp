#include "engine/import/rows.hpp"

namespace kpi::importer {
namespace {

bool is_key(const cell& c) {
  return field_of(c.key).has_value() || is_caption(c.key);
}

}  // namespace

classified_row classify(const cell_line& line) {
  classified_row r;
  const auto& cells = line.cells;
  if (cells.empty()) return r;
  if (cells.size() == 1 && is_title(cells[0].key)) {
    r.kind = row_kind::title;
    return r;
  }
  bool keys = false;
  for (const cell& c : cells) keys = keys || is_key(c);
  if (keys) {
    r.kind = row_kind::fields;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto f = field_of(cells[i].key);
      if (!f) continue;
      field_cell fc{*f, std::nullopt};
      if (i + 1 < cells.size() && !is_key(cells[i + 1])) fc.value = cells[i + 1].text;
      r.fields.push_back(std::move(fc));
    }
    return r;
  }
  for (const cell& c : cells) {
    if (c.key == "一级指标" || c.key == "二级指标") {
      r.kind = row_kind::column_heads;
      return r;
    }
  }
  r.kind = row_kind::body;
  for (const cell& c : cells) {
    auto role = label_of(c.key);
    if (!role) {
      if (!is_column_head(c.key)) r.rest.push_back(c.text);
    } else if (*role != label_role::fragment) {
      r.labels.push_back(c.key);
    }
  }
  return r;
}

}  // namespace kpi::importer
