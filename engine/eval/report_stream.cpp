// What the streamed reports share: batches formatted in parallel chunks, and the choice of
// writer by format name.
#include <algorithm>

#include "engine/eval/report.hpp"
#include "engine/load/parallel.hpp"

namespace kpi::eval {

void put_in_chunks(std::size_t n, std::vector<std::string>& texts,
                   const std::function<void(std::string&, std::size_t, std::size_t)>& format,
                   const put_fn& put) {
  constexpr std::size_t per_chunk = 256;  // projects: a chunk's text stays a few hundred KB
  const std::size_t threads = std::max<std::size_t>(1, jobs());
  texts.resize(threads);
  for (std::size_t at = 0; at < n;) {
    const std::size_t last = std::min(n, at + threads * per_chunk);
    const std::size_t chunks = std::min<std::size_t>(threads, (last - at) / 64 + 1);
    parallel_chunks(last - at, chunks, [&](std::size_t c, std::size_t b, std::size_t e) {
      texts[c].clear();
      format(texts[c], at + b, at + e);
    });
    for (std::size_t c = 0; c < chunks; ++c) put(texts[c]);
    at = last;
  }
}

std::unique_ptr<report_stream> stream_report(std::string_view format, lang l, bool explain,
                                             put_fn put) {
  if (format == "json") return std::make_unique<json_writer>(std::move(put));
  if (format == "text") return text_stream(l, explain, std::move(put));
  if (format == "csv") return csv_stream(std::move(put));
  return nullptr;
}

}  // namespace kpi::eval
