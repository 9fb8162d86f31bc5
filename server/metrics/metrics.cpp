#include "server/metrics/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace samaki::server {
namespace {

// Plain decimals ("0.0005", not "5e-04") unless the number is too long for that.
std::string number_text(double v) {
  char buffer[64];
  auto written = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
  if (written.ec != std::errc{}) written = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, written.ptr);
}

// Label values may hold any text; Prometheus wants \\, \" and \n escaped.
std::string escape_label_value(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// `labels` plus le="bound", keeping the braces right.
std::string with_le(const std::string& labels, const std::string& bound) {
  const std::string le = "le=\"" + bound + "\"";
  if (labels.empty()) return "{" + le + "}";
  return labels.substr(0, labels.size() - 1) + "," + le + "}";
}

}  // namespace

void counter::render(std::string& out, const std::string& name, const std::string& labels) const {
  out += name + labels + " " + std::to_string(value()) + "\n";
}

void gauge::render(std::string& out, const std::string& name, const std::string& labels) const {
  out += name + labels + " " + std::to_string(value()) + "\n";
}

histogram::histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds)), buckets_(new std::atomic<std::uint64_t>[bounds_.size() + 1]) {
  if (!std::ranges::is_sorted(bounds_)) throw std::invalid_argument("histogram bounds must ascend");
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0, std::memory_order_relaxed);
}

void histogram::observe(double value) {
  const auto bucket = static_cast<std::size_t>(std::ranges::lower_bound(bounds_, value) - bounds_.begin());
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

void histogram::render(std::string& out, const std::string& name, const std::string& labels) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out +=
        name + "_bucket" + with_le(labels, number_text(bounds_[i])) + " " + std::to_string(cumulative) + "\n";
  }
  cumulative += buckets_[bounds_.size()].load(std::memory_order_relaxed);
  out += name + "_bucket" + with_le(labels, "+Inf") + " " + std::to_string(cumulative) + "\n";
  out += name + "_sum" + labels + " " + number_text(sum()) + "\n";
  out += name + "_count" + labels + " " + std::to_string(cumulative) + "\n";
}

std::vector<double> latency_buckets_seconds() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

std::vector<double> exponential_buckets(double start, double factor, int count) {
  std::vector<double> bounds;
  for (double b = start; count-- > 0; b *= factor) bounds.push_back(b);
  return bounds;
}

metric_family_base::metric_family_base(std::string name, std::string help, std::string type,
                                       std::vector<std::string> label_names)
    : label_names_(std::move(label_names)),
      name_(std::move(name)),
      help_(std::move(help)),
      type_(std::move(type)) {}

void metric_family_base::render(std::string& out) const {
  out += "# HELP " + name_ + " " + help_ + "\n";
  out += "# TYPE " + name_ + " " + type_ + "\n";
  render_children(out);
}

std::string metric_family_base::label_text(std::span<const std::string> values) const {
  if (label_names_.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < label_names_.size() && i < values.size(); ++i) {
    if (i > 0) out += ",";
    out += label_names_[i] + "=\"" + escape_label_value(values[i]) + "\"";
  }
  return out + "}";
}

template <class Family>
Family& metrics_registry::add(std::unique_ptr<Family> family) {
  std::lock_guard lock(mutex_);
  const bool taken =
      std::ranges::any_of(families_, [&](const auto& f) { return f->name() == family->name(); });
  if (taken) throw std::invalid_argument("metric registered twice: " + family->name());
  auto& added = *family;
  families_.push_back(std::move(family));
  return added;
}

counter& metrics_registry::add_counter(std::string name, std::string help) {
  return add(std::make_unique<metric_family<counter>>(std::move(name), std::move(help), "counter",
                                                      std::vector<std::string>{}))
      .with({});
}

gauge& metrics_registry::add_gauge(std::string name, std::string help) {
  return add(std::make_unique<metric_family<gauge>>(std::move(name), std::move(help), "gauge",
                                                    std::vector<std::string>{}))
      .with({});
}

histogram& metrics_registry::add_histogram(std::string name, std::string help,
                                           std::vector<double> upper_bounds) {
  return add(std::make_unique<metric_family<histogram>>(std::move(name), std::move(help), "histogram",
                                                        std::vector<std::string>{}, std::move(upper_bounds)))
      .with({});
}

metric_family<counter>& metrics_registry::add_counter_family(std::string name, std::string help,
                                                             std::vector<std::string> labels) {
  return add(std::make_unique<metric_family<counter>>(std::move(name), std::move(help), "counter",
                                                      std::move(labels)));
}

metric_family<histogram>& metrics_registry::add_histogram_family(std::string name, std::string help,
                                                                 std::vector<std::string> labels,
                                                                 std::vector<double> upper_bounds) {
  return add(std::make_unique<metric_family<histogram>>(std::move(name), std::move(help), "histogram",
                                                        std::move(labels), std::move(upper_bounds)));
}

std::string metrics_registry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& family : families_) family->render(out);
  return out;
}

}  // namespace samaki::server
