#pragma once
// The journal's plain data: what a caller asks to post, the drafts operations build, and the entries the
// store keeps.
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samaki::ledger {

enum class side { debit, credit };

inline side opposite(side s) {
  return s == side::debit ? side::credit : side::debit;
}

// One line of a posting as a caller gives it: the amount is decimal text in major units, read by the
// currency of the account it lands on (not known until the chart is).
struct posting_line {
  std::string account;  // account code, e.g. "1010"
  std::optional<member_id> member;
  ledger::side side = side::debit;
  std::string amount;
  std::string memo;
};

// "After this entry, account (and member) must have this balance", in the account's natural sign.
struct balance_expectation {
  std::string account;
  std::optional<member_id> member;
  std::string balance;
};

// A request to post one entry of raw lines (the journal API).
struct posting {
  group_id group;
  calendar_date date;
  std::string memo;
  std::vector<posting_line> lines;
  std::vector<balance_expectation> expect;
  std::string idempotency_key;  // empty: no idempotency (internal callers only)
  std::string author;
};

// A request to reverse an entry: every line mirrored, linked to the original.
struct reversal {
  group_id group;
  entry_id original;
  std::optional<calendar_date> date;  // default: today
  std::optional<std::string> memo;    // default: "Reversal of entry <seq>"
  std::string idempotency_key;
  std::string author;
};

// A line an operation wants written: the amount already carries its currency, which must be the account's.
struct draft_line {
  std::string account;
  std::optional<member_id> member;
  ledger::side side = side::debit;
  money amount;
  std::string memo;
};

// An entry an operation wants written; the posting rules check it against the books before it is.
struct draft_entry {
  calendar_date date;
  std::string memo;
  std::vector<draft_line> lines;
  std::optional<entry_id> reverses;
  // Facts kept with the entry, outside its hash (e.g. the rate of an exchange): key, value.
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct entry_line {
  int line_no = 0;
  std::string account;
  std::optional<member_id> member;
  ledger::side side = side::debit;
  money amount;  // > 0, in the account's currency
  std::string memo;
};

// A stored entry. Hashes are lower-case hex of SHA-256.
struct entry {
  entry_id id;
  group_id group;
  std::int64_t seq = 0;
  calendar_date date;
  std::string memo;
  std::optional<entry_id> reverses;
  std::optional<entry_id> reversed_by;    // filled by reads
  std::optional<operation_id> operation;  // the operation that made it, filled by reads
  std::string created_by;
  std::string created_at;  // RFC 3339 UTC
  std::string prev_hash;
  std::string hash;
  std::vector<entry_line> lines;
  std::vector<std::pair<std::string, std::string>> metadata;
};

// What posting gives back: the entry, and whether it was already there under the same idempotency key.
struct posted {
  ledger::entry entry;
  bool replayed = false;
};

}  // namespace samaki::ledger
