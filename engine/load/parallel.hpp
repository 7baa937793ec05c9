// Work split over threads: projects are independent, so the front end and the evaluator cut
// their input into contiguous chunks, run one chunk per thread, and join the results in chunk
// order. Output is therefore the same for any number of jobs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>

namespace kpi {

// The number of threads the engine may use (the command line's --jobs); at least 1.
// Set once, before any work starts.
unsigned jobs();
// 0: the number of cores. More than max_jobs() is clamped to it; returns the number set.
unsigned set_jobs(unsigned n);
// The most threads a run starts: 4 per hardware thread, at most 256 (each thread costs a stack
// and its share of every round; --jobs 4294967295 would ask for billions).
unsigned max_jobs();

namespace detail {
// Runs task(c) for every c in [0, count): 0 on the calling thread, the others on the engine's
// worker threads, which are started on first need and kept for the life of the process (a run
// parses, checks and scores in many rounds; threads started and ended for each round cost more
// than the work of a small round, and memory freed by a thread that has ended is reclaimed
// slowly). Returns when every task has returned, also when some threw: the exception of the
// lowest-numbered task that threw is then rethrown on the calling thread, after the round.
// Called from inside a task, it runs the tasks in order on that thread.
void run_on_workers(std::size_t count, const std::function<void(std::size_t)>& task);
}  // namespace detail

// Calls f(chunk, begin, end) for `chunks` contiguous ranges covering [0, n), chunk 0 on the
// calling thread and the others on worker threads; returns when all are done.
template <typename F>
void parallel_chunks(std::size_t n, std::size_t chunks, F&& f) {
  chunks = std::max<std::size_t>(1, std::min(chunks, n));
  if (chunks == 1) {
    f(std::size_t{0}, std::size_t{0}, n);
    return;
  }
  auto bound = [&](std::size_t c) { return n * c / chunks; };
  detail::run_on_workers(chunks, [&](std::size_t c) { f(c, bound(c), bound(c + 1)); });
}

}  // namespace kpi
