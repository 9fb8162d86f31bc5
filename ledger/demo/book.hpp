#pragma once
// The pen the demonstration stories write with: one group's operations recorded through record_operation,
// exactly as the HTTP edge records them, on the writer's context. The time of recording is pinned to the
// operation's day (10:00 in Cambodia, a second apart), so that every run writes the same entries, hashes
// and seals. A refusal throws error_exception naming the operation: demo data that the rules refuse is a
// bug in the story.
#include "ledger/groups/group.hpp"
#include "ledger/operations/operation.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace samaki::ledger {
class write_context;
}

namespace samaki::ledger::demo {

// Field values as a request body would give them.
field_value text(std::string value);
field_value number(std::int64_t value);
field_value yes(bool value);
field_value object(field_map fields);
field_value list(std::vector<field_value> items);
field_value id_of(member_id member);
// Whole riel (or whole units of the group's currency) as an amount text.
field_value riel(std::int64_t amount);
// Minor units (riel or dollars: two decimals) as a decimal text: 123456 is "1234.56".
std::string decimal(std::int64_t minor);
inline calendar_date day(int year, unsigned month, unsigned day_of_month) {
  return calendar_date::from_ymd(year, month, day_of_month);
}

struct person {
  std::string name;     // romanised, family name first: "Chan Sokha"
  std::string name_km;  // ចាន់ សុខា
  std::string gender;   // "female" or "male"
};

class book {
 public:
  // Creates the group, dated `formed` (its created_at), with `author` as the one who records.
  book(write_context& ctx, const new_group& group, calendar_date formed, std::string author);
  ~book();
  book(const book&) = delete;
  book& operator=(const book&) = delete;

  group_id group() const { return group_; }
  write_context& ctx() { return ctx_; }

  member_id join(const person& p, calendar_date joined_on);
  operation_result record(std::string type, calendar_date date, field_map fields, std::string memo = {});
  // The running balance of one of the group's accounts (debit minus credit), in minor units.
  std::int64_t balance(std::string_view code, std::optional<member_id> member = std::nullopt);

 private:
  void pin(calendar_date day);

  write_context& ctx_;
  group_id group_;
  std::string author_;
  calendar_date pinned_day_;
  int seconds_into_day_ = 0;
  int operations_ = 0;
};

}  // namespace samaki::ledger::demo
