// Reading input files, behind an interface so tests can use an in-memory fake.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

class file_reader {
 public:
  virtual ~file_reader() = default;
  // Writes the whole file; false with `error` set on failure.
  virtual bool write(const std::string& path, const std::string& text, std::string& error) = 0;
  // Hands `produce` a function that appends text to the file, so that output of any size is
  // written piece by piece; the file appears only once `produce` has returned and all of it
  // is written. Unless overridden, the pieces are gathered and given to write().
  using put_fn = std::function<void(std::string_view)>;
  virtual bool write_streamed(const std::string& path,
                              const std::function<void(const put_fn&)>& produce,
                              std::string& error);
  // The whole file, or nullopt with `error` set to a reason for people.
  virtual std::optional<std::string> read(const std::string& path, std::string& error) = 0;
};

// The input among `inputs` that writing `output` would replace — the same file through any
// spelling of its path or a link — or nullopt. `-o` never overwrites an input.
std::optional<std::string> overwritten_input(const std::string& output,
                                             const std::vector<std::string>& inputs);

class disk_reader final : public file_reader {
 public:
  std::optional<std::string> read(const std::string& path, std::string& error) override;
  bool write(const std::string& path, const std::string& text, std::string& error) override;
  bool write_streamed(const std::string& path, const std::function<void(const put_fn&)>& produce,
                      std::string& error) override;
};

class memory_reader final : public file_reader {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path, std::string& error) override;
  bool write(const std::string& path, const std::string& text, std::string& error) override;
};

}  // namespace kpi
