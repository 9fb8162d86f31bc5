#pragma once
// The values a route pattern captured from a path, e.g. {gid} → 7 in /api/v1/groups/7.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace samaki::server {

class path_params {
 public:
  struct param {
    std::string name;
    std::string text;                // decoded
    std::optional<std::int64_t> id;  // set for id parameters (every {name} not marked :text)
  };

  void add(param p) { params_.push_back(std::move(p)); }

  // An id parameter, as a raw integer or a strong id: `ctx.params.id<ledger::group_id>("gid")`.
  // Asking for a name the route does not have is a programming error (std::logic_error).
  template <class Id = std::int64_t>
  Id id(std::string_view name) const {
    if constexpr (std::is_same_v<Id, std::int64_t>) {
      return raw_id(name);
    } else {
      return Id{raw_id(name)};
    }
  }
  // The id if the route has such a parameter.
  std::optional<std::int64_t> find_id(std::string_view name) const;
  // Any parameter as decoded text, e.g. an account code from {code:text}.
  const std::string& text(std::string_view name) const;

  const std::vector<param>& all() const { return params_; }

 private:
  std::int64_t raw_id(std::string_view name) const;
  const param* find(std::string_view name) const;
  std::vector<param> params_;
};

}  // namespace samaki::server
