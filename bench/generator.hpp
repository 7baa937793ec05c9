// The generator of bench/gen, as a header so the micro-benchmarks build their inputs in memory.
// See bench/gen.cpp for what the data looks like.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kpi::bench {

struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  long between(long lo, long hi) { return lo + static_cast<long>(next() % (hi - lo + 1)); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[next() % v.size()];
  }
};

using strings = std::vector<std::string>;

const strings topics = {"城市道路养护", "社区卫生服务", "中小学校舍维修", "公共文化服务",
                        "农村饮水安全", "河道综合整治", "养老服务补贴",   "就业创业培训",
                        "智慧城市建设", "食品安全抽检", "垃圾分类推进",   "公共交通补贴",
                        "医疗设备购置", "科技创新券",   "对外交流",       "新闻宣传管理",
                        "信息化运维",   "档案数字化",   "森林防火",       "残疾人康复"};
const strings departments = {"上海市财政局",
                             "上海市卫生健康委员会",
                             "上海市教育委员会",
                             "上海市交通委员会",
                             "上海市民政局",
                             "上海市生态环境局",
                             "中国共产党上海市委员会宣传部",
                             "上海市科学技术委员会"};
const strings natures = {"经常性专项业务费", "其他经常性项目", "一次性项目", "跨年度项目"};
const strings categories = {"特定目标类", "其他运转类", "专项业务类"};
const strings costs = {"设备购置费用", "运营维护费用", "培训费",     "调研费用",
                       "印刷宣传费用", "专家咨询费用", "委托业务费", "信息系统运维费用",
                       "场地租赁费用", "劳务费"};
// Count indicators with their units.
const strings counts = {"培训人次",     "举办活动场次", "服务人数",     "发放宣传材料",
                        "开展检查次数", "新增服务网点", "编发简报期数", "发布信息条数",
                        "完成维修项目", "调研报告篇数"};
const strings count_units = {"人次", "场", "人", "册", "次", "个", "期", "条", "个", "篇"};
const strings qualities = {"验收合格率", "数据准确率", "设备完好率", "抽检合格率",
                           "问题整改率", "档案完整率", "服务达标率"};
const strings timings = {"平均办结天数", "问题响应时间", "资金拨付时间", "整改完成时限"};
const strings outcomes = {"服务覆盖率", "社会影响力",   "群众获得感",    "工作效率",
                          "政策知晓率", "环境质量改善", "可持续运行机制"};
const strings outcome_level2 = {"社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标"};
const strings satisfactions = {"服务对象满意度", "群众满意度", "参训人员满意度", "企业满意度"};
const strings vague = {"进一步提升", "有效提升", "稳步提高", "持续提升", "明显提高"};
const strings states = {"及时", "达标", "合格", "运行正常", "按期完成"};
const strings free_texts = {"\"每个工作日一期\"", "\"全年无重大安全事故\"", "\"形成长效机制\""};
const strings notes = {"因疫情影响部分活动延期", "采购节约资金", "需求增加超额完成",
                       "受天气影响进度滞后", "政策调整，计划变更"};

inline const char* ge_op(rng& r) {
  static const char* ops[] = {">=", ">=", "≥", "≥", "＞＝"};
  return ops[r.next() % 5];
}
inline const char* le_op(rng& r) {
  static const char* ops[] = {"<=", "<=", "≤", "≤", "≦"};
  return ops[r.next() % 5];
}

// "57.00 万元", "57.00万元" or "57.00(万元)".
inline std::string with_unit(rng& r, const std::string& number, const std::string& unit) {
  switch (r.next() % 4) {
    case 0:
      return number + unit;
    case 1:
      return number + "(" + unit + ")";
    default:
      return number + " " + unit;
  }
}

// Fixed-point text: v / 10^places.
inline std::string fixed(long v, int places, bool grouped = false) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  while (static_cast<int>(digits.size()) <= places) digits.insert(0, "0");
  std::string whole = digits.substr(0, digits.size() - places);
  if (grouped)
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  std::string out = (v < 0 ? "-" : "") + whole;
  if (places > 0) out += "." + digits.substr(digits.size() - places);
  return out;
}

