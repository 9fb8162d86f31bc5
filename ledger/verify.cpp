#include "ledger/verify.hpp"

#include "ledger/hash_chain.hpp"
#include "ledger/store/rows.hpp"

#include <map>

namespace samaki::ledger {
namespace {

bool balances_per_currency(const entry& e) {
  std::map<std::string, std::int64_t> net;
  for (const auto& l : e.lines) net[l.currency] += l.side == side::debit ? l.amount : -l.amount;
  for (const auto& [currency, value] : net)
    if (value != 0) return false;
  return e.lines.size() >= 2;
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
  // Full outer comparison of stored balances and the lines' sums, done in SQL.
  auto s = db.prepare(R"sql(
    WITH recomputed AS (
      SELECT l.account_id, coalesce(l.member_id, 0) AS member_id, sum(l.debit) - sum(l.credit) AS balance
      FROM lines l GROUP BY l.account_id, coalesce(l.member_id, 0)),
    joined AS (
      SELECT r.account_id, r.member_id, coalesce(b.balance, 0) AS stored, r.balance AS recomputed
      FROM recomputed r LEFT JOIN balances b ON b.account_id = r.account_id AND b.member_id = r.member_id
      UNION ALL
      SELECT b.account_id, b.member_id, b.balance, 0 FROM balances b
      WHERE NOT EXISTS (SELECT 1 FROM recomputed r WHERE r.account_id = b.account_id AND r.member_id = b.member_id))
    SELECT a.group_id, a.code, j.member_id, j.stored, j.recomputed
    FROM joined j JOIN accounts a ON a.id = j.account_id
    WHERE j.stored <> j.recomputed AND (?1 IS NULL OR a.group_id = ?1)
    ORDER BY a.group_id, a.code, j.member_id)sql");
  s->bind(1, group ? std::optional(group->value) : std::nullopt);
  std::vector<balance_problem> out;
  while (s->step())
    out.push_back(balance_problem{group_id{s->column_int(0)}, s->column_text(1), s->column_int(2), s->column_int(3),
                                  s->column_int(4)});
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
