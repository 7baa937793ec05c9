#include "engine/import/placement.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/import/evidence.hpp"
#include "engine/import/framework.hpp"

namespace kpi::importer {
namespace {

struct placement {
  std::string level1;
  std::string level2;
  friend bool operator==(const placement&, const placement&) = default;
};

std::string path(const placement& p) {
  return p.level2.empty() ? p.level1 : p.level1 + "/" + p.level2;
}

std::string where(const origin& at) {
  return fmt::format("{}:{}", at.file, at.line);
}

// The rows between one label line and the next that changes the placement.
struct block {
  placement place;
  origin label_at;
  bool labelled = false;
  std::vector<int> rows;
};

class placer {
 public:
  placer(project_table& p, std::vector<note>& notes) : p_(p), notes_(notes) {}

  void run() {
    collect_blocks();
    move_rows_to_their_labels();
    assign();
    drop_repeats();
  }

 private:
  project_table& p_;
  std::vector<note>& notes_;
  std::vector<block> blocks_;
  std::set<int> on_label_line_;  // rows printed on a label line: they stay with that label

  void add(note_kind k, const origin& at, std::string indicator, text message) {
    notes_.push_back({k, at, p_.name, std::move(indicator), std::move(message)});
  }

  // Rule 1: the placement a label line gives, from the labels on it and the current placement.
  placement read_labels(const label_line& l, const placement& cur) {
    std::vector<std::string> level1s;
    std::vector<std::string> level2s;
    for (std::size_t i = 0; i < l.labels.size(); ++i) {
      const std::string& label = l.labels[i];
      auto role = label_of(label);
      bool after_output = i > 0 && l.labels[i - 1] == "产出指标";
      if (role == label_role::level1 || (role == label_role::either && !after_output))
        level1s.push_back(label);
      else
        level2s.push_back(label);
    }
    const std::string l1 = level1s.empty() ? "" : level1s.back();
    const std::string l2 = level2s.empty() ? "" : level2s.back();
    for (const std::string& label : l.labels) {
      if (label == l1 || label == l2) continue;
      const std::string& next = l2.empty() ? l1 : l2;
      add(note_kind::stray_label, l.at, "",
          {fmt::format("label {} stands before {} on this line and has no rows of its own: ignored",
                       label, next),
           fmt::format("标签“{}”位于本行“{}”之前，没有属于它的指标行：忽略", label, next)});
    }
    if (l2.empty()) return {l1, l1 == cur.level1 ? cur.level2 : ""};
    if (!l1.empty()) {
      if (valid_pair(l1, l2)) return {l1, l2};
      std::string parent = parent_of(l2);
      add(note_kind::shifted_label, l.at, "",
          {fmt::format("{} is not a 二级 label of {}: {} belongs to {}; the rows from here are "
                       "placed under "
                       "{}/{} (the 一级 label {} is shifted by a row)",
                       l2, l1, l2, parent, parent, l2, l1),
           fmt::format(
               "“{}”不是“{}”的二级指标，而属于“{}”：自此行起归入 {}/{}（一级标签“{}”错位一行）", l2,
               l1, parent, parent, l2, l1)});
      return {parent, l2};
    }
    if (valid_pair(cur.level1, l2)) return {cur.level1, l2};
    std::string parent = parent_of(l2);
    if (cur.level1.empty()) {
      add(note_kind::shifted_label, l.at, "",
          {fmt::format("{} has no 一级 label above it: the rows from here are placed under {}/{}",
                       l2, parent, l2),
           fmt::format("“{}”上方没有一级标签：自此行起归入 {}/{}", l2, parent, l2)});
    } else {
      add(note_kind::shifted_label, l.at, "",
          {fmt::format("{} is not a 二级 label of {} above it: {} belongs to {}; the rows from "
                       "here are placed "
                       "under {}/{}",
                       l2, cur.level1, l2, parent, parent, l2),
           fmt::format("“{}”不是上方“{}”的二级指标，而属于“{}”：自此行起归入 {}/{}", l2, cur.level1,
                       parent, parent, l2)});
    }
    return {parent, l2};
  }

  void collect_blocks() {
    blocks_.push_back({});  // rows before any label
    std::size_t next_label = 0;
    for (int i = 0; i < static_cast<int>(p_.rows.size()); ++i) {
      const std::uint32_t line = p_.rows[static_cast<std::size_t>(i)].at.line;
      while (next_label < p_.labels.size() && p_.labels[next_label].at.line <= line) {
        const label_line& l = p_.labels[next_label++];
        open_block(l);
        if (l.row == i) on_label_line_.insert(i);
      }
      if (p_.rows[static_cast<std::size_t>(i)].broken) continue;
      blocks_.back().rows.push_back(i);
    }
    while (next_label < p_.labels.size()) open_block(p_.labels[next_label++]);
  }