struct writer {
  std::string kpi;
  std::string csv;
  rng r;
  std::string project;

  void line(int depth, const std::string& s) {
    kpi.append(depth * 2, ' ');
    kpi += s;
    kpi += '\n';
  }
  void actual(const std::string& indicator, const std::string& value, bool need_note = false) {
    csv += project + "," + indicator + ",";
    bool quote = value.find(',') != std::string::npos;
    csv += quote ? "\"" + value + "\"" : value;
    csv += ",";
    if (need_note ? r.chance(85) : r.chance(5)) csv += r.pick(notes);
    csv += '\n';
  }
  void qualitative_actual(const std::string& name, const std::string& target) {
    long p = r.between(1, 100);
    if (p <= 60)
      actual(name, "达成");
    else if (p <= 70)
      actual(name, target[0] == '"' ? "达成" : target);
    else if (p <= 80)
      actual(name, "达成年度指标");
    else if (p <= 88)
      actual(name, "部分达成", true);
    else if (p <= 95)
      actual(name, "部分达成 " + std::to_string(r.between(60, 79)) + "%", true);
    else
      actual(name, "未达成", true);
  }

  // A cost ceiling in 万元 (cents of 万元 = 100 元); actual within ±10 %, sometimes in 元.
  void cost(int depth, const std::string& name, long hundreds) {
    line(depth, "\"" + name + "\"  " + le_op(r) + " " + with_unit(r, fixed(hundreds, 2), "万元"));
    long a = hundreds * r.between(900, 1100) / 1000;
    if (r.chance(30))
      actual(name, fixed(a * 10000, 2, true) + "元", a > hundreds);
    else
      actual(name, fixed(a, 2) + "万元", a > hundreds);
  }
  void count(int depth, std::size_t which) {
    const std::string& name = counts[which];
    const std::string& unit = count_units[which];
    long t = r.between(2, 500);
    std::string op = r.chance(15) ? "=" : ge_op(r);
    line(depth, "\"" + name + "\"  " + op + " " + with_unit(r, fixed(t * 100, 2), unit));
    long a = t * r.between(700, 1500) / 1000;
    actual(name, std::to_string(a) + unit, a < t || a * 10 >= t * 13);
  }
  void percent(int depth, const std::string& name, long low) {
    long p = r.between(1, 100);
    std::string target;
    if (p <= 10) {
      long hi = low + r.between(1, 100 - low);
      target = "between " + std::to_string(low) + " .. " + std::to_string(hi) + " %";
    } else if (p <= 20) {
      target = "= 100 %";
    } else if (p <= 25) {
      target = "$\\geq " + fixed(low * 100, 2) + "\\%$";
    } else {
      target = std::string(ge_op(r)) + " " + with_unit(r, fixed(low * 100, 2), "%");
    }
    line(depth, "\"" + name + "\"  " + target);
    long a = r.between(low * 10 - 150, 1000);
    actual(name, fixed(a, 1) + "%", a < low * 10);
  }
  void days(int depth, const std::string& name) {
    long t = r.between(5, 60);
    line(depth, "\"" + name + "\"  " + le_op(r) + " " + with_unit(r, std::to_string(t), "天"));
    long a = t * r.between(700, 1200) / 1000;
    actual(name, std::to_string(a) + "天", a > t);
  }
  void qualitative(int depth, const std::string& name, const strings& terms) {
    std::string t = r.pick(terms);
    line(depth, "\"" + name + "\"  " + t);
    qualitative_actual(name, t);
  }

