#include "engine/load/temp_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

#include "engine/load/files.hpp"

namespace kpi {
namespace {

// The temporary files alive now, for the signal handler. A slot is claimed (0 -> 2), its path
// written, then published (2 -> 1); the handler only reads published slots and calls only
// unlink(2), so it is async-signal-safe. Paths live in static storage: nothing is freed while
// a handler may be reading it on another thread.
struct slot {
  std::atomic<int> state{0};
  char path[PATH_MAX];
};
constexpr int slot_count = 32;
slot slots[slot_count];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void remove_temp_files(int sig) {
  const int saved = errno;
  for (auto& s : slots)
    if (s.state.load() == 1) ::unlink(s.path);
  // SA_RESETHAND restored the default action; raised again, it ends the process as it would
  // have without us once the handler returns.
  ::raise(sig);
  errno = saved;
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      // Only the default action is replaced: an ignored signal (nohup) stays ignored.
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
      struct sigaction sa {};
      sa.sa_handler = remove_temp_files;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_RESETHAND;
      ::sigaction(sig, &sa, nullptr);
    }
    struct sigaction old {};
    if (::sigaction(SIGXFSZ, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) {
      struct sigaction sa {};
      sa.sa_handler = SIG_IGN;
      sigemptyset(&sa.sa_mask);
      ::sigaction(SIGXFSZ, &sa, nullptr);
    }
  });
}

int claim_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < slot_count; ++i) {
    int free = 0;
    if (!slots[i].state.compare_exchange_strong(free, 2)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(1);
    return i;
  }
  return -1;  // more temporary files at once than slots: still removed, but not on a signal
}

void release_slot(int i) {
  if (i >= 0) slots[i].state.store(0);
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash + 1);
}

text reason(int err) {
  return os_reason(err != 0 ? err : EIO);
}

}  // namespace

mode_t created_file_mode() {
  static const mode_t mode = [] {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("Umask:", 0) == 0)
        return static_cast<mode_t>(0666 & ~std::strtoul(line.c_str() + 6, nullptr, 8));
    mode_t mask = ::umask(022);  // no /proc: read it the only other way, by setting it
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

temp_file::temp_file(const std::string& target) : target_(target) {
  install_handlers();
  std::string dir = directory_of(target);
  std::string base =
      target.substr(target.rfind('/') == std::string::npos ? 0 : target.rfind('/') + 1);
  // Hidden, named after its target (so a person who finds one knows what it was), unique.
  std::string name = (dir == "." ? std::string() : dir) + "." + base.substr(0, 200) + ".kpi-XXXXXX";
  // A signal between creating the file and publishing its name would leave it behind.
  sigset_t block, old;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  ::pthread_sigmask(SIG_BLOCK, &block, &old);
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  const int err = errno;
  if (fd_ >= 0) {
    path_ = name;
    slot_ = claim_slot(path_);
  }
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (fd_ < 0) error_ = reason(err);
}

temp_file::~temp_file() {
  discard();
}

void temp_file::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!path_.empty()) ::unlink(path_.c_str());
  path_.clear();
  release_slot(slot_);
  slot_ = -1;
}

std::string temp_file::open_name() const {
  std::string proc = "/proc/self/fd/" + std::to_string(fd_);
  struct stat a {
  }, b{};
  if (::stat(proc.c_str(), &a) == 0 && ::fstat(fd_, &b) == 0 && a.st_dev == b.st_dev &&
      a.st_ino == b.st_ino)
    return proc;
  return path_;
}

bool temp_file::write(const char* data, std::size_t size) {
  if (fd_ < 0) return false;
  while (size > 0) {
    ssize_t n = ::write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = reason(n < 0 ? errno : EIO);
      discard();
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool temp_file::commit(const std::optional<kept_owner>& keep) {
  if (fd_ < 0) return false;
  auto fail = [this](int err) {
    error_ = reason(err);
    discard();
    return false;
  };
  if (keep && keep->owner) {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) return fail(errno);
    // Owner and group first: chown clears the set-user-ID and set-group-ID bits.
    if ((st.st_uid != keep->uid || st.st_gid != keep->gid) &&
        ::fchown(fd_, keep->uid, keep->gid) != 0) {
      error_ = st.st_uid != keep->uid
                   ? text{"the new text cannot keep the file's owner", "新文本无法保留文件的所有者"}
                   : text{"the new text cannot keep the file's group", "新文本无法保留文件的属组"};
      discard();
      return false;
    }
  }
  if (::fchmod(fd_, keep ? keep->mode & 07777 : created_file_mode()) != 0) return fail(errno);
  if (::fsync(fd_) != 0) return fail(errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) return fail(errno);
  if (::rename(path_.c_str(), target_.c_str()) != 0) return fail(errno);
  path_.clear();  // it is the target now
  release_slot(slot_);
  slot_ = -1;
  // The rename itself is on disk once the directory is.
  int dfd = ::open(directory_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace kpi
