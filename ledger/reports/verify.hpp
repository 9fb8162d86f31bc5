#pragma once
// Proof that the books were not rewritten: recompute every hash in a group's chain, check that the
// sequence has no gaps, that every entry still balances, and that running balances equal the lines.
#include "ledger/date.hpp"
#include "ledger/ids.hpp"
#include "ledger/int128.hpp"
#include "ledger/store/sqlite.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samaki::ledger {

struct chain_report {
  group_id group;
  bool ok = true;
  std::int64_t entries = 0;
  std::string head;                           // hex hash of the last entry (zeros when empty)
  std::optional<std::int64_t> first_bad_seq;  // the first entry whose stored data no longer matches
  std::string problem;                        // what is wrong with it, for people
  std::optional<bool> seal_ok;                // set when a seal code was asked about
};

// Walks the group's entries in seq order. With `seal` (a code or six seal words of either list, as typed:
// seal_check), also says whether some point of the chain (a chain head after an entry, or the empty chain)
// has that seal.
chain_report verify_chain(sqlite::connection& db, group_id group,
                          const std::optional<std::string>& seal = {});

// The same walk checking several seals at once (a group's closed periods): `seals_ok[i]` says whether
// `seals[i]` is a point of the chain and the chain is whole, as seal_ok does for one.
struct chain_seals_report {
  chain_report chain;
  std::vector<bool> seals_ok;
};
chain_seals_report verify_chain_seals(sqlite::connection& db, group_id group,
                                      const std::vector<std::string>& seals);

struct balance_problem {
  group_id group;
  std::string account;
  std::int64_t member = 0;
  std::int64_t stored = 0, recomputed = 0;
};
// Running balances that differ from the sum of the lines (for one group, or all when none).
std::vector<balance_problem> verify_balances(sqlite::connection& db, std::optional<group_id> group = {});

// A balance kept at a standing close (period_balances) that differs from the lines summed through its day.
struct kept_balance_problem {
  group_id group;
  calendar_date through;
  std::string account;
  std::int64_t member = 0;
  int128 kept = 0, recomputed = 0;
};
std::vector<kept_balance_problem> verify_kept_balances(sqlite::connection& db,
                                                       std::optional<group_id> group = {});

struct verify_report {
  std::vector<chain_report> chains;
  std::vector<balance_problem> balances;
  std::vector<kept_balance_problem> kept;
  bool ok() const;
};
// `checked`, when given, is told after each group's chain (for a progress bar): the group, how many chains
// are done and how many there are.
verify_report verify_all(sqlite::connection& db, std::optional<group_id> group = {},
                         const std::function<void(group_id, std::size_t, std::size_t)>& checked = {});

}  // namespace samaki::ledger
