#pragma once
// The journal of a group as an hledger/ledger-cli journal, so any accountant can check the books with an
// independent tool: `hledger -f FILE balance` gives the same balances as the trial balance.
#include "ledger/ids.hpp"
#include "ledger/store/sqlite.hpp"

#include <string>

namespace samaki::ledger {

// Accounts are named "<type>:<code> <name>", with ":member <id>" under member-ledger accounts; amounts
// are decimal with the currency code after them; each entry carries its seq and hash in a comment.
// Throws std::runtime_error for an unknown group.
std::string hledger_journal(sqlite::connection& db, group_id group);

}  // namespace samaki::ledger
