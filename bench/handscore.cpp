// bench/handscore: the hand-written, single-purpose scorer the benchmark measures kpi against.
//
//   handscore TARGETS.kpi ACTUALS.csv     prints "project<TAB>total" per project, in file order
//
// It knows only what bench/gen writes (one item per line, all four 一级 groups present) and
// implements the SCORING.md rules that data needs: 预算执行率 10, 产出 (with 成本) 50, 效益 30,
// 满意度 10; explicit weights; the even split in cents by largest remainder; positive,
// reverse (ratio) and range formulas; grades with shares; one division carried to 12 places
// and each score rounded half-up to cents. Inputs are memory-mapped; values are int64 fixed
// point (base unit × 10^4), the one product of a score is taken in 128 bits.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using i64 = std::int64_t;
using i128 = __int128;
constexpr i64 one = 10000;  // fixed point: base unit × 10^4

std::string_view map_file(const char* path) {
  int fd = ::open(path, O_RDONLY);
  if (fd < 0) return {};
  struct stat st {};
  ::fstat(fd, &st);
  if (st.st_size == 0) return {};
  void* p = ::mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return {};
  ::madvise(p, st.st_size, MADV_SEQUENTIAL);
  return {static_cast<const char*>(p), static_cast<std::size_t>(st.st_size)};
}

enum class op : std::uint8_t { ge, le, eq, between, qualitative };
enum group : std::uint8_t { output, outcome, satisfaction, groups };
constexpr i64 group_points[groups] = {5000, 3000, 1000};  // cents
constexpr i64 budget_points = 1000;

struct indicator {
  std::string_view name;
  std::string_view text;  // qualitative: the term or quoted text
  i64 low = 0, high = 0;  // fixed point, base unit
  i64 weight = -1;        // cents; -1 when not given
  i64 actual = -1;        // fixed point; or a share in % × one for a grade; -1: missing
  op o = op::qualitative;
  group g = output;
};

struct project {
  std::string_view name;
  i64 total = 0;  // funds total, fixed point 元
  i64 executed = -1;
  std::uint32_t first = 0, count = 0;  // into the indicator array
};

bool starts(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && std::memcmp(s.data(), p.data(), p.size()) == 0;
}
void skip_spaces(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
}

// "1,234.5" → fixed point; the unit that follows multiplies it (万 = 10^4).
i64 number(std::string_view& s) {
  i64 v = 0;
  int places = -1;
  while (!s.empty()) {
    char c = s.front();
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      if (places >= 0) ++places;
    } else if (c == '.' && places < 0) {
      places = 0;
    } else if (c != ',') {
      break;
    }
    s.remove_prefix(1);
  }
  for (int p = places < 0 ? 0 : places; p < 4; ++p) v *= 10;
  return v;
}
i64 quantity(std::string_view& s) {
  i64 v = number(s);
  skip_spaces(s);
  if (!s.empty() && (s.front() == '(')) s.remove_prefix(1);
  if (starts(s, "万")) v *= 10000;
  return v;
}

// w × num ÷ den carried to 12 places half-up, then rounded half-up to cents.
i64 ratio(i64 w, i64 num, i64 den) {
  i128 n = static_cast<i128>(w) * num * 10000000000LL;
  i128 q12 = (2 * n + den) / (2 * static_cast<i128>(den));
  return static_cast<i64>((q12 + 5000000000LL) / 10000000000LL);
}

i64 score(const indicator& ind, i64 w) {
  i64 a = ind.actual, t = ind.low;
  if (a < 0) return 0;
  switch (ind.o) {
    case op::ge:
    case op::eq:
      return t == 0 ? w : ratio(w, a < t ? a : t, t);
    case op::le:
      return a <= t ? w : (t == 0 || a <= 0) ? 0 : ratio(w, t, a);
    case op::between:
      if (a >= t && a <= ind.high) return w;
      if (a < t) return a <= 0 ? 0 : ratio(w, a, t);
      return ratio(w, ind.high, a);
    case op::qualitative:
      return ratio(w, a, 100 * one);
  }
  return 0;
}

struct scorer {
  std::vector<project> projects;
  std::vector<indicator> inds;
  std::unordered_map<std::string_view, std::uint32_t> by_name;

