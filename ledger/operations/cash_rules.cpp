#include "ledger/operations/cash_rules.hpp"

#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

bool holds_cash(const account_info& account) {
  return account.type == account_type::asset && account.code.size() == 4 && account.code.starts_with("10");
}

money balance_of(write_context& books, const account_info& account) {
  auto raw = account.member_ledger ? books.account_total(account.id) : books.balance(account.id);
  return money(debit_normal(account.type) ? raw : -raw, account.currency);
}

result<void> check_can_pay(const account_info& account, const money& available, const money& amount) {
  if (compare(available, amount) >= 0) return {};
  std::string code(account.currency.code());
  return error(errc::insufficient_funds,
               "account " + account.code + " holds " + available.amount_text() + " " + code + ", less than " +
                   amount.amount_text() + " " + code,
               {{"account", account.code},
                {"available", available.amount_text()},
                {"amount", amount.amount_text()},
                {"currency", code}});
}

}  // namespace samaki::ledger
