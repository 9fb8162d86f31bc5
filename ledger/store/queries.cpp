#include "ledger/store/queries.hpp"

#include "ledger/int128.hpp"
#include "ledger/store/report_reads.hpp"
#include "ledger/store/rows.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace samaki::ledger {
namespace {

std::int64_t natural(account_type type, std::int64_t debit_minus_credit) {
  return debit_normal(type) ? debit_minus_credit : -debit_minus_credit;
}

// Sums run in 128 bits: partial sums may pass int64 even when the total fits.
using wide = int128;

// Debit minus credit per account of a group, as of the date (all history when none).
std::map<std::int64_t, std::int64_t> account_totals(sqlite::connection& db, group_id group,
                                                    const std::optional<calendar_date>& as_of) {
  std::map<std::int64_t, wide> sums;
  for (const auto& [key, net] : nets_through(db, group, as_of)) sums[key.first] += net;
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& [account, sum] : sums) out[account] = narrow(sum);
  return out;
}

}  // namespace

std::vector<group_info> list_groups(sqlite::connection& db,
                                    const std::optional<std::vector<group_id>>& visible) {
  std::vector<group_id> ids;
  if (visible) {
    ids = *visible;
    std::sort(ids.begin(), ids.end());
  } else {
    auto s = db.prepare("SELECT id FROM groups ORDER BY id");
    while (s->step()) ids.push_back(group_id{s->column_int(0)});
  }
  std::vector<group_info> out;
  for (auto id : ids)
    if (auto g = load_group(db, id)) out.push_back(std::move(*g));
  return out;
}

std::vector<member_info> list_members(sqlite::connection& db, group_id group, std::int64_t after,
                                      std::size_t limit) {
  std::vector<member_id> ids;
  {
    auto s = db.prepare("SELECT id FROM members WHERE group_id = ? AND id > ? ORDER BY id LIMIT ?");
    s->bind(1, group.value).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
    while (s->step()) ids.push_back(member_id{s->column_int(0)});
  }
  std::vector<member_info> out;
  for (auto id : ids)
    if (auto m = load_member(db, id)) out.push_back(std::move(*m));
  return out;
}

std::vector<account_balance> list_accounts(sqlite::connection& db, group_id group) {
  // One query: each account with its running balances (one row per member on member ledgers), in code
  // order, so an account's rows come together.
  auto s = db.prepare(
      "SELECT a.id, a.code, a.type, a.name, a.name_km, a.currency, a.member_ledger, a.closed_on, b.balance "
      "FROM accounts a LEFT JOIN balances b ON b.account_id = a.id WHERE a.group_id = ? ORDER BY a.code");
  s->bind(1, group.value);
  std::vector<account_balance> out;
  std::vector<wide> sums;
  while (s->step()) {
    if (out.empty() || out.back().account.id.value != s->column_int(0)) {
      out.push_back(account_balance{account_from_row(*s, group), money()});
      sums.push_back(0);
    }
    if (!s->column_is_null(8)) sums.back() += s->column_int(8);
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].balance = money(natural(out[i].account.type, narrow(sums[i])), out[i].account.currency);
  return out;
}

std::optional<account_balance> find_account(sqlite::connection& db, group_id group, const std::string& code) {
  for (auto& a : list_accounts(db, group))
    if (a.account.code == code) return std::move(a);
  return std::nullopt;
}

std::vector<member_balance> member_balances(sqlite::connection& db, const account_info& account) {
  auto s = db.prepare(
      "SELECT member_id, balance FROM balances WHERE account_id = ? AND member_id <> 0 AND balance <> 0 "
      "ORDER BY member_id");
  s->bind(1, account.id.value);
  std::vector<member_balance> out;
  while (s->step())
    out.push_back(member_balance{member_id{s->column_int(0)},
                                 money(natural(account.type, s->column_int(1)), account.currency)});
  return out;
}

std::optional<account_detail> find_account_detail(sqlite::connection& db, group_id group,
                                                  const std::string& code) {
  sqlite::read_snapshot snapshot(db);
  auto account = find_account(db, group, code);
  if (!account) return std::nullopt;
  auto members =
      account->account.member_ledger ? member_balances(db, account->account) : std::vector<member_balance>();
  return account_detail{std::move(*account), std::move(members)};
}

