#pragma once
// The reads verification needs: a group's entries in chain order, lines that stray into another group,
// the recorded chain head, and running balances beside the sums of the lines.
#include "ledger/ids.hpp"
#include "ledger/int128.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace samaki::ledger {

std::vector<group_id> all_group_ids(sqlite::connection& db);
std::vector<entry_id> entry_ids_in_chain_order(sqlite::connection& db, group_id group);
// Lines of the entry whose account or member belongs to another group.
bool has_foreign_lines(sqlite::connection& db, entry_id entry, group_id group);

// The group's entries in chain order, each with its lines as the hash covers them (not the reads' metadata,
// reversed_by or operation), handed to `each` one at a time: two ordered passes over entries and lines
// instead of a few queries per entry, so checking a chain costs a scan rather than thousands of lookups.
void for_each_chain_entry(sqlite::connection& db, group_id group,
                          const std::function<void(const entry&)>& each);
// The seqs of the group's entries with a line on another group's account or member, in one query.
std::set<std::int64_t> seqs_with_foreign_lines(sqlite::connection& db, group_id group);

struct recorded_head {
  std::int64_t seq = 0;
  digest hash{};
};
std::optional<recorded_head> chain_head_of(sqlite::connection& db, group_id group);

// Per (account id, member id or 0): the sum of the lines (member only on member ledgers) and the stored
// running balance, for one group or all.
struct balance_sums {
  int128 recomputed = 0;
  std::optional<std::int64_t> stored;
};
std::map<std::pair<std::int64_t, std::int64_t>, balance_sums> balance_sums_of(sqlite::connection& db,
                                                                              std::optional<group_id> group);
// The group and code of an account id, for reports.
std::pair<group_id, std::string> account_owner(sqlite::connection& db, std::int64_t account);

}  // namespace samaki::ledger
