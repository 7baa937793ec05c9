// Work split over threads: projects are independent, so the front end and the evaluator cut
// their input into contiguous chunks, run one chunk per thread, and join the results in chunk
// order. Output is therefore the same for any number of jobs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace kpi {

// The number of threads the engine may use (the command line's --jobs); at least 1.
// Set once, before any work starts.
unsigned jobs();
void set_jobs(unsigned n);  // 0: the number of cores

// Calls f(chunk, begin, end) for `chunks` contiguous ranges covering [0, n), chunk 0 on the
// calling thread and the others on their own threads; returns when all are done.
template <typename F>
void parallel_chunks(std::size_t n, std::size_t chunks, F&& f) {
  chunks = std::max<std::size_t>(1, std::min(chunks, n));
  if (chunks == 1) {
    f(std::size_t{0}, std::size_t{0}, n);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(chunks - 1);
  auto bound = [&](std::size_t c) { return n * c / chunks; };
  for (std::size_t c = 1; c < chunks; ++c)
    threads.emplace_back([&f, c, b = bound(c), e = bound(c + 1)] { f(c, b, e); });
  f(std::size_t{0}, std::size_t{0}, bound(1));
  for (auto& t : threads) t.join();
}

}  // namespace kpi
