// fuzz: seeds=kpi dict=kpi.dict
// libFuzzer target: the formatter. For every input that parses, format(parse(x)) parses
// again without a diagnostic, and formatting it once more changes nothing (idempotence).
// When the input also loads, the formatted text loads to the same model.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/format/format.hpp"
#include "engine/load/load.hpp"
#include "engine/model/dump.hpp"
#include "grammar/parse.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

kpi::parse_result parse_text(const std::string& text, kpi::diagnostics& diags) {
  return kpi::parse(std::make_shared<kpi::source>("fuzz.kpi", text), diags);
}

// The model without positions: dump_text prints names, targets and values only.
std::string model_of(const std::string& text, bool& ok) {
  kpi::memory_reader reader;
  reader.files["fuzz.kpi"] = text;
  kpi::load_result r = kpi::load({"fuzz.kpi"}, {}, reader);
  ok = r.ok();
  return ok ? kpi::dump_text(r.model) : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  kpi::diagnostics d0;
  kpi::parse_result p0 = parse_text(input, d0);
  kpi::fuzz::check_diagnostics(d0, "fuzz.kpi");
  if (!p0.ok || d0.has_errors()) return 0;

  std::string once = kpi::format(p0.file);
  kpi::diagnostics d1;
  kpi::parse_result p1 = parse_text(once, d1);
  if (!p1.ok || d1.has_errors())
    kpi::fuzz::fail("formatted text does not parse", "--- input\n" + input + "\n--- formatted\n" + once +
                                                         "\n--- diagnostics\n" + kpi::render_all(d1, kpi::lang::en));
  std::string twice = kpi::format(p1.file);
  if (twice != once)
    kpi::fuzz::fail("format is not idempotent", "--- input\n" + input + "\n--- once\n" + once + "\n--- twice\n" + twice);

  bool ok0 = false;
  bool ok1 = false;
  std::string m0 = model_of(input, ok0);
  std::string m1 = model_of(once, ok1);
  if (ok0 != ok1 || m0 != m1)
    kpi::fuzz::fail("formatting changed the model", "--- input\n" + input + "\n--- formatted\n" + once +
                                                        "\n--- model before\n" + m0 + "\n--- model after\n" + m1);
  return 0;
}
