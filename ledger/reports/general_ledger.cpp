#include "ledger/reports/general_ledger.hpp"

#include "ledger/store/report_reads.hpp"

#include <algorithm>

namespace samaki::ledger {
namespace {

// One account's lines (a run of `lines` in date order) with running balances from the opening.
ledger_account account_ledger(const account_info& a, int128 opening_net,
                              std::vector<ledger_line>::const_iterator first,
                              std::vector<ledger_line>::const_iterator last) {
  ledger_account out{a, natural_money(a, opening_net), {}, {}, {}, {}};
  int128 running = opening_net, debits = 0, credits = 0;
  for (auto it = first; it != last; ++it) {
    running += int128(it->debit) - it->credit;
    debits += it->debit;
    credits += it->credit;
    out.lines.push_back(ledger_row{it->date, it->seq, it->entry, it->memo, it->member, it->entry_member,
                                   money(it->debit, a.currency), money(it->credit, a.currency),
                                   natural_money(a, running)});
  }
  out.closing = natural_money(a, running);
  out.total_debit = money(narrow(debits), a.currency);
  out.total_credit = money(narrow(credits), a.currency);
  return out;
}

// Orders lines by account id against an account id, either way round, for std::equal_range.
struct line_account_order {
  bool operator()(const ledger_line& line, std::int64_t account) const { return line.account < account; }
  bool operator()(std::int64_t account, const ledger_line& line) const { return account < line.account; }
};

}  // namespace

error unknown_account_error(const std::string& code) {
  return error(errc::unknown_account, "this group has no account " + code, {{"field", "account"}});
}

general_ledger build_general_ledger(const group_books& books, const account_nets& opening,
                                    const std::vector<ledger_line>& lines, const account_info* only,
                                    const std::optional<calendar_date>& from,
                                    const std::optional<calendar_date>& to) {
  auto openings = per_account(opening);
  general_ledger out{from, to, {}};
  for (const auto& a : books.accounts) {
    if (only && only->id != a.id) continue;
    // Lines come sorted by account id; this account's run of them. (std::equal_range: clang 14, which the
    // fuzz build uses, cannot compile libstdc++ 12's std::ranges::equal_range here.)
    auto [first, last] = std::equal_range(lines.begin(), lines.end(), a.id.value, line_account_order{});
    auto it = openings.find(a.id.value);
    int128 opening_net = it == openings.end() ? 0 : it->second;
    if (!only && first == last && opening_net == 0) continue;
    out.accounts.push_back(account_ledger(a, opening_net, first, last));
  }
  return out;
}

general_ledger read_general_ledger(sqlite::connection& db, const group_books& books, const account_info* only,
                                   const std::optional<calendar_date>& from,
                                   const std::optional<calendar_date>& to) {
  sqlite::read_snapshot snapshot(db);
  auto opening = from ? nets_before(db, books.group.id, *from) : account_nets();
  auto account = only ? std::optional(only->id.value) : std::nullopt;
  auto lines = lines_between(db, books.group.id, account, from, to);
  return build_general_ledger(books, opening, lines, only, from, to);
}

result<general_ledger> read_general_ledger(sqlite::connection& db, group_id group,
                                           const std::optional<std::string>& account,
                                           const std::optional<calendar_date>& from,
                                           const std::optional<calendar_date>& to) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  const account_info* only = nullptr;
  if (account) {
    only = books->account(*account);
    if (!only) return unknown_account_error(*account);
  }
  return read_general_ledger(db, *books, only, from, to);
}

}  // namespace samaki::ledger
