#include "server/api/journal_csv.hpp"

#include "ledger/money.hpp"
#include "ledger/store/queries.hpp"
#include "server/api/csv.hpp"

namespace samaki::server {

void write_journal_csv(ledger::sqlite::connection& db, ledger::group_id group,
                       const std::function<void(std::string)>& out) {
  csv_writer csv;
  csv.row({"seq", "date", "memo", "account", "member_id", "currency", "debit", "credit", "line_memo",
           "reverses", "created_by", "created_at", "hash"});
  ledger::entry_filter filter;
  filter.group = group;
  filter.limit = 1000;
  for (;;) {
    auto entries = ledger::list_entries(db, filter);
    for (const auto& e : entries) {
      const auto number = [](std::int64_t n) { return csv_cell::number(std::to_string(n)); };
      for (const auto& l : e.lines) {
        const auto amount = csv_cell::number(l.amount.amount_text());
        const bool debit = l.side == ledger::side::debit;
        csv.row({number(e.seq), e.date.to_string(), e.memo, l.account,
                 l.member ? number(l.member->value) : csv_cell(""), std::string(l.amount.currency_code()),
                 debit ? amount : csv_cell(""), debit ? csv_cell("") : amount, l.memo,
                 e.reverses ? number(e.reverses->value) : csv_cell(""), e.created_by, e.created_at, e.hash});
      }
    }
    out(csv.take());
    if (entries.size() < filter.limit) break;
    filter.after_seq = entries.back().seq;
  }
}

}  // namespace samaki::server
