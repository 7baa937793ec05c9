#include "engine/load/files.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace kpi {

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

std::optional<std::string> disk_reader::read(const std::string& path, std::string& error) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  // A regular file is read in one call into a buffer of its size; anything else (a pipe) in
  // pieces. Either way the text is copied once, from the kernel into the string.
  std::string text;
  struct stat st {};
  if (::fstat(::fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    text.resize(static_cast<std::size_t>(st.st_size));
    text.resize(std::fread(text.data(), 1, text.size(), f.get()));
  }
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, n);
  if (std::ferror(f.get())) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

bool file_reader::write_streamed(const std::string& path,
                                 const std::function<void(const put_fn&)>& produce,
                                 std::string& error) {
  std::string text;
  produce([&text](std::string_view piece) { text += piece; });
  return write(path, text, error);
}

bool disk_reader::write(const std::string& path, const std::string& text, std::string& error) {
  return write_streamed(
      path, [&text](const put_fn& put) { put(text); }, error);
}

bool disk_reader::write_streamed(const std::string& path,
                                 const std::function<void(const put_fn&)>& produce,
                                 std::string& error) {
  // Only regular files are replaced (never a device such as /dev/full).
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    error = "not a regular file";
    return false;
  }
  // Write a sibling file, then rename: a failure never leaves a half-written input behind.
  std::string tmp = path + ".kpi-tmp";
  {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(tmp.c_str(), "wb"), &std::fclose);
    if (!f) {
      error = std::strerror(errno);
      return false;
    }
    int failed = 0;  // the first errno of a short write; later pieces are not written
    produce([&](std::string_view piece) {
      if (failed == 0 && std::fwrite(piece.data(), 1, piece.size(), f.get()) != piece.size())
        failed = errno != 0 ? errno : EIO;
    });
    if (failed == 0 && std::fflush(f.get()) != 0) failed = errno != 0 ? errno : EIO;
    if (failed != 0) {
      error = std::strerror(failed);
      f.reset();
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

bool memory_reader::write(const std::string& path, const std::string& text,
                          std::string& /*error*/) {
  files[path] = text;
  return true;
}

std::optional<std::string> memory_reader::read(const std::string& path, std::string& error) {
  auto it = files.find(path);
  if (it == files.end()) {
    error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

}  // namespace kpi
