#include "ledger/operations/operation.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/journal/posting_rules.hpp"
#include "ledger/journal/request_fingerprint.hpp"
#include "ledger/operations/catalog.hpp"
#include "ledger/store/journal_writer.hpp"
#include "ledger/store/operation_records.hpp"
#include "ledger/store/request_keys.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger {
namespace {

using detail_list = std::vector<std::pair<std::string, std::string>>;

digest request_hash(const operation_request& r) {
  std::string fields;
  fingerprint_fields(r.fields, fields);
  return request_fingerprint("operation")
      .field(r.type)
      .field(r.date.to_string())
      .field(r.memo)
      .field(fields)
      .hash();
}

digest request_hash(const operation_reversal& r) {
  return request_fingerprint("operation.reverse")
      .field(r.original.value)
      .optional(r.date)
      .field(r.reason)
      .hash();
}

// nullopt: the key is new. Otherwise the earlier operation as first answered, or a conflict.
std::optional<result<operation_result>> replay(write_context& ctx, group_id group, const std::string& key,
                                               const digest& hash) {
  if (key.empty()) return std::nullopt;
  auto used = find_used_key(ctx, group, key);
  if (!used) return std::nullopt;
  if (used->request_hash != hash || !used->operation)
    return result<operation_result>(error(errc::idempotency_conflict,
                                          "this Idempotency-Key was used for a different request",
                                          detail_list{{"idempotency_key", key}}));
  auto stored = load_operation(ctx.db(), *used->operation);
  if (!stored)
    return result<operation_result>(error(errc::internal, "idempotency key points to a missing operation"));
  return result<operation_result>(operation_result{std::move(*stored), {}, true});
}

// Links the entries an applied plan posted to its record, in order.
void link_entries(write_context& ctx, operation_record& record, const std::vector<entry>& entries) {
  int position = 0;
  for (const auto& e : entries) {
    link_operation_entry(ctx, record.id, e.id, ++position);
    record.entries.push_back(e);
    record.entries.back().operation = record.id;
  }
}

// Writes the record once its plan passed every check: the rows the plan writes next may refer to it.
void insert_record(write_context& ctx, const operation_record& record, const std::string& key,
                   const digest& hash) {
  if (insert_operation(ctx, record, key, hash) != record.id)
    throw std::logic_error("operation ids went out of step");
}

}  // namespace

const group_info& operation_context::info() const {
  return group_.info;
}

result<entry> operation_context::post(draft_entry draft) {
  auto stored = record_entry(books_, group_, std::move(draft), request_.author);
  if (stored) entries_.push_back(*stored);
  return stored;
}

