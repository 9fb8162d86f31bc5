#pragma once
// What the operations of cooperatives and joint-task committees share: the account money moves through
// (`via`: a cash or bank account, 1010 when left out, or the one holding the currency asked for; with
// `on_credit` the receivable or payable instead), the member an operation is for, positive amounts,
// memos, and an apply step that posts the planned entries.
#include "ledger/operations/operation.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

// The account `code` of the group's chart, or unknown_account.
result<const account_info*> chart_account(operation_context& ctx, std::string_view code);

// The cash or bank account named by `field`; when it is absent, 1010, or with `currency` other than the
// group's the first cash account holding that currency (1011 for dollars in a riel group).
result<const account_info*> cash_account_of(operation_context& ctx, const field_reader& f,
                                            std::string_view field,
                                            std::optional<iso_currency> currency = std::nullopt);

// Where money moves for an operation that may be on credit: with "on_credit": true the account `on_credit`
// (a receivable or payable; `via` may not be given too), otherwise the cash account of "via".
result<const account_info*> settled_through(operation_context& ctx, const field_reader& f,
                                            std::string_view on_credit);

// The member named by `field`: a member of this group who has not left by the operation's date, or
// not_a_member naming them.
result<member_id> active_member(operation_context& ctx, const field_reader& f,
                                std::string_view field = "member_id");

// A positive amount in `currency`, or invalid_amount naming the field.
result<money> positive_amount(const field_reader& f, std::string_view field, iso_currency currency);

// The request's memo when given, else `fallback`.
std::string memo_or(const operation_context& ctx, std::string fallback);

draft_line line_of(std::string_view account, std::optional<member_id> member, side direction,
                   const money& amount);

enum class balancing_line { first, last };

// Lines made whole by one line on `account` (a line a member, say), as entries within the lines an entry
// may hold (max_lines_per_entry): each part gets its own balancing line on `balancing_side` for what its
// lines move, placed first or last, and "(k of n)" after the memo when there is more than one part. So an
// operation for every member of a group of any size still posts; one part when it fits.
std::vector<draft_entry> entries_within_line_limit(calendar_date on, const std::string& memo,
                                                   std::string_view account, side balancing_side,
                                                   balancing_line where,
                                                   const std::vector<draft_line>& lines);

// The balance of a member on a member ledger, in the account's natural sign.
money member_balance(operation_context& ctx, const account_info& account, member_id member);

// Posts the entries in order; each passes the posting rules again as it is written.
apply_step post_entries(std::vector<draft_entry> entries);

}  // namespace samaki::ledger
