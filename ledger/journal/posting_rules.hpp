#pragma once
// The rules every entry passes before the journal writer takes it, whoever made it (a posting, a
// reversal, an operation): a real date no more than a day ahead and outside closed periods, at least two
// lines, accounts of this group open on that date, amounts positive and in the account's currency,
// members of this group, debits equal to credits in every currency, and every balance still in range.
#include "ledger/error.hpp"
#include "ledger/journal/journal.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samaki::ledger {

class write_context;
struct group_state;
struct account_info;

// Limits on what one entry may hold.
inline constexpr std::size_t max_lines_per_entry = 500;
inline constexpr std::size_t max_memo_bytes = 1000;
inline constexpr std::size_t max_idempotency_key_bytes = 255;

// A line resolved against the chart.
struct resolved_line {
  const account_info* account = nullptr;
  std::optional<member_id> member;  // who the line names (a member ledger's owner, or attribution)
  side direction = side::debit;
  std::int64_t amount = 0;  // minor units of the account's currency, > 0
  std::string memo;
};

// Running balances after the entry, keyed by (account id, member id or 0 for the account's own balance).
using balance_changes = std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t>;

// An entry that passed every rule against the books as they are now. Only check_entry makes one and the
// journal writer takes nothing else; append it before anything else is written, or check again.
class checked_entry {
 public:
  const draft_entry& draft() const { return draft_; }
  const std::vector<resolved_line>& lines() const { return lines_; }
  const balance_changes& balances_after() const { return after_; }
  const std::map<std::int64_t, std::int64_t>& member_ledger_totals_after() const { return totals_; }
  const std::string& author() const { return author_; }

 private:
  friend result<checked_entry> check_entry(write_context&, group_state&, draft_entry, std::string);
  checked_entry() = default;

  draft_entry draft_;
  std::vector<resolved_line> lines_;
  balance_changes after_;
  std::map<std::int64_t, std::int64_t> totals_;
  std::string author_;
};

// Checks a draft against the group's books. Errors name the line ("line": index) where one is at fault.
result<checked_entry> check_entry(write_context& ctx, group_state& group, draft_entry draft,
                                  std::string author);

// The date rules alone: not in a closed period (period_closed), not more than a day after today
// (date_in_future). Operations check their date with it before planning.
result<void> check_entry_date(const write_context& ctx, const group_state& group, calendar_date date);

// Checks and appends in one step: the entry as stored.
result<entry> record_entry(write_context& ctx, group_state& group, draft_entry draft, std::string author);

}  // namespace samaki::ledger
