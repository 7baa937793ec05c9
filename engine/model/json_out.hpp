// A streaming JSON writer for the large reports (dump, eval): appends to one string, no tree.
// Its layout is exactly that of nlohmann::json::dump(2) — two-space indent, "key": value,
// empty containers as [] and {} — so the output is byte for byte what the tree printer gave.
// Keys are written in call order; the caller keeps the order SPEC §5 fixes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

class json_out {
 public:
  explicit json_out(std::string& out) : out_(out) {}
  // Continues a document begun by another writer (a chunk written on another thread):
  // `counts` are the values already in each open container, outermost first.
  json_out(std::string& out, std::vector<std::uint32_t> counts)
      : out_(out), counts_(std::move(counts)) {}
  // Counts n values that another writer put into the innermost open container.
  void written_elsewhere(std::uint32_t n) { counts_.back() += n; }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next value in the open object: a field name of the report format
  // (lower-case ASCII, digits and '_'), written as it is.
  void key(std::string_view k);

  void string(std::string_view s);
  void null() { scalar("null"); }
  void boolean(bool b) { scalar(b ? "true" : "false"); }
  void integer(std::int64_t v);

  // key + value in one call.
  void field(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }

 private:
  void element();  // separator and indent before a value in an array
  void open(char c);
  void close(char c);
  void scalar(std::string_view text) {
    element();
    out_ += text;
  }
  void indent(std::size_t depth) { out_.append(2 * depth, ' '); }

  std::string& out_;
  std::vector<std::uint32_t> counts_;  // values so far in each open container
  bool after_key_ = false;
};

// Appends s with JSON escapes ("\"", "\\", \n and the other control characters as nlohmann
// writes them); UTF-8 passes through unchanged.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace kpi
