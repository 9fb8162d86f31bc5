#include "ledger/operations/trades.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/operations/exchange_lines.hpp"
#include "ledger/operations/money_moves.hpp"

namespace samaki::ledger {

result<quantity> quantity_field(const field_reader& f, std::string_view name) {
  auto text = f.text(name);
  auto q = quantity::parse(text);
  if (!q || q->e3 == 0)
    return f.invalid(
        name, errc::bad_request,
        std::string(name) + " must be a positive decimal with up to 3 places, e.g. \"1250\" or \"12.5\"");
  return *q;
}

result<std::string> name_field(const field_reader& f, std::string_view name) {
  auto text = f.text(name);
  if (auto ok = check_name(text, f.path_of(name)); !ok) return ok.error();
  return text;
}

trade_record trade_of(std::string type, std::optional<member_id> member, std::string party, std::string item,
                      quantity amount_of, std::string unit, money amount) {
  trade_record t;
  t.type = std::move(type);
  t.member = member;
  t.party = std::move(party);
  t.item = std::move(item);
  t.amount_of = amount_of;
  t.unit = std::move(unit);
  t.amount = amount;
  return t;
}

apply_step post_trade(std::vector<draft_entry> entries, trade_record trade) {
  return apply_step([entries = std::move(entries),
                     trade = std::move(trade)](operation_context& run) mutable -> result<void> {
    for (const auto& e : entries)
      if (auto posted = run.post(e); !posted) return posted.error();
    trade.operation = run.id();
    trade.date = run.date();
    insert_trade(run.books(), run.info().id, trade);
    return {};
  });
}

result<apply_step> plan_weighed_sale(operation_context& ctx, const field_reader& f, std::string_view income,
                                     std::string_view receivable) {
  const auto base = ctx.info().currency;
  auto currency = base;
  if (auto code = f.optional_text("currency")) {
    auto parsed = iso_currency::parse(*code, f.path_of("currency"));
    if (!parsed) return parsed.error();
    currency = *parsed;
  }
  auto crop = name_field(f, "crop");
  if (!crop) return crop.error();
  auto buyer = name_field(f, "buyer");
  if (!buyer) return buyer.error();
  auto kg = quantity_field(f, "quantity_kg");
  if (!kg) return kg.error();
  auto price = positive_amount(f, "price_per_kg", currency);
  if (!price) return price.error();
  auto amount = price_times(*price, *kg);
  if (!amount) return amount.error();
  if (!amount->is_positive())
    return f.invalid("quantity_kg", errc::invalid_amount, "the sale comes to nothing");
  auto income_account = chart_account(ctx, income);
  if (!income_account) return income_account.error();

  const account_info* received = nullptr;
  if (f.flag("on_credit", false)) {
    if (receivable.empty())
      return f.invalid("on_credit", errc::bad_request, "this group sells for cash only");
    if (!(currency == base))
      return f.invalid("on_credit", errc::currency_mismatch,
                       "a sale on credit is in " + std::string(base.code()),
                       {{"currency", std::string(currency.code())}});
    auto credit = settled_through(ctx, f, receivable);
    if (!credit) return credit.error();
    received = *credit;
  } else {
    auto cash = cash_account_of(ctx, f, "via", currency);
    if (!cash) return cash.error();
    received = *cash;
  }
  auto memo = memo_or(ctx, "Sale of " + kg->text() + " kg of " + *crop + " to " + *buyer);
  draft_entry e{ctx.date(), memo, {}, std::nullopt, {}};
  if (currency == base) {
    e.lines = {line_of(received->code, std::nullopt, side::debit, *amount),
               line_of(income, std::nullopt, side::credit, *amount)};
  } else {
    auto rate_text = f.optional_text("rate");
    auto rate = rate_text ? exchange_rate::parse(*rate_text) : std::nullopt;
    if (!rate)
      return f.invalid("rate", errc::bad_request,
                       "a sale in " + std::string(currency.code()) +
                           " needs the rate: " + std::string(base.code()) + " per " +
                           std::string(currency.code()) + ", e.g. \"4100\"");
    auto booked = rate->convert(*amount, base);
    if (!booked) return booked.error();
    auto lines = exchange_lines(ctx, exchange_leg{*income_account, std::nullopt, *booked},
                                exchange_leg{received, std::nullopt, *amount});
    if (!lines) return lines.error();
    e.lines = std::move(*lines);
    auto note = rate_of(base, *booked, *amount);
    e.metadata = note.metadata;
    e.memo += " at " + note.text;
  }
  return post_trade({std::move(e)},
                    trade_of(ctx.request().type, std::nullopt, *buyer, *crop, *kg, "kg", *amount));
}

std::vector<field_spec> weighed_sale_fields(bool with_credit) {
  std::vector<field_spec> specs{{"crop", field_type::text, true},
                                {"quantity_kg", field_type::text, true},
                                {"price_per_kg", field_type::amount, true},
                                {"buyer", field_type::text, true},
                                {"currency", field_type::text, false},
                                {"rate", field_type::text, false},
                                {"via", field_type::text, false, {}, {}, "account"}};
  if (with_credit) specs.push_back({"on_credit", field_type::boolean, false});
  return specs;
}

}  // namespace samaki::ledger