  void read_targets(std::string_view text) {
    group g = output;
    int depth = 0;
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      skip_spaces(line);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '}') {
        --depth;
        continue;
      }
      if (line.front() == '"') {
        target(line, g);
      } else if (starts(line, "project \"")) {
        line.remove_prefix(9);
        project p;
        p.name = line.substr(0, line.find('"'));
        p.first = static_cast<std::uint32_t>(inds.size());
        by_name.emplace(p.name, static_cast<std::uint32_t>(projects.size()));
        projects.push_back(p);
        depth = 1;
      } else if (starts(line, "funds total ")) {
        line.remove_prefix(12);
        projects.back().total = number(line);
      } else if (line.back() == '{') {
        if (depth == 1)
          g = starts(line, "效益") ? outcome : starts(line, "满意度") ? satisfaction : output;
        ++depth;
      }
    }
  }

  void target(std::string_view line, group g) {
    indicator ind;
    line.remove_prefix(1);
    std::size_t q = line.find('"');
    ind.name = line.substr(0, q);
    ind.g = g;
    line.remove_prefix(q + 1);
    skip_spaces(line);
    if (starts(line, ">=") || starts(line, "≥") || starts(line, "＞＝") || starts(line, "$\\geq")) {
      ind.o = op::ge;
    } else if (starts(line, "<=") || starts(line, "≤") || starts(line, "≦")) {
      ind.o = op::le;
    } else if (starts(line, "=")) {
      ind.o = op::eq;
    } else if (starts(line, "between")) {
      ind.o = op::between;
    }
    if (ind.o == op::qualitative) {
      ind.text = line.substr(0, line.find(' '));
      if (ind.text.front() == '"') ind.text = ind.text.substr(1, ind.text.size() - 2);
    } else {
      while (!line.empty() && !(line.front() >= '0' && line.front() <= '9')) line.remove_prefix(1);
      ind.low = quantity(line);
      if (ind.o == op::between) {
        line.remove_prefix(line.find("..") + 2);
        skip_spaces(line);
        ind.high = quantity(line);
      }
    }
    std::size_t w = line.find("weight ");
    if (w != std::string_view::npos) {
      line.remove_prefix(w + 7);
      ind.weight = number(line) / 100;  // fixed point → cents
    }
    inds.push_back(ind);
    ++projects.back().count;
  }

  // One CSV field, unquoting "…"; leaves s after the following comma.
  static std::string_view field(std::string_view& s) {
    std::string_view f;
    if (!s.empty() && s.front() == '"') {
      std::size_t end = s.find('"', 1);
      f = s.substr(1, end - 1);
      s.remove_prefix(end + 1);
    } else {
      f = s.substr(0, s.find(','));
      s.remove_prefix(f.size());
    }
    if (!s.empty() && s.front() == ',') s.remove_prefix(1);
    return f;
  }

  void read_actuals(std::string_view text) {
    text.remove_prefix(text.find('\n') + 1);  // header
    project* p = nullptr;
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      std::string_view name = field(line), indicator_name = field(line), value = field(line);
      if (p == nullptr || p->name != name) {
        auto it = by_name.find(name);
        if (it == by_name.end()) continue;
        p = &projects[it->second];
      }
      if (indicator_name == "预算执行数") {
        p->executed = number(value);
        continue;
      }
      for (std::uint32_t i = p->first; i < p->first + p->count; ++i)
        if (inds[i].name == indicator_name) {
          actual(inds[i], value);
          break;
        }
    }
  }

  static void actual(indicator& ind, std::string_view v) {
    if (ind.o != op::qualitative) {
      ind.actual = quantity(v);
    } else if (starts(v, "部分达成") || starts(v, "基本达成")) {
      v.remove_prefix(12);
      skip_spaces(v);
      ind.actual = v.empty() ? 70 * one : number(v);
    } else if (starts(v, "未达成")) {
      ind.actual = 30 * one;
    } else {
      ind.actual = 100 * one;  // 达成 and its spellings, or the target's own text
    }
  }

  // Total in cents: budget plus every indicator with its 分值.
  i64 total(const project& p) const {
    i64 sum = p.executed < 0 || p.total <= 0
                  ? 0
                  : ratio(budget_points, p.executed < p.total ? p.executed : p.total, p.total);
    const indicator* first = inds.data() + p.first;
    for (int g = 0; g < groups; ++g) {
      i64 given = 0, n = 0;
      for (std::uint32_t i = 0; i < p.count; ++i)
        if (first[i].g == g) (first[i].weight >= 0 ? given += first[i].weight : ++n);
      i64 left = group_points[g] - given, each = n ? left / n : 0, extra = n ? left % n : 0;
      for (std::uint32_t i = 0; i < p.count; ++i) {
        const indicator& ind = first[i];
        if (ind.g != g) continue;
        i64 w = ind.weight;
        if (w < 0) w = each + (extra-- > 0 ? 1 : 0);
        sum += score(ind, w);
      }
    }
    return sum;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: handscore TARGETS.kpi ACTUALS.csv\n");
    return 2;
  }
  std::string_view targets = map_file(argv[1]), actuals = map_file(argv[2]);
  if (targets.empty() || actuals.empty()) {
    std::fprintf(stderr, "handscore: cannot read the inputs\n");
    return 2;
  }
  scorer s;
  s.projects.reserve(targets.size() / 1000);
  s.inds.reserve(targets.size() / 60);
  s.read_targets(targets);
  s.read_actuals(actuals);
  std::string out;
  out.reserve(s.projects.size() * 48);
  char buf[32];
  for (const project& p : s.projects) {
    i64 t = s.total(p);
    int n = std::snprintf(buf, sizeof buf, "\t%lld.%02lld\n", static_cast<long long>(t / 100),
                          static_cast<long long>(t % 100));
    out.append(p.name).append(buf, n);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
