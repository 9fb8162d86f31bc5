#include "ledger/reports/verify.hpp"

#include "ledger/int128.hpp"
#include "ledger/journal/hash_chain.hpp"
#include "ledger/seal.hpp"
#include "ledger/store/chain_reads.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/rows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace samaki::ledger {
namespace {

// Debits equal credits per currency, summed in 128 bits so no sum of a tampered entry can wrap around.
bool balances_per_currency(const entry& e) {
  std::map<std::string_view, int128> net;
  for (const auto& l : e.lines) {
    auto amount = int128(l.amount.minor());
    net[l.amount.currency_code()] += l.side == side::debit ? amount : -amount;
  }
  for (const auto& [currency, value] : net)
    if (value != 0) return false;
  return e.lines.size() >= 2;
}

}  // namespace

chain_seals_report verify_chain_seals(sqlite::connection& db, group_id group,
                                      const std::vector<std::string>& seals) {
  // One snapshot: a posting committed half-way through must not look like a chain cut short.
  sqlite::read_snapshot snapshot(db);
  chain_seals_report out;
  auto& report = out.chain;
  report.group = group;
  digest head{};
  // The codes or the six words (of either list) as typed; text that is neither matches nothing.
  std::vector<std::optional<seal_check>> checks;
  for (const auto& seal : seals) checks.push_back(seal_check::parse(seal));
  std::vector<bool> seen(seals.size(), false);
  auto look_for_seals = [&] {
    for (std::size_t i = 0; i < checks.size(); ++i)
      if (checks[i] && checks[i]->matches(head)) seen[i] = true;
  };
  look_for_seals();
  const auto foreign = seqs_with_foreign_lines(db, group);
  auto fail = [&](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
  };
  std::int64_t expected_seq = 1;
  for_each_chain_entry(db, group, [&](const entry& e) {
    ++report.entries;
    if (report.ok) {
      if (e.seq != expected_seq) {
        fail(expected_seq, "entry " + std::to_string(expected_seq) + " is missing");
      } else if (e.prev_hash != to_hex(head)) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " does not link to the entry before it");
      } else if (to_hex(entry_hash(head, e)) != e.hash) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " was changed after it was written");
      } else if (!balances_per_currency(e)) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " does not balance");
      } else if (foreign.count(e.seq)) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " has a line on another group's account or member");
      }
    }
    // Continue along the stored hashes so the head reported is what the database now holds.
    digest stored{};
    from_hex(e.hash, stored);
    head = stored;
    expected_seq = e.seq + 1;
    look_for_seals();
  });
  if (report.ok) {
    if (auto recorded = chain_head_of(db, group)) {
      auto recorded_seq = recorded->seq;
      if (recorded_seq >= expected_seq)
        fail(expected_seq, "entry " + std::to_string(expected_seq) + " is missing (the chain was cut short)");
      else if (recorded_seq != expected_seq - 1 || recorded->hash != head)
        fail(recorded_seq, "the recorded chain head does not match entry " + std::to_string(recorded_seq));
    } else if (report.entries > 0) {
      fail(1, "the group's chain head is missing");
    }
  }
  report.head = to_hex(head);
  for (bool found : seen) out.seals_ok.push_back(found && report.ok);
  return out;
}

chain_report verify_chain(sqlite::connection& db, group_id group, const std::optional<std::string>& seal) {
  if (!seal) return verify_chain_seals(db, group, {}).chain;
  auto checked = verify_chain_seals(db, group, {*seal});
  checked.chain.seal_ok = checked.seals_ok.front();
  return std::move(checked.chain);
}

std::vector<balance_problem> verify_balances(sqlite::connection& db, std::optional<group_id> group) {
  // Recomputed from every line in 128 bits (turnover may pass int64 while balances fit), then compared
  // with every stored running balance, both ways.
  sqlite::read_snapshot snapshot(db);
  std::vector<balance_problem> out;
  for (const auto& [key, value] : balance_sums_of(db, group)) {
    auto stored = value.stored.value_or(0);
    if (value.recomputed == stored) continue;
    auto [owner, code] = account_owner(db, key.first);
    auto clamp = [](int128 v) {
      constexpr auto lo = std::numeric_limits<std::int64_t>::min(),
                     hi = std::numeric_limits<std::int64_t>::max();
      return static_cast<std::int64_t>(v < lo ? lo : v > hi ? hi : v);
    };
    out.push_back(balance_problem{owner, code, key.second, stored, clamp(value.recomputed)});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.group, a.account, a.member) < std::tie(b.group, b.account, b.member);
  });
  return out;
}

std::vector<kept_balance_problem> verify_kept_balances(sqlite::connection& db,
                                                       std::optional<group_id> group) {
  sqlite::read_snapshot snapshot(db);
  std::vector<kept_balance_problem> out;
  for (auto g : group ? std::vector<group_id>{*group} : all_group_ids(db)) {
    // The lines summed close by close: one pass over the group's lines up to its last close.
    account_nets running;
    std::optional<calendar_date> previous;
    for (const auto& [through, kept] : kept_closes(db, g)) {
      for (const auto& [key, net] :
           movements(db, g, previous ? std::optional(previous->plus_days(1)) : std::nullopt, through, false))
        running[key] += net;
      previous = through;
      auto keys = kept;
      for (const auto& [key, net] : running) keys[key];
      for (const auto& [key, ignored] : keys) {
        // The key as a parameter: clang 14 cannot capture a structured binding.
        auto value_in = [](const account_nets& nets, const auto& wanted) -> int128 {
          auto it = nets.find(wanted);
          return it == nets.end() ? 0 : it->second;
        };
        const int128 stored = value_in(kept, key), recomputed = value_in(running, key);
        if (stored != recomputed)
          out.push_back({g, through, account_owner(db, key.first).second, key.second, stored, recomputed});
      }
    }
  }
  return out;
}

bool verify_report::ok() const {
  for (const auto& c : chains)
    if (!c.ok) return false;
  return balances.empty() && kept.empty();
}

verify_report verify_all(sqlite::connection& db, std::optional<group_id> group,
                         const std::function<void(group_id, std::size_t, std::size_t)>& checked) {
  verify_report report;
  sqlite::read_snapshot snapshot(db);
  std::vector<group_id> groups = group ? std::vector<group_id>{*group} : all_group_ids(db);
  for (auto g : groups) {
    report.chains.push_back(verify_chain(db, g));
    if (checked) checked(g, report.chains.size(), groups.size());
  }
  report.balances = verify_balances(db, group);
  report.kept = verify_kept_balances(db, group);
  return report;
}

}  // namespace samaki::ledger
