// fuzz: seeds=kpi dict=kpi.dict
// libFuzzer target: the whole front end (read → parse → check → model) over one file.
// Whatever the bytes, kpi::load returns; every error is positioned; a clean model dumps.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/load/load.hpp"
#include "engine/model/dump.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kpi::memory_reader reader;
  reader.files["fuzz.kpi"] = std::string(reinterpret_cast<const char*>(data), size);
  kpi::load_result r = kpi::load({"fuzz.kpi"}, {}, reader);
  kpi::fuzz::check_diagnostics(r.diags, "fuzz.kpi");
  if (r.ok()) {
    (void)kpi::dump_json(r.model);
    (void)kpi::dump_text(r.model);
  }
  return 0;
}
