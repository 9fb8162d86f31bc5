#include "ledger/operations/exchange_lines.hpp"

#include "ledger/store/write_context.hpp"

namespace samaki::ledger {

result<const account_info*> exchange_account_of(operation_context& ctx, iso_currency currency) {
  const account_info* found = nullptr;
  for (const auto& [code, account] : ctx.group().accounts)
    if (code.starts_with("39") && account.type == account_type::equity && account.currency == currency &&
        (!found || code < found->code))
      found = &account;
  if (!found)
    return error(errc::unknown_account,
                 "the group has no exchange account (39xx) in " + std::string(currency.code()),
                 {{"currency", std::string(currency.code())}});
  return found;
}

result<std::vector<draft_line>> exchange_lines(operation_context& ctx, const exchange_leg& given,
                                               const exchange_leg& received) {
  if (given.amount.currency() == received.amount.currency())
    return error(errc::currency_mismatch, "an exchange is between two currencies",
                 {{"currency", std::string(given.amount.currency_code())}});
  auto given_position = exchange_account_of(ctx, given.amount.currency());
  if (!given_position) return given_position.error();
  auto received_position = exchange_account_of(ctx, received.amount.currency());
  if (!received_position) return received_position.error();
  return std::vector<draft_line>{
      {received.account->code, received.member, side::debit, received.amount, ""},
      {(*received_position)->code, std::nullopt, side::credit, received.amount, ""},
      {(*given_position)->code, std::nullopt, side::debit, given.amount, ""},
      {given.account->code, given.member, side::credit, given.amount, ""},
  };
}

rate_note rate_of(iso_currency base, const money& a, const money& b) {
  const bool a_is_base = a.currency() == base;
  const auto& in_base = a_is_base ? a : b;
  const auto& other = a_is_base ? b : a;
  auto rate = exchange_rate::between(in_base, other);
  auto unit = std::string(in_base.currency_code()) + " per " + std::string(other.currency_code());
  auto text = rate ? rate->text() : std::string("0");
  return rate_note{{{"rate", text}, {"rate_unit", unit}}, text + " " + unit};
}

}  // namespace samaki::ledger