  // One project: its header, its groups, and its actuals rows.
  void emit(long index) {
    project = r.pick(topics) + "项目" + std::to_string(index + 1);
    const std::string& dept = r.pick(departments);
    int ncost = static_cast<int>(r.between(2, 4));
    std::vector<long> cost_hundreds;
    long total_hundreds = 0;
    for (int i = 0; i < ncost; ++i) {
      cost_hundreds.push_back(r.between(50, 9000));
      total_hundreds += cost_hundreds.back();
    }
    long total_cents = total_hundreds * 10000;  // 万元 cents → 元 cents
    line(0, "project \"" + project + "\" {");
    line(1, "department \"" + dept + "\"");
    line(1, "unit \"" + dept + "办公室\"");
    line(1, "nature \"" + r.pick(natures) + "\"");
    line(1, "category \"" + r.pick(categories) + "\"");
    line(1, "period 2024-01-01 .. 2024-12-31");
    std::string total = fixed(total_cents, 2, true) + " 元";
    line(1, "funds total " + total + " fiscal " + total + " carryover 0.00 元 other 0.00 元");
    line(1, "goal \"围绕" + project +
                "年度任务，按期完成各项工作，提高资金使用效益和公共服务水平，"
                "确保项目按计划实施并取得预期成效。\"");
    kpi += '\n';
    long executed = total_cents * r.between(8000, 10000) / 10000;
    actual("预算执行数", fixed(executed, 2, true) + "元", executed * 10 < total_cents * 9);

    bool old_layout = r.chance(25);
    // 2021+ layout: 成本指标 { 经济成本指标 { … } }; older: 成本指标 { … } as a 二级 of 产出指标.
    auto cost_block = [&](int depth) {
      line(depth, "成本指标 {");
      if (depth == 1) line(depth + 1, "经济成本指标 {");
      int inner = depth == 1 ? depth + 2 : depth + 1;
      for (int i = 0; i < ncost; ++i) cost(inner, costs[i], cost_hundreds[i]);
      if (depth == 1) line(depth + 1, "}");
      line(depth, "}");
    };
    if (!old_layout) cost_block(1);
    line(1, "产出指标 {");
    line(2, "数量指标 {");
    for (long i = 0, n = r.between(2, 4); i < n; ++i) count(3, (index + i) % counts.size());
    line(2, "}");
    line(2, "质量指标 {");
    for (long i = 0, n = r.between(1, 2); i < n; ++i)
      percent(3, qualities[(index + i) % qualities.size()], r.between(80, 98));
    qualitative(3, "工作质量", r.chance(50) ? states : vague);
    line(2, "}");
    line(2, "时效指标 {");
    days(3, timings[index % timings.size()]);
    if (r.chance(50)) qualitative(3, "完成及时性", r.chance(80) ? states : free_texts);
    line(2, "}");
    if (old_layout) cost_block(2);
    line(1, "}");
    line(1, "效益指标 {");
    line(2, r.pick(outcome_level2) + " {");
    percent(3, outcomes[index % outcomes.size()], r.between(70, 95));
    qualitative(3, outcomes[(index + 1) % outcomes.size()], vague);
    if (r.chance(50)) qualitative(3, outcomes[(index + 2) % outcomes.size()], states);
    line(2, "}");
    line(1, "}");
    line(1, "满意度指标 {");
    line(2, "服务对象满意度指标 {");
    bool weighted = r.chance(15);
    long nsat = r.between(1, 2);
    for (long i = 0; i < nsat; ++i) {
      std::string name = satisfactions[(index + i) % satisfactions.size()];
      std::string weight = !weighted   ? ""
                           : nsat == 1 ? "  weight 10"
                           : i == 0    ? "  weight 6"
                                       : "  weight 4";
      long low = r.between(85, 95);
      line(3,
           "\"" + name + "\"  " + ge_op(r) + " " + with_unit(r, fixed(low * 100, 2), "%") + weight);
      long a = r.between(low * 10 - 50, 1000);
      actual(name, fixed(a, 1) + "%", a < low * 10);
    }
    line(2, "}");
    line(1, "}");
    line(0, "}");
    kpi += '\n';
  }
};

// N projects from `seed`: targets as .kpi text, actuals as CSV text.
inline void generate(long n, std::uint64_t seed, std::string& kpi, std::string& csv) {
  writer w{{}, {}, {seed}, {}};
  w.kpi = "# bench/gen: " + std::to_string(n) + " generated projects (targets)\n\n";
  w.csv = "project,indicator,actual,note\n";
  for (long i = 0; i < n; ++i) w.emit(i);
  kpi = std::move(w.kpi);
  csv = std::move(w.csv);
}

}  // namespace kpi::bench
