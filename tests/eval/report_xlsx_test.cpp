// The xlsx report whatever the names and texts: sheet names Excel accepts, well-formed XML, text
// as strings (never formulas), long cells cut visibly, a sheet of the unmatched actuals, and an
// error (exit 2) instead of a crash when libxlsxwriter refuses something.
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "engine/eval/xlsx_text.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::run_kpi;

struct scratch {
  fs::path dir;
  scratch() {
    dir = fs::temp_directory_path() / ("kpi_report_xlsx_" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  ~scratch() { fs::remove_all(dir); }
  std::string put(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::string at(const std::string& name) const { return (dir / name).string(); }
};

std::string project(const std::string& name) {
  return "project \"" + name +
         "\" {\n  funds total 100.00 元\n  产出指标 {\n    数量指标 {\n      \"任务完成率\" = 100 "
         "% "
         "weight 90\n    }\n  }\n}\n";
}

// Every XML part of the workbook parsed (python3's zipfile and xml.etree); the sheet names of
// xl/workbook.xml one per line, or "ill-formed: …".
std::string parse_workbook(const scratch& s, const std::string& xlsx) {
  std::string script = s.put("check.py", R"(import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        try: ET.fromstring(z.read(n))
        except ET.ParseError as e: print('ill-formed:', n, e); sys.exit(0)
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
for sh in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', ns):
    sys.stdout.buffer.write((sh.get('name') + '\n').encode('utf-8'))
)");
  std::string out = s.at("check.out");
  if (std::system(("python3 " + script + " " + xlsx + " > " + out).c_str()) != 0)
    return "python3 failed";
  return read_file(out);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
    out.push_back(text.substr(at, nl - at));
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool python_available() {
  return std::system("python3 -c 'import zipfile, xml.etree.ElementTree' >/dev/null 2>&1") == 0;
}

TEST(ReportXlsx, SheetNamesExcelRefusesAreMadeValidAndUnique) {
  if (!python_available()) GTEST_SKIP() << "needs python3";
  scratch s;
  std::string kpi = project("abc") + project("ABC") + project("'引号'") +
                    project("a[b]:c*d?e/f\\\\g") + project("换页\f符") + project("History");
  // 101 names sharing their first 31 characters (28 of them were once kept, then _2 … _101).
  const std::string shared = std::string(28, 'p') + "xyz";
  for (int k = 0; k < 101; ++k) kpi += project(shared + std::to_string(k));
  const std::string chinese = "上海市普陀区二〇二二年度区级财政项目支出绩效目标自评汇总表甲乙";
  for (const char* tail : {"一", "二", "三"}) kpi += project(chinese + tail);
  std::string targets = s.put("targets.kpi", kpi);
  std::string xlsx = s.at("r.xlsx");
  auto r = run_kpi("eval --allow-missing --format xlsx -o " + xlsx + " " + targets);
  ASSERT_EQ(r.code, 0) << r.err;
  std::string parsed = parse_workbook(s, xlsx);
  ASSERT_EQ(parsed.find("ill-formed"), std::string::npos) << parsed;
  std::vector<std::string> names = lines(parsed);
  ASSERT_EQ(names.size(), 6u + 101u + 3u) << parsed;
  std::set<std::string> folded;
  for (const auto& n : names) {
    EXPECT_LE(eval::xlsx::utf16_length(n), 31u) << n;
    EXPECT_EQ(n.find_first_of("[]:*?/\\\f"), std::string::npos) << n;
    EXPECT_NE(n.front(), '\'') << n;
    EXPECT_NE(n.back(), '\'') << n;
    EXPECT_TRUE(folded.insert(lower(n)).second) << "twice: " << n;
  }
  EXPECT_EQ(names[0], "abc");
  EXPECT_EQ(names[1], "ABC_2");
  EXPECT_EQ(names[2], "_引号_");
  EXPECT_EQ(names[3], "a_b__c_d_e_f_g");
  EXPECT_EQ(names[4], "换页_符");
  EXPECT_EQ(names[5], "History_2");  // Excel reserves History
  EXPECT_EQ(names[6], shared);
  EXPECT_EQ(names[7], shared.substr(0, 29) + "_2");
  EXPECT_EQ(names[6 + 100], std::string(27, 'p') + "_101");
  // Chinese characters are one unit each: 31 of them, then 29 and a suffix.
  EXPECT_EQ(eval::xlsx::utf16_length(names[107]), 31u);
  EXPECT_TRUE(chinese.starts_with(names[107])) << names[107];
  EXPECT_EQ(eval::xlsx::utf16_length(names[108]), 31u);
  EXPECT_TRUE(names[108].ends_with("_2")) << names[108];
  EXPECT_TRUE(names[109].ends_with("_3")) << names[109];
}

TEST(ReportXlsx, ControlCharactersLongCellsAndFormulasAreSafe) {
  if (!python_available()) GTEST_SKIP() << "needs python3";
  scratch s;
  std::string targets = s.put("targets.kpi", project("换页\f项目"));
  const std::string long_note(40000, 'x');
  std::string csv =
      s.put("a.csv", "project,indicator,actual,note\n\"换页\f项目\",任务完成率,50%,\"" + long_note +
                         "\"\n\"换页\f项目\",预算执行数,10元,\"=HYPERLINK(\"\"http://"
                         "evil\"\",\"\"x\"\")\f\x1b[2K\"\n");
  std::string xlsx = s.at("r.xlsx");
  auto r = run_kpi("eval --format xlsx -o " + xlsx + " " + targets + " " + csv);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: xlsx: sheet '换页_项目', cell H7 holds more than Excel's 32767 "
                       "characters; it is cut and ends with …（已截断） (the json report has the "
                       "whole text)"),
            std::string::npos)
      << r.err;
  std::string parsed = parse_workbook(s, xlsx);
  EXPECT_EQ(parsed, "换页_项目\n");
  std::string strings = s.at("strings.xml");
  std::system(("unzip -p " + xlsx + " xl/sharedStrings.xml > " + strings).c_str());
  std::string shared = read_file(strings);
  EXPECT_NE(shared.find(std::string(30000, 'x') + "…（已截断）</t>"), std::string::npos);
  EXPECT_NE(shared.find("=HYPERLINK(\"http://evil\",\"x\")\xEF\xBF\xBD\xEF\xBF\xBD[2K"),
            std::string::npos)
      << shared.substr(shared.size() - 2000);
  EXPECT_NE(shared.find("换页\xEF\xBF\xBD项目"), std::string::npos);
  std::string sheet = s.at("sheet.xml");
  std::system(("unzip -p " + xlsx + " xl/worksheets/sheet1.xml > " + sheet).c_str());
  EXPECT_EQ(read_file(sheet).find("<f>"), std::string::npos);  // text is never a formula
}

TEST(ReportXlsx, UnmatchedActualsHaveASheet) {
  if (!python_available()) GTEST_SKIP() << "needs python3";
  scratch s;
  std::string targets = s.put("targets.kpi", project("甲") + project("未匹配的实际完成值"));
  std::string csv = s.put("a.csv",
                          "project,indicator,actual,note\n甲,任务完成率,100%,\n甲,任务完成律,90%,\n"
                          "未匹配的实际完成值,任务完成率,100%,\n乙,任务完成率,80%,\n");
  std::string xlsx = s.at("r.xlsx");
  auto r = run_kpi("eval --format xlsx -o " + xlsx + " " + targets + " " + csv);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(parse_workbook(s, xlsx), "甲\n未匹配的实际完成值_2\n未匹配的实际完成值\n");
  std::string strings = s.at("strings.xml");
  std::system(("unzip -p " + xlsx + " xl/sharedStrings.xml > " + strings).c_str());
  std::string shared = read_file(strings);
  for (const char* want : {"任务完成律", "90 %", "项目中无此指标", "乙", "80 %", "无此项目"})
    EXPECT_NE(shared.find(want), std::string::npos) << want;
}

TEST(XlsxText, CellsAreCutToExcelsLimitInUtf16Units) {
  bool cut = false;
  EXPECT_EQ(eval::xlsx::cell_text("a\tb\nc\rd\fe\x1f"
                                  "f",
                                  cut),
            "a\tb\nc\rd\xEF\xBF\xBD"
            "e\xEF\xBF\xBD"
            "f");
  EXPECT_FALSE(cut);
  std::string exact(32767, 'y');
  EXPECT_EQ(eval::xlsx::cell_text(exact, cut), exact);
  EXPECT_FALSE(cut);
  // A character beyond the BMP is two units in Excel.
  std::string emoji;
  for (int k = 0; k < 16384; ++k) emoji += "\xF0\x9F\x98\x80";
  std::string t = eval::xlsx::cell_text(emoji, cut);
  EXPECT_TRUE(cut);
  EXPECT_LE(eval::xlsx::utf16_length(t), 32767u);
  EXPECT_TRUE(t.ends_with("…（已截断）"));
}

TEST(XlsxText, SheetNamesCountUtf16UnitsAndIgnoreCase) {
  eval::xlsx::sheet_names names;
  EXPECT_EQ(names.take(""), "项目");
  EXPECT_EQ(names.take("项目"), "项目_2");
  EXPECT_EQ(names.take("Ärger"), "Ärger");
  EXPECT_EQ(names.take("ärger"), "ärger_2");  // Excel ignores case beyond ASCII too
  std::string emoji;
  for (int k = 0; k < 20; ++k) emoji += "\xF0\x9F\x98\x80";
  std::string n = names.take(emoji);
  EXPECT_EQ(eval::xlsx::utf16_length(n), 30u);  // 15 emoji; a 16th would be 32 units
  EXPECT_EQ(names.take("x'"), "x_");
}

}  // namespace
}  // namespace kpi
