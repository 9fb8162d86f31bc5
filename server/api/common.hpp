#pragma once
// What the ledger's handlers share: reading the path, the query and the headers they all use, and
// writing a change together with its audit record.
#include "ledger/access/users.hpp"
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"
#include "server/api/audit_trail.hpp"
#include "server/async/on_writer.hpp"
#include "server/http/api_error.hpp"
#include "server/http/request_context.hpp"
#include "server/service.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace samaki::server {

// Who reads a group's books (members see only their own record and the summaries), and who keeps them.
inline constexpr role_set book_readers = {user_role::admin, user_role::staff, user_role::treasurer};
inline constexpr role_set book_keepers = {user_role::admin, user_role::treasurer};

inline ledger::group_id path_group(const request_context& ctx) {
  return ctx.params.id<ledger::group_id>(group_param);
}

// The group, or not_found; the access policy has already said the caller may see it, if it exists.
ledger::result<ledger::group_info> existing_group(ledger::sqlite::connection& db, ledger::group_id group);

// A ?name= date (YYYY-MM-DD) if given; invalid_date when it is not a real date.
ledger::result<std::optional<ledger::calendar_date>> query_date(const request_context& ctx,
                                                                std::string_view name);
// A ?name= positive id if given; bad_request otherwise.
ledger::result<std::optional<std::int64_t>> query_id(const request_context& ctx, std::string_view name);

// A ?name= that must be one of `choices`: the first of them when absent, bad_request naming them otherwise.
ledger::result<std::string> query_choice(const request_context& ctx, std::string_view name,
                                         std::initializer_list<std::string_view> choices);

// The file name of a download about the path's group, e.g. samaki-group-7-trial-balance-2026-11-30.csv:
// `what` (ASCII letters, digits and dashes) as of `date`, or of the groups' today when there is none.
std::string download_name(const request_context& ctx, std::string_view what,
                          const std::optional<ledger::calendar_date>& date, std::string_view extension);

// The Idempotency-Key header: required, 1-255 characters, else bad_request.
ledger::result<std::string> idempotency_key(const request_context& ctx);

// The JSON body; an empty body reads as {} (for requests whose fields are all optional).
api_result<boost::json::object> body_or_empty(const request_context& ctx);

// The signed-in caller's username: who is recorded as the author of a change.
std::string author(const request_context& ctx);

// What the audit record of a change says about it.
struct audit_note {
  std::string target;                       // e.g. "entry 12"
  std::string detail;                       // e.g. "reverses entry 9"
  std::optional<ledger::group_id> group{};  // when the change made the group (group.create)
};

// Runs `change` on the writer; when it succeeds and `note_of` describes it, its audit record (`action`,
// by the caller, in `group`) is appended in the same writer work, so both commit or neither does.
// `note_of` gives nothing for an idempotent replay, which changes nothing and is not audited again.
// Call it in a statement of its own and co_await what it returns in the next: GCC 12 destroys the
// temporaries of a co_await full-expression twice, and the lambdas here own the command.
template <class T>
awaitable<ledger::result<T>> write_audited(request_context& ctx, std::string action,
                                           std::optional<ledger::group_id> group,
                                           std::function<ledger::result<T>(ledger::write_context&)> change,
                                           std::function<std::optional<audit_note>(const T&)> note_of) {
  // Not a coroutine itself: it only hands on on_writer's awaitable.
  return on_writer<T>(*ctx.service.store,
                      [record = audit_of(ctx, std::move(action), group), change = std::move(change),
                       note_of = std::move(note_of)](ledger::write_context& w) mutable -> ledger::result<T> {
                        auto done = change(w);
                        if (!done) return done;
                        if (auto note = note_of(*done)) {
                          record.target = std::move(note->target);
                          record.detail = std::move(note->detail);
                          if (note->group) record.group = note->group;
                          ledger::append_audit(w, record);
                        }
                        return done;
                      });
}

}  // namespace samaki::server