  void open_block(const label_line& l) {
    placement cur = blocks_.back().place;
    placement next = read_labels(l, cur);
    if (blocks_.back().labelled && next == cur) return;  // a label repeated after a page break
    blocks_.push_back({next, l.at, true, {}});
  }

  // Rule 2.
  void move_rows_to_their_labels() {
    for (std::size_t b = 0; b + 1 < blocks_.size(); ++b) {
      block& a = blocks_[b];
      block& next = blocks_[b + 1];
      std::size_t keep = a.rows.size();
      std::vector<text> reasons;
      if (!a.labelled) {
        keep = 0;
      } else {
        while (keep > 0 && on_label_line_.count(a.rows[keep - 1]) == 0) {
          const row& r = p_.rows[static_cast<std::size_t>(a.rows[keep - 1])];
          verdict here = judge(r, a.place.level1, a.place.level2);
          if (!here.conflict || judge(r, next.place.level1, next.place.level2).conflict) break;
          reasons.insert(reasons.begin(), here.why);
          --keep;
        }
      }
      for (std::size_t k = keep; k < a.rows.size(); ++k) {
        const row& r = p_.rows[static_cast<std::size_t>(a.rows[k])];
        std::string to = path(next.place);
        if (!a.labelled) {
          add(note_kind::no_label_above, r.at, r.name,
              {fmt::format(
                   "{} ({}) has no label above it: placed under {}, the first label below ({})",
                   r.name, r.goal.raw, to, where(next.label_at)),
               fmt::format("“{}”（{}）上方没有标签：归入其下第一个标签 {}（{}）", r.name,
                           r.goal.raw, to, where(next.label_at))});
        } else {
          const text& why = reasons[k - keep];
          add(note_kind::moved, r.at, r.name,
              {fmt::format("{} ({}) is placed under {} (label at {}), not under {} above it: {}",
                           r.name, r.goal.raw, to, where(next.label_at), path(a.place), why.en),
               fmt::format("“{}”（{}）归入 {}（标签见 {}），而非其上方的 {}：{}", r.name,
                           r.goal.raw, to, where(next.label_at), path(a.place), why.zh)});
        }
      }
      next.rows.insert(next.rows.begin(), a.rows.begin() + static_cast<std::ptrdiff_t>(keep),
                       a.rows.end());
      a.rows.resize(keep);
    }
  }

  void assign() {
    for (const block& b : blocks_) {
      for (int i : b.rows) {
        row& r = p_.rows[static_cast<std::size_t>(i)];
        if (!b.labelled) continue;
        r.level1 = b.place.level1;
        r.level2 = b.place.level2;
        verdict v = judge(r, r.level1, r.level2);
        if (v.conflict)
          add(note_kind::doubtful, r.at, r.name,
              {fmt::format("{} ({}) is placed under {} as printed, though {}", r.name, r.goal.raw,
                           path(b.place), v.why.en),
               fmt::format("“{}”（{}）按原表归入 {}，但{}", r.name, r.goal.raw, path(b.place),
                           v.why.zh)});
      }
    }
    for (const row& r : p_.rows) {
      if (!r.level1.empty()) continue;
      text why = r.broken
                     ? text{"a single cell, not a name with its target",
                            "只有一个单元格，不是“名称 + 指标值”"}
                     : text{"no 一级/二级 label in its table", "所在表中没有一级/二级指标标签"};
      add(note_kind::unplaced, r.at, r.name,
          {fmt::format("row {} cannot be placed: {}", r.name, why.en),
           fmt::format("无法归类的行“{}”：{}", r.name, why.zh)});
    }
  }

  // Rule 3.
  void drop_repeats() {
    std::vector<const row*> seen;
    for (row& r : p_.rows) {
      if (r.level1.empty()) continue;
      auto first = std::find_if(seen.begin(), seen.end(), [&](const row* s) {
        return s->level1 == r.level1 && s->level2 == r.level2 && s->name == r.name &&
               s->goal.raw == r.goal.raw;
      });
      if (first == seen.end()) {
        seen.push_back(&r);
        continue;
      }
      r.repeated = true;
      placement at{r.level1, r.level2};
      add(note_kind::repeated, r.at, r.name,
          {fmt::format("{} ({}) repeats line {} under {}: kept once", r.name, r.goal.raw,
                       (*first)->at.line, path(at)),
           fmt::format("“{}”（{}）与第 {} 行在 {} 下重复：只保留一次", r.name, r.goal.raw,
                       (*first)->at.line, path(at))});
    }
  }
};

}  // namespace

void place_rows(project_table& p, std::vector<note>& notes) {
  placer(p, notes).run();
}

}  // namespace kpi::importer
