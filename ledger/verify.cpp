#include "ledger/verify.hpp"

#include "ledger/hash_chain.hpp"
#include "ledger/int128.hpp"
#include "ledger/store/rows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace samaki::ledger {
namespace {

bool balances_per_currency(const entry& e) {
  std::map<std::string, std::int64_t> net;
  for (const auto& l : e.lines) net[l.currency] += l.side == side::debit ? l.amount : -l.amount;
  for (const auto& [currency, value] : net)
    if (value != 0) return false;
  return e.lines.size() >= 2;
}

// Lines whose account or member belongs to another group: the hash covers account codes, not ids, so a
// line moved to another group's account of the same code would otherwise pass.
bool has_foreign_lines(sqlite::connection& db, entry_id id, group_id group) {
  auto s = db.prepare(
      "SELECT 1 FROM lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN members m ON m.id = "
      "l.member_id "
      "WHERE l.entry_id = ?1 AND (a.group_id <> ?2 OR (l.member_id IS NOT NULL AND "
      "(m.id IS NULL OR m.group_id <> ?2))) LIMIT 1");
  s->bind(1, id.value).bind(2, group.value);
  return s->step();
}

}  // namespace

chain_report verify_chain(sqlite::connection& db, group_id group, const std::optional<std::string>& seal) {
  chain_report report;
  report.group = group;
  digest head{};
  bool seal_seen = seal && seal_code(head) == *seal;
  std::vector<entry_id> ids;
  {
    auto s = db.prepare("SELECT id FROM entries WHERE group_id = ? ORDER BY seq");
    s->bind(1, group.value);
    while (s->step()) ids.push_back(entry_id{s->column_int(0)});
  }
  auto fail = [&](std::int64_t seq, std::string problem) {
    report.ok = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
  };
  std::int64_t expected_seq = 1;
  for (auto id : ids) {
    auto e = load_entry(db, id);
    if (!e) continue;
    ++report.entries;
    if (report.ok) {
      if (e->seq != expected_seq) {
        fail(expected_seq, "entry " + std::to_string(expected_seq) + " is missing");
      } else if (e->prev_hash != to_hex(head)) {
        fail(e->seq, "entry " + std::to_string(e->seq) + " does not link to the entry before it");
      } else if (to_hex(entry_hash(head, *e)) != e->hash) {
        fail(e->seq, "entry " + std::to_string(e->seq) + " was changed after it was written");
      } else if (!balances_per_currency(*e)) {
        fail(e->seq, "entry " + std::to_string(e->seq) + " does not balance");
      } else if (has_foreign_lines(db, id, group)) {
        fail(e->seq, "entry " + std::to_string(e->seq) + " has a line on another group's account or member");
      }
    }
    // Continue along the stored hashes so the head reported is what the database now holds.
    digest stored{};
    from_hex(e->hash, stored);
    head = stored;
    expected_seq = e->seq + 1;
    if (seal && seal_code(head) == *seal) seal_seen = true;
  }
  if (report.ok) {
    auto s = db.prepare("SELECT seq, hash FROM chain_heads WHERE group_id = ?");
    s->bind(1, group.value);
    if (s->step()) {
      auto recorded_seq = s->column_int(0);
      if (recorded_seq >= expected_seq)
        fail(expected_seq, "entry " + std::to_string(expected_seq) + " is missing (the chain was cut short)");
      else if (recorded_seq != expected_seq - 1 || s->column_blob(1) != digest_bytes(head))
        fail(recorded_seq, "the recorded chain head does not match entry " + std::to_string(recorded_seq));
    } else if (report.entries > 0) {
      fail(1, "the group's chain head is missing");
    }
  }
  report.head = to_hex(head);
  if (seal) report.seal_ok = seal_seen && report.ok;
  return report;
}

std::vector<balance_problem> verify_balances(sqlite::connection& db, std::optional<group_id> group) {
  // Recomputed from every line in 128 bits (turnover may pass int64 while balances fit), then compared
  // with every stored running balance, both ways.
  struct sums {
    int128 recomputed = 0;
    std::optional<std::int64_t> stored;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, sums> by_key;
  // Bound as a plain value or NULL: "?1 IS NULL" then means every group.
  auto bind_group = [&](sqlite::statement& st) {
    if (group)
      st.bind(1, group->value);
    else
      st.bind_null(1);
  };
  {
    auto s = db.prepare(
        "SELECT l.account_id, coalesce(l.member_id, 0), l.debit - l.credit FROM lines l "
        "JOIN accounts a ON a.id = l.account_id WHERE ?1 IS NULL OR a.group_id = ?1");
    bind_group(*s);
    while (s->step()) by_key[{s->column_int(0), s->column_int(1)}].recomputed += s->column_int(2);
  }
  {
    auto s = db.prepare(
        "SELECT b.account_id, b.member_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id "
        "WHERE ?1 IS NULL OR a.group_id = ?1");
    bind_group(*s);
    while (s->step()) by_key[{s->column_int(0), s->column_int(1)}].stored = s->column_int(2);
  }
  std::vector<balance_problem> out;
  for (const auto& [key, value] : by_key) {
    auto stored = value.stored.value_or(0);
    if (value.recomputed == stored) continue;
    auto s = db.prepare("SELECT group_id, code FROM accounts WHERE id = ?");
    s->bind(1, key.first);
    group_id owner{};
    std::string code = "?";
    if (s->step()) {
      owner = group_id{s->column_int(0)};
      code = s->column_text(1);
    }
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

bool verify_report::ok() const {
  for (const auto& c : chains)
    if (!c.ok) return false;
  return balances.empty();
}

verify_report verify_all(sqlite::connection& db, std::optional<group_id> group) {
  verify_report report;
  std::vector<group_id> groups;
  if (group) {
    groups.push_back(*group);
  } else {
    auto s = db.prepare("SELECT id FROM groups ORDER BY id");
    while (s->step()) groups.push_back(group_id{s->column_int(0)});
  }
  for (auto g : groups) report.chains.push_back(verify_chain(db, g));
  report.balances = verify_balances(db, group);
  return report;
}

}  // namespace samaki::ledger
