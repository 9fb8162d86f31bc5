#pragma once
// Audit records made from the request that caused them: who (the signed-in caller), from where, which
// request id. Append them inside the same writer work as the change, so both commit or neither does:
//   std::function<ledger::result<T>(ledger::write_context&)> work = [record = audit_of(ctx, "entry.post",
//       group, "entry")](ledger::write_context& w) mutable -> ledger::result<T> {
//     auto r = ...; if (r) { record.target += ...; ledger::append_audit(w, record); } return r; };
//   co_await on_writer<T>(*ctx.service.store, std::move(work));   // named first: see on_writer.hpp
#include "ledger/access/users.hpp"
#include "ledger/ids.hpp"

#include <optional>
#include <string>

namespace samaki::server {

struct request_context;

ledger::audit_record audit_of(const request_context& ctx, std::string action,
                              std::optional<ledger::group_id> group = std::nullopt, std::string target = {});

}  // namespace samaki::server
