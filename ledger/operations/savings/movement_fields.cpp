#include "ledger/operations/savings/movement_fields.hpp"

#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>

namespace samaki::ledger {

std::vector<field_spec> meeting_member_fields() {
  return {
      {"member_id", field_type::id, true, {}, {}, "member"},
      {"attendance", field_type::choice, false, {"present", "represented", "absent"}},
      {"shares", field_type::integer, false},
      {"social_fund", field_type::boolean, false},
      {"fines", field_type::list, false, {}, {{"fine", field_type::text, true, {}, {}, "fine"}}},
      {"repay",
       field_type::list,
       false,
       {},
       {{"repayment",
         field_type::object,
         true,
         {},
         {{"loan_id", field_type::id, true, {}, {}, "loan"}, {"amount", field_type::amount, true}}}}},
      {"loan",
       field_type::object,
       false,
       {},
       {{"amount", field_type::amount, true},
        {"months", field_type::integer, true},
        {"purpose", field_type::text, false}}},
      {"grant",
       field_type::object,
       false,
       {},
       {{"amount", field_type::amount, true}, {"reason", field_type::text, true}}},
  };
}

result<member_movements> read_member_movements(const field_reader& f, iso_currency currency) {
  member_movements m;
  m.member = f.id<member_id>("member_id");
  m.path = f.path();
  if (auto a = f.optional_text("attendance")) m.attendance = *parse_attendance(*a);
  if (auto shares = f.optional_integer("shares")) {
    if (*shares < 0 || *shares > 1000)
      return f.invalid("shares", errc::shares_out_of_range,
                       f.path_of("shares") + " must be a count of shares",
                       {{"member_id", std::to_string(m.member.value)}, {"value", std::to_string(*shares)}});
    m.shares = static_cast<int>(*shares);
  }
  m.social_fund = f.flag("social_fund", false);
  m.fines = f.texts("fines");
  for (const auto& r : f.objects("repay")) {
    auto amount = r.amount("amount", currency);
    if (!amount) return amount.error();
    m.repay.push_back(member_movements::repayment_request{r.id<loan_id>("loan_id"), *amount, r.path()});
  }
  if (auto l = f.object("loan")) {
    auto amount = l->amount("amount", currency);
    if (!amount) return amount.error();
    auto months = l->integer("months");
    m.loan =
        member_movements::loan_request{*amount, static_cast<int>(std::clamp<std::int64_t>(months, -1, 1000)),
                                       l->optional_text("purpose").value_or(""), l->path()};
  }
  if (auto g = f.object("grant")) {
    auto amount = g->amount("amount", currency);
    if (!amount) return amount.error();
    m.grant = member_movements::grant_request{*amount, g->text("reason"), g->path()};
  }
  return m;
}

result<apply_step> plan_undo_loans_made(operation_context& ctx, const operation_record& original) {
  for (auto loan : loans_made_by(ctx.books().db(), original.id))
    if (loan_paid_after(ctx.books().db(), loan, original.id))
      return error(errc::conflict,
                   "loan " + std::to_string(loan.value) + " made by operation " +
                       std::to_string(original.id.value) + " has payments since; reverse those first",
                   {{"loan_id", std::to_string(loan.value)}});
  // The loans, payments, purchases and attendance the operation recorded stop counting once it is reversed.
  return apply_step([](operation_context&) -> result<void> { return {}; });
}

result<loan_record> loan_of_request(operation_context& ctx, const field_reader& f) {
  auto id = f.id<loan_id>("loan_id");
  auto loan = load_loan(ctx.books().db(), id);
  if (!loan || loan->group != ctx.info().id)
    return f.invalid("loan_id", errc::not_found, "no such loan in this group");
  if (auto named = f.optional_id<member_id>("member_id"); named && *named != loan->member)
    return f.invalid(
        "member_id", errc::bad_request,
        "loan " + std::to_string(id.value) + " is member " + std::to_string(loan->member.value) + "'s");
  return std::move(*loan);
}

}  // namespace samaki::ledger
