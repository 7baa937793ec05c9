#include "engine/load/parallel.hpp"

#include <atomic>

namespace kpi {
namespace {

std::atomic<unsigned> job_count{1};

}  // namespace

unsigned jobs() {
  return job_count.load(std::memory_order_relaxed);
}

void set_jobs(unsigned n) {
  if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
  job_count.store(n, std::memory_order_relaxed);
}

}  // namespace kpi
