#pragma once
// A small metrics registry: lock-free counters, gauges and histograms, rendered as Prometheus text.
// Register once at start-up and keep the reference; updating is an atomic add, from any thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

class counter {
 public:
  void add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }
  void render(std::string& out, const std::string& name, const std::string& labels) const;

 private:
  std::atomic<std::uint64_t> value_{0};
};

class gauge {
 public:
  void add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  void set(std::int64_t v) { value_.store(v, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }
  void render(std::string& out, const std::string& name, const std::string& labels) const;

 private:
  std::atomic<std::int64_t> value_{0};
};

class histogram {
 public:
  // `upper_bounds` ascending; a +Inf bucket is implied.
  explicit histogram(std::vector<double> upper_bounds);
  void observe(double value);
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  double sum() const { return sum_.load(std::memory_order_relaxed); }
  void render(std::string& out, const std::string& name, const std::string& labels) const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // not cumulative; summed when rendered
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

// Common bucket sets.
std::vector<double> latency_buckets_seconds();
std::vector<double> exponential_buckets(double start, double factor, int count);

// A metric with label names; one child per distinct set of label values, made on first use.
class metric_family_base {
 public:
  metric_family_base(std::string name, std::string help, std::string type,
                     std::vector<std::string> label_names);
  virtual ~metric_family_base() = default;
  void render(std::string& out) const;
  const std::string& name() const { return name_; }

 protected:
  // `{a="x",b="y"}`, or empty without labels.
  std::string label_text(std::span<const std::string> values) const;
  virtual void render_children(std::string& out) const = 0;
  std::vector<std::string> label_names_;

 private:
  std::string name_, help_, type_;
};

template <class Metric>
class metric_family final : public metric_family_base {
 public:
  template <class... Args>
  metric_family(std::string name, std::string help, std::string type, std::vector<std::string> label_names,
                Args... metric_args)
      : metric_family_base(std::move(name), std::move(help), std::move(type), std::move(label_names)),
        make_([=] { return std::make_unique<Metric>(metric_args...); }) {}

  // The child for these label values, in label-name order.
  Metric& with(std::initializer_list<std::string_view> values) {
    std::vector<std::string> key(values.begin(), values.end());
    {
      std::shared_lock lock(mutex_);
      if (auto it = children_.find(key); it != children_.end()) return *it->second;
    }
    std::unique_lock lock(mutex_);
    auto& child = children_[key];
    if (!child) child = make_();
    return *child;
  }

 private:
  void render_children(std::string& out) const override {
    std::shared_lock lock(mutex_);
    for (const auto& [values, child] : children_) child->render(out, name(), label_text(values));
  }

  std::function<std::unique_ptr<Metric>()> make_;
  mutable std::shared_mutex mutex_;
  std::map<std::vector<std::string>, std::unique_ptr<Metric>> children_;
};

class metrics_registry {
 public:
  counter& add_counter(std::string name, std::string help);
  gauge& add_gauge(std::string name, std::string help);
  histogram& add_histogram(std::string name, std::string help, std::vector<double> upper_bounds);
  metric_family<counter>& add_counter_family(std::string name, std::string help,
                                             std::vector<std::string> labels);
  metric_family<histogram>& add_histogram_family(std::string name, std::string help,
                                                 std::vector<std::string> labels,
                                                 std::vector<double> upper_bounds);

  // Prometheus text exposition format 0.0.4.
  std::string render() const;

 private:
  template <class Family>
  Family& add(std::unique_ptr<Family> family);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<metric_family_base>> families_;
};

}  // namespace samaki::server
