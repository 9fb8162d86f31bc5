#pragma once
// Audit records made from the request that caused them: who (the signed-in caller), from where, which
// request id. Append them inside the same writer work as the change, so both commit or neither does:
//   auto record = audit_of(ctx, "entry.post", group, "entry");
//   co_await on_writer<T>(*ctx.server.store, [=](ledger::write_context& w) -> ledger::result<T> {
//     auto r = ...; if (r) { record.target += ...; ledger::append_audit(w, record); } return r; });
#include "ledger/access/users.hpp"
#include "ledger/ids.hpp"

#include <optional>
#include <string>

namespace samaki::server {

struct request_context;

ledger::audit_record audit_of(const request_context& ctx, std::string action,
                              std::optional<ledger::group_id> group = std::nullopt, std::string target = {});

}  // namespace samaki::server
