// The worker pool: a round returns only when every task of it has returned, also when tasks
// throw, and the exception reaches the caller; --jobs is clamped to what a machine can use.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "engine/load/parallel.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

struct jobs_scope {
  explicit jobs_scope(unsigned n) { set_jobs(n); }
  ~jobs_scope() { set_jobs(1); }
  jobs_scope(const jobs_scope&) = delete;
  jobs_scope& operator=(const jobs_scope&) = delete;
};

TEST(WorkerPool, ATaskThatThrowsOnTheCallerWaitsForTheWorkersAndRethrows) {
  jobs_scope two(2);
  for (int round = 0; round < 20; ++round) {
    std::atomic<bool> worker_done{false};
    try {
      parallel_chunks(2, 2, [&](std::size_t c, std::size_t, std::size_t) {
        if (c == 0) throw std::runtime_error("caller");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        worker_done = true;
      });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "caller");
    }
    // The round was over before the exception left it: the worker's task had returned.
    EXPECT_TRUE(worker_done) << "round " << round;
  }
}

TEST(WorkerPool, ATaskThatThrowsOnAWorkerReachesTheCaller) {
  jobs_scope two(2);
  for (int round = 0; round < 20; ++round) {
    bool caught = false;
    try {
      parallel_chunks(2, 2, [&](std::size_t c, std::size_t, std::size_t) {
        if (c == 1) throw std::runtime_error("worker");
      });
    } catch (const std::runtime_error& e) {
      caught = true;
      EXPECT_STREQ(e.what(), "worker");
    }
    EXPECT_TRUE(caught) << "round " << round;
  }
}

TEST(WorkerPool, WhenBothThrowTheFirstTaskWinsAndThePoolStillWorks) {
  jobs_scope two(2);
  for (int round = 0; round < 20; ++round) {
    EXPECT_THROW(parallel_chunks(2, 2,
                                 [&](std::size_t c, std::size_t, std::size_t) {
                                   throw std::logic_error(c == 0 ? "first" : "second");
                                 }),
                 std::logic_error);
    std::atomic<int> ran{0};
    parallel_chunks(2, 2, [&](std::size_t, std::size_t, std::size_t) { ++ran; });
    EXPECT_EQ(ran, 2);
  }
}

TEST(WorkerPool, JobsAreClampedToWhatTheMachineCanUse) {
  EXPECT_LE(max_jobs(), 256u);
  EXPECT_GE(max_jobs(), 4u);
  EXPECT_EQ(set_jobs(4294967295u), max_jobs());
  EXPECT_EQ(jobs(), max_jobs());
  EXPECT_EQ(set_jobs(1), 1u);
}

TEST(WorkerPool, TheCommandLineSaysWhenItClampsJobs) {
  auto huge = test::run_kpi("--lang en check --jobs 4294967295 examples/targets.kpi");
  auto one = test::run_kpi("--lang en check --jobs 1 examples/targets.kpi");
  EXPECT_EQ(huge.code, one.code);
  EXPECT_EQ(huge.out, one.out);
  EXPECT_NE(huge.err.find("note: --jobs 4294967295 is more than this machine can use; using "),
            std::string::npos)
      << huge.err;
  auto zh = test::run_kpi("--lang zh check --jobs 4294967295 examples/targets.kpi");
  EXPECT_NE(zh.err.find("--jobs 4294967295 超出本机可用的线程数"), std::string::npos) << zh.err;
}

}  // namespace
}  // namespace kpi
