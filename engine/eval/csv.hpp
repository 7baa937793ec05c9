// Actuals as CSV (SPEC §5): UTF-8 (a BOM is skipped), RFC 4180 quoting, LF or CRLF, header
// `project,indicator,actual[,note][,override,override_reason]` (Chinese headers 项目, 指标,
// 实际完成值, 备注 are accepted too). Values mean what they mean in .kpi actuals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/check/checker.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

// One CSV field and where its text starts (byte offset into the source).
struct csv_field {
  std::string text;
  std::uint32_t offset = 0;
  bool quoted = false;
};
using csv_record = std::vector<csv_field>;

// RFC 4180 records one at a time, in the file's order: memory holds one record, not the file's.
class csv_reader {
 public:
  csv_reader(source_ptr src, diagnostics& diags);
  // The next record into `rec`; false at the end, or at an unterminated quote (an error there).
  bool next(csv_record& rec);

 private:
  source_ptr src_;
  diagnostics& diags_;
  std::size_t at_;  // where the next record starts
};

// All the records at once; an unterminated quote is an error at the quote.
std::vector<csv_record> split_csv(const source_ptr& src, diagnostics& diags);

// The rows as actuals blocks, one per project in order of first appearance. `file` is the
// index `src` has among the sources that locations refer to. Every row becomes an actual or
// an error at its position.
std::vector<model::actuals_block> read_actuals_csv(const source_ptr& src, std::uint32_t file,
                                                   const environment& env, diagnostics& diags);

}  // namespace kpi::eval