std::vector<entry> list_entries(sqlite::connection& db, const entry_filter& f) {
  std::optional<std::int64_t> account;
  if (f.account) {
    auto s = db.prepare("SELECT id FROM accounts WHERE group_id = ? AND code = ?");
    s->bind(1, f.group.value).bind(2, *f.account);
    if (!s->step()) return {};
    account = s->column_int(0);
  }
  std::vector<entry_id> ids;
  {
    constexpr std::string_view matching =
        "SELECT e.id FROM entries e WHERE e.group_id = ?1 AND e.seq > ?2 "
        "AND (?3 IS NULL OR e.date >= ?3) AND (?4 IS NULL OR e.date <= ?4) "
        "AND (?5 IS NULL OR EXISTS (SELECT 1 FROM lines l WHERE l.entry_id = e.id AND l.account_id = ?5)) "
        "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM lines l WHERE l.entry_id = e.id AND l.member_id = ?6)) ";
    auto s = db.prepare(std::string(matching) +
                        (f.latest ? "ORDER BY e.seq DESC LIMIT ?7" : "ORDER BY e.seq LIMIT ?7"));
    s->bind(1, f.group.value).bind(2, f.after_seq);
    bind_optional_date(*s, 3, f.from);
    bind_optional_date(*s, 4, f.to);
    s->bind(5, account);
    s->bind(6, f.member ? std::optional(f.member->value) : std::nullopt);
    s->bind(7, static_cast<std::int64_t>(f.limit));
    while (s->step()) ids.push_back(entry_id{s->column_int(0)});
    if (f.latest) std::reverse(ids.begin(), ids.end());
  }
  std::vector<entry> out;
  out.reserve(ids.size());
  for (auto id : ids)
    if (auto e = load_entry(db, id)) out.push_back(std::move(*e));
  return out;
}

std::vector<trial_balance_currency> trial_balance(sqlite::connection& db, group_id group,
                                                  const std::optional<calendar_date>& as_of) {
  sqlite::read_snapshot snapshot(db);
  auto raw = account_totals(db, group, as_of);
  std::map<std::string, trial_balance_currency> by_currency;
  std::map<std::string, std::pair<wide, wide>> totals;
  for (auto& a : load_accounts(db, group)) {
    auto it = raw.find(a.id.value);
    if (it == raw.end() || it->second == 0) continue;
    std::string code(a.currency.code());
    auto& c = by_currency[code];
    c.currency = a.currency;
    trial_balance_row row{a.code,
                          a.name,
                          a.name_km,
                          a.type,
                          money(it->second > 0 ? it->second : 0, a.currency),
                          money(it->second < 0 ? -it->second : 0, a.currency)};
    totals[code].first += row.debit.minor();
    totals[code].second += row.credit.minor();
    c.rows.push_back(std::move(row));
  }
  std::vector<trial_balance_currency> out;
  for (auto& [code, c] : by_currency) {
    c.total_debit = money(narrow(totals[code].first), c.currency);
    c.total_credit = money(narrow(totals[code].second), c.currency);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<statement_account> member_statement(sqlite::connection& db, group_id group, member_id member,
                                                const std::optional<calendar_date>& from,
                                                const std::optional<calendar_date>& to) {
  sqlite::read_snapshot snapshot(db);
  std::vector<statement_account> out;
  for (const auto& a : load_accounts(db, group)) {
    if (!a.member_ledger) continue;
    statement_account sa{
        a.code, a.name, a.name_km, a.currency, a.type, money::zero(a.currency), money::zero(a.currency), {}};
    auto s = db.prepare(
        "SELECT e.id, e.seq, e.date, e.memo, l.debit, l.credit FROM lines l JOIN entries e ON e.id = "
        "l.entry_id "
        "WHERE l.member_id = ? AND l.account_id = ? AND (?3 IS NULL OR e.date <= ?3) ORDER BY e.date, e.seq");
    s->bind(1, member.value).bind(2, a.id.value);
    bind_optional_date(*s, 3, to);
    // In 128 bits: in date order a running balance may pass int64 on the way even when every stored one fits.
    wide running = 0;
    while (s->step()) {
      auto date = stored_date(*s, 2);
      auto debit = s->column_int(4), credit = s->column_int(5);
      running += debit_normal(a.type) ? wide(debit) - credit : wide(credit) - debit;
      if (from && date < *from) {
        sa.opening = money(narrow(running), a.currency);
        continue;
      }
      sa.lines.push_back(statement_line{entry_id{s->column_int(0)}, s->column_int(1), date, s->column_text(3),
                                        a.code, money(debit, a.currency), money(credit, a.currency),
                                        money(narrow(running), a.currency)});
    }
    sa.closing = money(narrow(running), a.currency);
    if (sa.lines.empty() && sa.opening.is_zero()) continue;
    out.push_back(std::move(sa));
  }
  return out;
}

}  // namespace samaki::ledger
