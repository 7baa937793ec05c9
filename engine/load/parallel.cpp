#include "engine/load/parallel.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kpi {
namespace {

std::atomic<unsigned> job_count{1};

// Set on a worker thread, and on a thread while it runs its own share of a round: a round
// started from inside a round runs its tasks in order, on that thread.
thread_local bool in_round = false;

// Worker threads waiting for rounds of tasks. One round at a time: the engine starts rounds
// from one thread (a round started from a worker runs inline).
class worker_pool {
 public:
  // Every task of the round has returned (or thrown) when this returns: the caller's `task`
  // is never used after it goes out of scope. The exception of the lowest-numbered task that
  // threw is rethrown here, after the round, on the calling thread.
  void run(std::size_t count, const std::function<void(std::size_t)>& task) {
    std::lock_guard<std::mutex> one_round(round_);
    {
      std::lock_guard<std::mutex> lk(m_);
      while (threads_.size() + 1 < count) threads_.emplace_back([this] { work(); });
      task_ = &task;
      next_ = 1;
      count_ = count;
      pending_ = count - 1;
      failed_ = nullptr;
      failed_at_ = count;
    }
    wake_.notify_all();
    std::exception_ptr mine;
    try {
      task(0);
    } catch (...) {
      mine = std::current_exception();
    }
    std::unique_lock<std::mutex> lk(m_);
    done_.wait(lk, [this] { return pending_ == 0; });
    task_ = nullptr;
    std::exception_ptr first = mine ? mine : failed_;
    failed_ = nullptr;
    lk.unlock();
    if (first) std::rethrow_exception(first);
  }

 private:
  void work() {
    in_round = true;
    std::unique_lock<std::mutex> lk(m_);
    for (;;) {
      wake_.wait(lk, [this] { return task_ != nullptr && next_ < count_; });
      const std::size_t c = next_++;
      const auto* task = task_;
      lk.unlock();
      std::exception_ptr thrown;
      try {
        (*task)(c);
      } catch (...) {
        thrown = std::current_exception();
      }
      lk.lock();
      if (thrown && c < failed_at_) {
        failed_ = thrown;
        failed_at_ = c;
      }
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::mutex round_;
  std::mutex m_;
  std::condition_variable wake_, done_;
  std::vector<std::thread> threads_;
  const std::function<void(std::size_t)>* task_ = nullptr;
  std::size_t next_ = 0, count_ = 0, pending_ = 0;
  std::exception_ptr failed_;  // of the lowest-numbered worker task that threw this round
  std::size_t failed_at_ = 0;
};

}  // namespace

namespace detail {

void run_on_workers(std::size_t count, const std::function<void(std::size_t)>& task) {
  if (in_round) {
    for (std::size_t c = 0; c < count; ++c) task(c);
    return;
  }
  // Never destroyed: the workers wait for work until the process ends.
  static auto* pool = new worker_pool;
  struct round_flag {
    round_flag() { in_round = true; }
    ~round_flag() { in_round = false; }
    round_flag(const round_flag&) = delete;
    round_flag& operator=(const round_flag&) = delete;
  } flag;
  pool->run(count, task);
}

}  // namespace detail

unsigned jobs() {
  return job_count.load(std::memory_order_relaxed);
}

unsigned max_jobs() {
  return std::min(256u, 4 * std::max(1u, std::thread::hardware_concurrency()));
}

unsigned set_jobs(unsigned n) {
  if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
  n = std::min(n, max_jobs());
  job_count.store(n, std::memory_order_relaxed);
  return n;
}

}  // namespace kpi