bool operation_type::accepts(group_kind kind) const {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const operation_type* find_operation_type(std::string_view name, group_kind kind) {
  const operation_type* any = nullptr;
  for (const auto* type : all_operation_types()) {
    if (type->name != name) continue;
    if (type->accepts(kind)) return type;
    if (!any) any = type;
  }
  return any;
}

std::vector<const operation_type*> operation_types_for(group_kind kind) {
  std::vector<const operation_type*> out;
  for (const auto* type : all_operation_types())
    if (type->accepts(kind)) out.push_back(type);
  return out;
}

result<operation_result> record_operation(write_context& ctx, const operation_request& request) {
  if (request.idempotency_key.size() > max_idempotency_key_bytes)
    return error(errc::bad_request, "Idempotency-Key is longer than 255 characters");
  if (request.memo.size() > max_memo_bytes)
    return error(errc::bad_request, "memo is too long", {{"field", "memo"}});
  group_state* group = ctx.group(request.group);
  if (!group) return error(errc::not_found, "no such group");
  const operation_type* type = find_operation_type(request.type, group->info.kind);
  if (!type)
    return error(errc::bad_request, "unknown operation type '" + request.type + "'", {{"field", "type"}});
  auto hash = request_hash(request);
  if (auto earlier = replay(ctx, request.group, request.idempotency_key, hash)) return std::move(*earlier);
  if (!type->accepts(group->info.kind))
    return error(errc::wrong_group_kind,
                 "a " + std::string(kind_name(group->info.kind)) + " does not record " + request.type,
                 {{"type", request.type}, {"kind", std::string(kind_name(group->info.kind))}});
  if (auto dated = check_entry_date(ctx, *group, request.date); !dated) return dated.error();

  operation_record record;
  record.id = next_free_operation_id(ctx);
  record.group = request.group;
  record.type = request.type;
  record.date = request.date;
  record.memo = request.memo;
  record.request = request.recorded;
  record.created_by = request.author;
  record.created_at = ctx.now();

  operation_context run(ctx, *group, request, record.id);
  auto apply = type->plan(run, field_reader(request.fields, ""));
  if (!apply) return apply.error();
  insert_record(ctx, record, request.idempotency_key, hash);
  if (auto applied = (*apply)(run); !applied) return applied.error();
  link_entries(ctx, record, run.entries());
  ctx.note_changed(request.group);
  return operation_result{std::move(record), std::move(run.outcome()), false};
}

result<operation_result> reverse_operation(write_context& ctx, const operation_reversal& request) {
  if (request.idempotency_key.size() > max_idempotency_key_bytes)
    return error(errc::bad_request, "Idempotency-Key is longer than 255 characters");
  group_state* group = ctx.group(request.group);
  if (!group) return error(errc::not_found, "no such group");
  auto hash = request_hash(request);
  if (auto earlier = replay(ctx, request.group, request.idempotency_key, hash)) return std::move(*earlier);
  if (auto reason = check_name(request.reason, "reason"); !reason) return reason.error();

  auto original = load_operation(ctx.db(), request.original);
  if (!original || original->group != request.group) return error(errc::not_found, "no such operation");
  if (original->reversed_by)
    return error(errc::conflict, "operation " + std::to_string(original->id.value) + " is already reversed",
                 {{"reversed_by", std::to_string(original->reversed_by->value)}});
  if (original->reverses)
    return error(errc::reversal_of_reversal,
                 "operation " + std::to_string(original->id.value) +
                     " is itself a reversal; record the original again",
                 {{"reverses", std::to_string(original->reverses->value)}});
  auto date = request.date.value_or(ctx.today());
  if (date < original->date)
    return error(errc::reversal_before_original,
                 "a reversal cannot be dated " + date.to_string() + ", before the operation it reverses (" +
                     original->date.to_string() + ")",
                 {{"date", date.to_string()}, {"original_date", original->date.to_string()}});
  if (auto dated = check_entry_date(ctx, *group, date); !dated) return dated.error();

  operation_request as_request{request.group,
                               "reversal",
                               date,
                               "Reversal of operation " + std::to_string(original->id.value),
                               {},
                               request.recorded,
                               request.idempotency_key,
                               request.author};
  operation_record record;
  record.id = next_free_operation_id(ctx);
  record.group = request.group;
  record.type = as_request.type;
  record.date = date;
  record.memo = as_request.memo;
  record.request = request.recorded;
  record.created_by = request.author;
  record.created_at = ctx.now();
  record.reverses = original->id;
  record.reason = request.reason;

  operation_context run(ctx, *group, as_request, record.id);
  std::optional<apply_step> undo;
  if (const auto* type = find_operation_type(original->type, group->info.kind); type && type->plan_undo) {
    auto planned = type->plan_undo(run, *original);
    if (!planned) return planned.error();
    undo = std::move(*planned);
  }
  insert_record(ctx, record, request.idempotency_key, hash);
  // Newest first, so each entry is undone in the opposite order it was made.
  for (auto it = original->entries.rbegin(); it != original->entries.rend(); ++it) {
    auto mirrored = run.post(
        mirror_of(*it, date, "Reversal of entry " + std::to_string(it->seq) + ": " + request.reason));
    if (!mirrored) return mirrored.error();
  }
  if (undo)
    if (auto undone = (*undo)(run); !undone) return undone.error();
  link_entries(ctx, record, run.entries());
  ctx.note_changed(request.group);
  return operation_result{std::move(record), std::move(run.outcome()), false};
}

void keep_operation_response(write_context& ctx, operation_id id, const std::string& response) {
  set_operation_response(ctx, id, response);
}

}  // namespace samaki::ledger
