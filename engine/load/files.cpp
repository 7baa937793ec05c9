#include "engine/load/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "engine/load/temp_file.hpp"

namespace kpi {
namespace {

struct fd_closer {
  int fd;
  ~fd_closer() {
    if (fd >= 0) ::close(fd);
  }
};

// read(2) that retries when interrupted; -1 with errno set on failure.
ssize_t read_some(int fd, char* buf, std::size_t size) {
  ssize_t n = 0;
  do n = ::read(fd, buf, size);
  while (n < 0 && errno == EINTR);
  return n;
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0)
    return fmt::format("{} GiB", bytes >> 30);
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0)
    return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

const text not_regular{"not a regular file", "不是普通文件"};

// An output path that exists and is not a regular file (a device such as /dev/null or
// /dev/full, a FIFO, a directory) is never written: false with `error` set. A report that
// replaces an earlier one keeps its mode (a private 0600 report stays private), as `>` would.
bool replaceable(const std::string& path, std::optional<kept_owner>& keep, text& error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;
  if (!S_ISREG(st.st_mode)) {
    error = not_regular;
    return false;
  }
  keep = kept_owner{static_cast<mode_t>(st.st_mode & 0777), st.st_uid, st.st_gid, false};
  return true;
}

bool in_group(gid_t gid) {
  if (gid == ::getegid()) return true;
  gid_t groups[NGROUPS_MAX];
  int n = ::getgroups(NGROUPS_MAX, groups);
  for (int i = 0; i < n; ++i)
    if (groups[i] == gid) return true;
  return false;
}

}  // namespace

text os_reason(int err) {
  static const struct {
    int err;
    const char* zh;
  } table[] = {
      {ENOENT, "没有那个文件或目录"},
      {EACCES, "权限不够"},
      {EPERM, "不允许的操作"},
      {EISDIR, "是一个目录"},
      {ENOTDIR, "路径中有不是目录的部分"},
      {ENOSPC, "设备上没有空间"},
      {EDQUOT, "超出磁盘配额"},
      {EFBIG, "文件过大"},
      {EROFS, "只读文件系统"},
      {ELOOP, "符号链接的层数过多"},
      {ENAMETOOLONG, "文件名过长"},
      {EIO, "输入/输出错误"},
      {EXDEV, "不在同一文件系统"},
      {EBUSY, "设备或资源忙"},
      {ETXTBSY, "文本文件忙"},
      {EMFILE, "打开的文件过多"},
      {ENFILE, "系统中打开的文件过多"},
      {ENOMEM, "内存不足"},
      {EINVAL, "无效的参数"},
      {ENXIO, "没有那个设备或地址"},
      {ENODEV, "没有那个设备"},
      {EAGAIN, "资源暂时不可用"},
  };
  std::string en = std::strerror(err);
  for (const auto& row : table)
    if (row.err == err) return {en, row.zh};
  return {en, fmt::format("系统错误 {}（{}）", err, en)};
}

std::optional<std::string> overwritten_input(const std::string& output,
                                             const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path out = fs::weakly_canonical(output, ec);
  for (const auto& in : inputs) {
    std::error_code e1;
    if (fs::equivalent(output, in, e1) && !e1) return in;
    std::error_code e2;
    fs::path canon = fs::weakly_canonical(in, e2);
    if (!ec && !e2 && canon == out) return in;
  }
  return std::nullopt;
}

