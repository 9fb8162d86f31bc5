#include "ledger/savings/loans.hpp"

#include "ledger/decimal.hpp"
#include "ledger/int128.hpp"

#include <algorithm>

namespace samaki::ledger {
namespace {

money zero_like(const money& m) {
  return money::zero(m.currency());
}

money at_least_zero(const money& m) {
  return m.is_negative() ? zero_like(m) : m;
}

}  // namespace

std::string_view interest_method_name(interest_method method) {
  return method == interest_method::flat ? "flat" : "declining";
}

std::optional<interest_method> parse_interest_method(std::string_view text) {
  if (text == "flat") return interest_method::flat;
  if (text == "declining") return interest_method::declining;
  return std::nullopt;
}

std::optional<monthly_rate> monthly_rate::parse(std::string_view text) {
  auto value = percent::parse(text);
  if (!value) return std::nullopt;
  return monthly_rate{value->e4};
}

std::string monthly_rate::percent_text() const {
  return percent{percent_e4}.text();
}

money monthly_rate::interest_on(const money& amount) const {
  // amount × percent_e4 / (100 × 10000), half up.
  constexpr int128 scale = 1000000;
  int128 product = int128(amount.minor()) * percent_e4;
  auto rounded = static_cast<std::int64_t>((product + scale / 2) / scale);
  return money(rounded, amount.currency());
}

std::vector<instalment> loan_schedule(const loan_terms& terms) {
  std::vector<instalment> out;
  const auto months = std::max(terms.months, 1);
  const auto each = terms.principal.minor() / months;
  auto outstanding = terms.principal;
  for (int k = 1; k <= months; ++k) {
    auto principal = k < months ? money(each, terms.principal.currency()) : outstanding;
    auto base = terms.method == interest_method::flat ? terms.principal : outstanding;
    out.push_back(instalment{k, terms.disbursed_on.plus_months(k), principal, terms.rate.interest_on(base)});
    outstanding = minus(outstanding, principal);
  }
  return out;
}

std::string_view payment_kind_name(payment_kind kind) {
  switch (kind) {
    case payment_kind::repayment: return "repayment";
    case payment_kind::write_off: return "write_off";
    case payment_kind::offset: return "offset";
    case payment_kind::paper: return "paper";
  }
  return "repayment";
}

std::optional<payment_kind> parse_payment_kind(std::string_view text) {
  for (auto kind :
       {payment_kind::repayment, payment_kind::write_off, payment_kind::offset, payment_kind::paper})
    if (payment_kind_name(kind) == text) return kind;
  return std::nullopt;
}

std::string_view loan_status_name(loan_status status) {
  switch (status) {
    case loan_status::open: return "open";
    case loan_status::repaid: return "repaid";
    case loan_status::written_off: return "written_off";
  }
  return "open";
}

std::optional<loan_status> parse_loan_status(std::string_view text) {
  for (auto status : {loan_status::open, loan_status::repaid, loan_status::written_off})
    if (loan_status_name(status) == text) return status;
  return std::nullopt;
}

money loan_position::owed() const {
  return plus(outstanding, interest_due);
}

loan_position position_at(const loan_record& loan, calendar_date day) {
  const auto zero = zero_like(loan.terms.principal);
  loan_position p{loan.terms.principal, zero, zero, zero, zero, std::nullopt, 0, loan_status::open};
  bool written_off = false;
  for (const auto& payment : loan.payments) {
    if (payment.date > day) continue;
    p.interest_paid = plus(p.interest_paid, payment.interest);
    if (payment.kind == payment_kind::write_off) {
      p.written_off = plus(p.written_off, payment.principal);
      written_off = true;
    } else {
      p.principal_paid = plus(p.principal_paid, payment.principal);
    }
  }
  p.outstanding = at_least_zero(minus(minus(loan.terms.principal, p.principal_paid), p.written_off));
  if (written_off && p.outstanding.is_zero()) {
    p.status = loan_status::written_off;
    return p;
  }
  if (p.outstanding.is_zero()) {
    p.status = loan_status::repaid;
    return p;
  }
  // Interest falls due month by month while principal is outstanding; what covers the schedule is every
  // payment so far, interest and principal alike.
  auto schedule = loan_schedule(loan.terms);
  auto interest_scheduled = zero;
  auto cumulative_due = zero;
  const auto paid = plus(p.principal_paid, p.interest_paid);
  for (const auto& i : schedule) {
    cumulative_due = plus(cumulative_due, plus(i.principal, i.interest));
    if (i.due <= day) interest_scheduled = plus(interest_scheduled, i.interest);
    if (!p.next_due && compare(cumulative_due, paid) > 0) {
      p.next_due = due_amount{i.due, minus(cumulative_due, paid)};
      if (i.due <= day) p.days_in_arrears = days_between(i.due, day);
    }
  }
  p.interest_due = at_least_zero(minus(interest_scheduled, p.interest_paid));
  return p;
}

result<repayment_split> split_repayment(const loan_record& loan, calendar_date day, const money& amount) {
  auto p = position_at(loan, day);
  if (!amount.is_positive())
    return error(
        errc::invalid_amount, "a repayment must be positive",
        {{"member_id", std::to_string(loan.member.value)}, {"loan_id", std::to_string(loan.id.value)}});
  if (compare(amount, p.owed()) > 0)
    return error(errc::overpayment,
                 "member " + std::to_string(loan.member.value) + " owes " + p.owed().amount_text() +
                     " on loan " + std::to_string(loan.id.value) + ", less than " + amount.amount_text(),
                 {{"member_id", std::to_string(loan.member.value)},
                  {"loan_id", std::to_string(loan.id.value)},
                  {"rule", "overpayment"},
                  {"limit", p.owed().amount_text()},
                  {"value", amount.amount_text()}});
  auto interest = compare(amount, p.interest_due) < 0 ? amount : p.interest_due;
  return repayment_split{interest, minus(amount, interest)};
}

}  // namespace samaki::ledger
