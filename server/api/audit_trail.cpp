#include "server/api/audit_trail.hpp"

#include "server/http/request_context.hpp"

namespace samaki::server {

ledger::audit_record audit_of(const request_context& ctx, std::string action,
                              std::optional<ledger::group_id> group, std::string target) {
  ledger::audit_record r;
  if (ctx.caller) {
    r.user = ctx.caller->user;
    r.username = ctx.caller->username;
  }
  r.address = ctx.client_address;
  r.action = std::move(action);
  r.group = group;
  r.target = std::move(target);
  r.request_id = ctx.request_id;
  return r;
}

}  // namespace samaki::server