std::optional<std::string> disk_reader::read(const std::string& path, text& error) {
  fd_closer f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
    error = os_reason(errno);
    return std::nullopt;
  }
  std::string text;
  constexpr std::size_t piece = 1 << 16;
  if (S_ISREG(st.st_mode)) {
    // One read into a buffer of the file's size (copied once, from the kernel into the
    // string), then whatever was appended meanwhile.
    std::size_t have = 0;
    text.resize(static_cast<std::size_t>(st.st_size) + piece);
    for (;;) {
      if (text.size() - have < piece) text.resize(text.size() * 2);
      ssize_t n = read_some(f.fd, text.data() + have, text.size() - have);
      if (n < 0) {
        error = os_reason(errno);
        return std::nullopt;
      }
      if (n == 0) break;
      have += static_cast<std::size_t>(n);
    }
    text.resize(have);
    return text;
  }
  // A pipe, a FIFO or a device may never end (/dev/zero, `yes |`): read in pieces, stop after
  // the first NUL byte (the text checks report it where it is), and give up past the limit.
  char buf[piece];
  for (;;) {
    ssize_t n = read_some(f.fd, buf, sizeof buf);
    if (n < 0) {
      error = os_reason(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    const auto* nul = static_cast<const char*>(std::memchr(buf, '\0', static_cast<std::size_t>(n)));
    text.append(buf, nul != nullptr ? nul - buf + 1 : n);
    if (nul != nullptr) break;
    if (text.size() > stream_limit_) {
      const std::string limit = size_text(stream_limit_);
      error = {fmt::format("more than {} from a pipe or device; kpi reads at most {} from an input "
                           "that is not a regular file (save it to a file first)",
                           limit, limit),
               fmt::format("来自管道或设备的数据超过 {}；对于非普通文件的输入，kpi 最多读取 "
                           "{}（请先保存为文件）",
                           limit, limit)};
      return std::nullopt;
    }
  }
  return text;
}

bool file_reader::write_streamed(const std::string& path,
                                 const std::function<void(const put_fn&)>& produce, text& error) {
  std::string all;
  produce([&all](std::string_view piece) { all += piece; });
  return write(path, all, error);
}

bool file_reader::write_named(const std::string& path, const produce_named_fn& produce,
                              text& error) {
  return produce(path, error);
}

bool file_reader::rewrite(const std::string& path, const std::string& contents, text& error) {
  return write(path, contents, error);
}

bool disk_reader::write(const std::string& path, const std::string& contents, text& error) {
  return write_streamed(
      path, [&contents](const put_fn& put) { put(contents); }, error);
}

bool disk_reader::write_streamed(const std::string& path,
                                 const std::function<void(const put_fn&)>& produce, text& error) {
  std::optional<kept_owner> keep;
  if (!replaceable(path, keep, error)) return false;
  temp_file tmp(path);
  if (!tmp.ok()) {
    error = tmp.error();
    return false;
  }
  // Small pieces are gathered so that the file is written a buffer at a time.
  constexpr std::size_t buffer_size = 1 << 16;
  std::string buffer;
  bool failed = false;
  auto flush = [&] {
    if (!failed && !tmp.write(buffer.data(), buffer.size())) failed = true;
    buffer.clear();
  };
  produce([&](std::string_view piece) {
    if (failed) return;  // after the first failure, the rest is not written
    if (buffer.size() + piece.size() > buffer_size) flush();
    if (piece.size() >= buffer_size) {
      if (!tmp.write(piece.data(), piece.size())) failed = true;
    } else {
      buffer += piece;
    }
  });
  flush();
  if (failed || !tmp.commit(keep)) {
    error = tmp.error();
    return false;
  }
  return true;
}

bool disk_reader::write_named(const std::string& path, const produce_named_fn& produce,
                              text& error) {
  std::optional<kept_owner> keep;
  if (!replaceable(path, keep, error)) return false;
  temp_file tmp(path);
  if (!tmp.ok()) {
    error = tmp.error();
    return false;
  }
  if (!produce(tmp.open_name(), error)) return false;  // the temporary file goes with tmp
  if (!tmp.commit(keep)) {
    error = tmp.error();
    return false;
  }
  return true;
}

bool disk_reader::rewrite(const std::string& path, const std::string& contents, text& error) {
  // A link stays a link: its target gets the new text, in the target's own directory.
  std::unique_ptr<char, void (*)(void*)> real(::realpath(path.c_str(), nullptr), &std::free);
  struct stat st {};
  if (!real || ::stat(real.get(), &st) != 0) {
    error = os_reason(errno);
    return false;
  }
  const std::string target = real.get();
  if (!S_ISREG(st.st_mode)) {
    error = not_regular;
    return false;
  }
  // No write permission bit at all refuses even root: a file made read-only stays as it is.
  if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0) {
    error = {"the file is read-only (no write permission); it is left unchanged",
             "文件只读（没有写权限），未作修改"};
    return false;
  }
  if (st.st_nlink > 1) {
    error = {fmt::format("the file has {} hard links; replacing it would give this name new text "
                         "and leave the others with the old; it is left unchanged (format it to "
                         "standard output instead: kpi fmt FILE)",
                         st.st_nlink),
             fmt::format("文件有 {} 个硬链接；替换它会使这个名称得到新文本而其他名称仍是旧文本，"
                         "未作修改（可改为输出到标准输出：kpi fmt FILE）",
                         st.st_nlink)};
    return false;
  }
  if (::geteuid() != 0 && st.st_uid != ::geteuid()) {
    error = {
        "the file belongs to another user; replacing it would make it yours; it is left "
        "unchanged",
        "文件属于其他用户；替换它会使它归你所有，未作修改"};
    return false;
  }
  if (::geteuid() != 0 && !in_group(st.st_gid)) {
    error = {
        "the file's group is not one of yours, so the new text could not keep it; it is "
        "left unchanged",
        "文件的属组不是你所在的组，新文本无法保留该属组，未作修改"};
    return false;
  }
  temp_file tmp(target);
  if (!tmp.ok() || !tmp.write(contents.data(), contents.size()) ||
      !tmp.commit(kept_owner{st.st_mode, st.st_uid, st.st_gid})) {
    error = tmp.error();
    return false;
  }
  return true;
}

bool memory_reader::write(const std::string& path, const std::string& contents, text& /*error*/) {
  files[path] = contents;
  return true;
}

std::optional<std::string> memory_reader::read(const std::string& path, text& error) {
  auto it = files.find(path);
  if (it == files.end()) {
    error = os_reason(ENOENT);
    return std::nullopt;
  }
  return it->second;
}

}  // namespace kpi
