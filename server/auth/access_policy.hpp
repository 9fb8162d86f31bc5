#pragma once
// Who may call a route. Each route carries one access_policy, so the authorisation matrix can be
// read (and tested) from the route table instead of from inside handlers.
#include "ledger/access/users.hpp"
#include "ledger/error.hpp"
#include "ledger/ids.hpp"
#include "server/http/api_error.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::server {

// The roles are the ledger's (ledger/access/users.hpp); the server only decides with them.
using user_role = ledger::role;
using ledger::parse_role;
using ledger::role_name;

inline constexpr std::array<user_role, 4> all_roles = {user_role::admin, user_role::staff,
                                                       user_role::treasurer, user_role::member};

// A small set of roles, e.g. {admin, treasurer}.
class role_set {
 public:
  constexpr role_set() = default;
  constexpr role_set(std::initializer_list<user_role> roles) {
    for (auto r : roles) bits_ = static_cast<std::uint8_t>(bits_ | bit(r));
  }
  static constexpr role_set all() {
    return {user_role::admin, user_role::staff, user_role::treasurer, user_role::member};
  }
  constexpr bool contains(user_role r) const { return (bits_ & bit(r)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  friend constexpr bool operator==(role_set, role_set) = default;

 private:
  static constexpr std::uint8_t bit(user_role r) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
  }
  std::uint8_t bits_ = 0;
};

// The signed-in caller, as the authenticator found them.
struct principal {
  ledger::user_id user;
  std::string username;
  user_role role = user_role::member;
  std::vector<ledger::group_id> groups;     // assigned groups; an admin sees every group regardless
  std::optional<ledger::member_id> member;  // the member record of a `member` user

  bool can_see(ledger::group_id group) const;
};

// The path parameters the policy looks at.
inline constexpr std::string_view group_param = "gid";
inline constexpr std::string_view member_param = "mid";

struct access_policy {
  bool sign_in_required = true;
  role_set roles = role_set::all();
  bool group_scoped = false;     // the {gid} must be a group the caller can see, else 404
  bool own_member_only = false;  // a `member` caller's {mid} must be their own member, else 404
};

namespace access {
// No sign-in: /healthz, login, static files.
access_policy anyone();
// Any signed-in caller whose role is in `roles`.
access_policy signed_in(role_set roles = role_set::all());
// Signed in, role in `roles`, and the {gid} of the path visible to the caller.
access_policy in_group(role_set roles);
// As in_group, and a `member` caller may only name their own {mid}.
access_policy own_member(role_set roles);
}  // namespace access

// The decision alone. Order: no caller → unauthenticated (401); a group the caller cannot see →
// not_found (404), whatever the role, so existence is never revealed; role not allowed → forbidden (403);
// a member the caller may not see → not_found (404).
api_result<void> authorize(const access_policy& policy, const principal* caller,
                           std::optional<ledger::group_id> group, std::optional<ledger::member_id> member);

}  // namespace samaki::server
