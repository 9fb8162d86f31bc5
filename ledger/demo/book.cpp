#include "ledger/demo/book.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/store/write_context.hpp"

#include <cstdio>

namespace samaki::ledger::demo {

field_value text(std::string value) {
  return field_value{std::move(value)};
}
field_value number(std::int64_t value) {
  return field_value{value};
}
field_value yes(bool value) {
  return field_value{value};
}
field_value object(field_map fields) {
  return field_value{std::move(fields)};
}
field_value list(std::vector<field_value> items) {
  return field_value{field_list(std::move(items))};
}
field_value id_of(member_id member) {
  return field_value{member.value};
}
field_value riel(std::int64_t amount) {
  return field_value{std::to_string(amount)};
}

std::string decimal(std::int64_t minor) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(minor / 100),
                static_cast<long long>(minor % 100));
  return text;
}

namespace {

template <class T>
T must(result<T> r, const std::string& what) {
  if (!r) {
    auto e = r.error();
    e.message = what + ": " + e.message;
    throw error_exception(std::move(e));
  }
  return std::move(*r);
}

}  // namespace

book::book(write_context& ctx, const new_group& group, calendar_date formed, std::string author)
    : ctx_(ctx), author_(std::move(author)) {
  pin(formed);
  group_ = must(create_group(ctx_, group), "group " + group.name).id;
}

book::~book() {
  ctx_.pin_now(std::nullopt);
}

void book::pin(calendar_date day) {
  if (day != pinned_day_) {
    pinned_day_ = day;
    seconds_into_day_ = 0;
  }
  const int s = seconds_into_day_++;
  char stamp[40];
  // 03:00 UTC is 10:00 in Cambodia, when a morning meeting is written up.
  std::snprintf(stamp, sizeof stamp, "%sT%02d:%02d:%02d.000Z", day.to_string().c_str(), 3 + s / 3600,
                s / 60 % 60, s % 60);
  ctx_.pin_now(std::string(stamp));
}

member_id book::join(const person& p, calendar_date joined_on) {
  pin(joined_on);
  return must(add_member(ctx_, new_member{group_, p.name, p.name_km, "", p.gender, joined_on}),
              "member " + p.name)
      .id;
}

operation_result book::record(std::string type, calendar_date date, field_map fields, std::string memo) {
  pin(date);
  operation_request request{group_,
                            type,
                            date,
                            std::move(memo),
                            std::move(fields),
                            "{}",
                            "demo-" + std::to_string(group_.value) + "-" + std::to_string(++operations_),
                            author_};
  return must(record_operation(ctx_, request), type + " on " + date.to_string());
}

std::int64_t book::balance(std::string_view code, std::optional<member_id> member) {
  const auto* account = ctx_.group(group_)->account(code);
  if (!account) throw error_exception(error(errc::unknown_account, "no account " + std::string(code)));
  return ctx_.balance(account->id, member);
}

}  // namespace samaki::ledger::demo
