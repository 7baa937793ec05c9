#include "engine/rules/report.hpp"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace kpi::rules {
namespace {

using json = nlohmann::ordered_json;

source_ptr source_of(const finding& f, const std::vector<source_ptr>& sources) {
  return f.loc && f.loc->file < sources.size() ? sources[f.loc->file] : nullptr;
}

std::string_view level_name(severity s) {
  return s == severity::note ? "info" : severity_name(s);
}

void put_position(json& j, const finding& f, const std::vector<source_ptr>& sources) {
  source_ptr src = source_of(f, sources);
  if (!src) return;
  line_column p = src->position(f.loc->offset);
  j["file"] = src->name();
  j["line"] = p.line;
  j["column"] = p.column;
}

}  // namespace

finding_counts count_findings(const std::vector<finding>& fs) {
  finding_counts c;
  for (const auto& f : fs) {
    if (f.level == severity::error)
      ++c.error;
    else if (f.level == severity::warning)
      ++c.warning;
    else
      ++c.info;
  }
  return c;
}

void findings_text(const std::vector<finding>& fs, const std::vector<program>& packs,
                   const std::vector<source_ptr>& sources, lang l, bool explain,
                   const std::function<void(std::string_view)>& put) {
  constexpr std::size_t piece = 1 << 20;
  std::string out;
  out.reserve(piece + (piece >> 2));
  for (const auto& f : fs) {
    if (out.size() >= piece) {
      put(out);
      out.clear();
    }
    diagnostic d;
    d.level = f.level;
    d.src = source_of(f, sources);
    if (f.loc) d.range = {f.loc->offset, f.loc->offset + 1};
    std::string where =
        f.indicator.empty() ? f.project : fmt::format("{} / {}", f.project, f.indicator);
    d.message = {fmt::format("[{}] {} ({})", f.rule, f.message, where),
                 fmt::format("[{}] {}（{}）", f.rule, f.message, where)};
    out += render(d, l);
    if (explain) {
      for (const auto& e : f.explain)
        out += fmt::format("    {} {}\n", l == lang::zh ? "依据:" : "why:", e);
      if (!f.cite.empty())
        out += fmt::format("    {} {}\n", l == lang::zh ? "出处:" : "cite:", f.cite);
      out += fmt::format("    {} {} {} sha256:{}\n", l == lang::zh ? "规则包:" : "pack:", f.pack,
                         f.version, f.hash.substr(0, 16));
    }
  }
  finding_counts c = count_findings(fs);
  std::vector<std::string> names;
  for (const auto& p : packs) names.push_back(fmt::format("{} {}", p.name, p.version));
  if (l == lang::zh)
    out += fmt::format("{} 个错误，{} 个警告，{} 个提示（规则包：{}）\n", c.error, c.warning,
                       c.info, fmt::join(names, "、"));
  else
    out += fmt::format("{} error{}, {} warning{}, {} info (packs: {})\n", c.error,
                       c.error == 1 ? "" : "s", c.warning, c.warning == 1 ? "" : "s", c.info,
                       fmt::join(names, ", "));
  put(out);
}

std::string findings_text(const std::vector<finding>& fs, const std::vector<program>& packs,
                          const std::vector<source_ptr>& sources, lang l, bool explain) {
  std::string out;
  findings_text(fs, packs, sources, l, explain, [&out](std::string_view t) { out += t; });
  return out;
}

std::string findings_json(const std::vector<finding>& fs, const std::vector<program>& packs,
                          const std::vector<source_ptr>& sources, bool explain) {
  json root;
  root["version"] = 1;
  json list = json::array();
  for (const auto& f : fs) {
    json j;
    j["rule"] = f.rule;
    j["severity"] = level_name(f.level);
    j["project"] = f.project;
    j["indicator"] = f.indicator.empty() ? json(nullptr) : json(f.indicator);
    j["message"] = f.message;
    put_position(j, f, sources);
    j["pack"] = f.pack;
    j["pack_version"] = f.version;
    j["pack_hash"] = fmt::format("sha256:{}", f.hash);
    if (!f.cite.empty()) j["cite"] = f.cite;
    if (explain) j["explain"] = f.explain;
    list.push_back(std::move(j));
  }
  root["findings"] = std::move(list);
  finding_counts c = count_findings(fs);
  root["summary"] = {{"error", c.error}, {"warning", c.warning}, {"info", c.info}};
  json jp = json::array();
  for (const auto& p : packs)
    jp.push_back({{"name", p.name}, {"version", p.version}, {"hash", "sha256:" + p.hash}});
  root["packs"] = std::move(jp);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string findings_sarif(const std::vector<finding>& fs, const std::vector<program>& packs,
                           const std::vector<source_ptr>& sources) {
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  for (const auto& p : packs)
    for (const auto& r : p.rules) {
      if (index.count(r.id)) continue;
      index[r.id] = rules.size();
      std::string text;
      for (const auto& part : r.message)
        text += part.expr ? "{" + part.expr->text + "}" : part.literal;
      json jr = {
          {"id", r.id},
          {"shortDescription", {{"text", text}}},
          {"defaultConfiguration",
           {{"level", r.level == severity::error     ? "error"
                      : r.level == severity::warning ? "warning"
                                                     : "note"}}},
          {"properties",
           {{"pack", r.pack}, {"packVersion", r.version}, {"packHash", "sha256:" + r.hash}}}};
      if (!r.cite.empty()) jr["fullDescription"] = {{"text", r.cite}};
      rules.push_back(std::move(jr));
    }
  json results = json::array();
  for (const auto& f : fs) {
    json res = {{"ruleId", f.rule},
                {"level", f.level == severity::error     ? "error"
                          : f.level == severity::warning ? "warning"
                                                         : "note"},
                {"message", {{"text", f.message}}}};
    if (auto it = index.find(std::string(f.rule)); it != index.end()) res["ruleIndex"] = it->second;
    if (source_ptr src = source_of(f, sources)) {
      line_column p = src->position(f.loc->offset);
      res["locations"] =
          json::array({{{"physicalLocation",
                         {{"artifactLocation", {{"uri", src->name()}}},
                          {"region", {{"startLine", p.line}, {"startColumn", p.column}}}}}}});
    }
    res["properties"] = {{"project", f.project},
                         {"indicator", f.indicator},
                         {"pack", f.pack},
                         {"packVersion", f.version},
                         {"packHash", fmt::format("sha256:{}", f.hash)}};
    results.push_back(std::move(res));
  }
  json root = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array(
           {{{"tool",
              {{"driver", {{"name", "kpi"}, {"version", "0.1.0"}, {"rules", std::move(rules)}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(results)}}})}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kpi::rules
