#include "ledger/reports/cash_book.hpp"

#include "ledger/reports/general_ledger.hpp"

namespace samaki::ledger {
namespace {

// An asset's general ledger read as money in (debits) and out (credits).
cash_book from_ledger(const group_books& books, ledger_account ledger,
                      const std::optional<calendar_date>& from, const std::optional<calendar_date>& to) {
  cash_book out{ledger.account,      from, to, ledger.opening, ledger.closing, ledger.total_debit,
                ledger.total_credit, {}};
  for (auto& row : ledger.lines) {
    std::optional<member_info> member;
    if (row.entry_member)
      if (const member_info* m = books.member(*row.entry_member)) member = *m;
    out.lines.push_back(cash_book_line{row.date, row.seq, row.entry, std::move(row.memo), std::move(member),
                                       row.debit, row.credit, row.balance});
  }
  return out;
}

}  // namespace

result<cash_book> read_cash_book(sqlite::connection& db, group_id group, const std::string& account,
                                 const std::optional<calendar_date>& from,
                                 const std::optional<calendar_date>& to) {
  sqlite::read_snapshot snapshot(db);
  auto books = read_group_books(db, group);
  if (!books) return books.error();
  const account_info* cash = books->account(account);
  if (!cash) return unknown_account_error(account);
  if (cash->type != account_type::asset || cash->member_ledger)
    return error(errc::bad_request,
                 "a cash book is kept of a cash or bank account, such as 1010; account " + account +
                     " holds no cash (see the general ledger)",
                 {{"field", "account"}});
  auto ledger = read_general_ledger(db, *books, cash, from, to);
  return from_ledger(*books, std::move(ledger.accounts.front()), from, to);
}

}  // namespace samaki::ledger
