// An optional value kept on the heap, for a field that is rarely present: its owner carries a
// pointer (8 bytes) instead of the whole value, which matters for the hundreds of thousands of
// indicators and actuals of a city's run. It reads like std::optional (bool test, *, ->) and
// copies deeply, so the owner keeps value semantics.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace kpi {

template <typename T>
class boxed {
 public:
  boxed() = default;
  boxed(std::nullopt_t) {}  // NOLINT: reads like optional
  boxed(const std::optional<T>& v) : p_(v ? std::make_unique<T>(*v) : nullptr) {}  // NOLINT
  boxed(std::optional<T>&& v)  // NOLINT: reads like optional
      : p_(v ? std::make_unique<T>(std::move(*v)) : nullptr) {}
  boxed(const T& v) : p_(std::make_unique<T>(v)) {}  // NOLINT: reads like optional
  boxed(const boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  boxed(boxed&&) noexcept = default;
  boxed& operator=(const boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  boxed& operator=(boxed&&) noexcept = default;
  boxed& operator=(const T& v) {
    p_ = std::make_unique<T>(v);
    return *this;
  }
  ~boxed() = default;

  explicit operator bool() const { return p_ != nullptr; }
  [[nodiscard]] bool has_value() const { return p_ != nullptr; }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }
  [[nodiscard]] T value_or(T fallback) const { return p_ ? *p_ : std::move(fallback); }
  // As a std::optional, for code that takes one.
  [[nodiscard]] std::optional<T> optional() const {
    return p_ ? std::optional<T>(*p_) : std::nullopt;
  }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace kpi
