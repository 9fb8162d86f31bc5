#include "server/auth/access_policy.hpp"

#include <algorithm>

namespace samaki::server {

bool principal::can_see(ledger::group_id group) const {
  return role == user_role::admin || std::ranges::find(groups, group) != groups.end();
}

namespace access {
access_policy anyone() {
  return {.sign_in_required = false};
}
access_policy signed_in(role_set roles) {
  return {.roles = roles};
}
access_policy in_group(role_set roles) {
  return {.roles = roles, .group_scoped = true};
}
access_policy own_member(role_set roles) {
  return {.roles = roles, .group_scoped = true, .own_member_only = true};
}
}  // namespace access

api_result<void> authorize(const access_policy& policy, const principal* caller,
                           std::optional<ledger::group_id> group, std::optional<ledger::member_id> member) {
  using ledger::errc;
  if (!policy.sign_in_required) return {};
  if (caller == nullptr) return api_error::unauthenticated("sign in first");
  // Before the role: a 403 for a group the caller cannot see would tell them it exists.
  if (policy.group_scoped && (!group || !caller->can_see(*group))) {
    return ledger::error(errc::not_found, "no such group");
  }
  if (!policy.roles.contains(caller->role)) {
    return api_error::forbidden("the " + std::string(role_name(caller->role)) + " role may not do this");
  }
  if (policy.own_member_only && caller->role == user_role::member && (!member || caller->member != member)) {
    return ledger::error(errc::not_found, "no such member");
  }
  return {};
}

}  // namespace samaki::server
