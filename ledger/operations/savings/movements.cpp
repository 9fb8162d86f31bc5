#include "ledger/operations/savings/movements.hpp"

#include "ledger/operations/cash_rules.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace samaki::ledger {
namespace {

using detail_list = std::vector<std::pair<std::string, std::string>>;

constexpr int max_loan_months = 60;

// Savings-group accounts (charts.md).
constexpr std::string_view loan_fund = "1010";
constexpr std::string_view social_fund_box = "1020";
constexpr std::string_view loans_to_members = "1100";
constexpr std::string_view member_shares = "3010";
constexpr std::string_view social_fund_equity = "3030";
constexpr std::string_view interest_income = "4010";
constexpr std::string_view fines_income = "4020";

std::string id_text(member_id m) {
  return std::to_string(m.value);
}

error member_error(errc code, const member_movements& m, std::string message, detail_list more = {}) {
  detail_list details{{"member_id", id_text(m.member)}, {"field", m.path}};
  for (auto& d : more) details.push_back(std::move(d));
  return error(code, "member " + id_text(m.member) + ": " + message, std::move(details));
}

money times(const money& a, std::int64_t n) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a.minor(), n, &product))
    throw error_exception(error(errc::invalid_amount, "an amount is beyond the range of 64-bit amounts"));
  return money(product, a.currency());
}

// One entry of the meeting: a cash line for the total and one line per member.
struct entry_builder {
  std::string memo;
  std::string_view cash_account;
  side cash_side;
  std::vector<draft_line> member_lines;
  money total;

  void add_line(std::string_view account, member_id member, const money& amount) {
    if (amount.is_zero()) return;
    member_lines.push_back(draft_line{std::string(account), member, opposite(cash_side), amount, ""});
    total = plus(total, amount);
  }
  void add_line_on(std::string_view account, member_id member, side direction, const money& amount) {
    if (amount.is_zero()) return;
    member_lines.push_back(draft_line{std::string(account), member, direction, amount, ""});
  }
  std::optional<draft_entry> build(calendar_date date) const {
    if (member_lines.empty()) return std::nullopt;
    draft_entry e{date, memo, {}, std::nullopt, {}};
    auto cash = draft_line{std::string(cash_account), std::nullopt, cash_side, total, ""};
    if (cash_side == side::debit) e.lines.push_back(cash);
    for (const auto& l : member_lines) e.lines.push_back(l);
    if (cash_side == side::credit) e.lines.push_back(cash);
    return e;
  }
};

struct planned_loan {
  member_id member;
  loan_terms terms;
  std::string purpose;
};

struct planned_payment {
  loan_id loan;
  repayment_split split;
};

struct planned_purchase {
  member_id member;
  int shares;
  money amount;
};

struct movements_plan {
  cycle_id cycle;
  std::vector<draft_entry> entries;
  std::vector<planned_loan> loans;
  std::vector<planned_payment> payments;
  std::vector<planned_purchase> purchases;
  std::vector<std::pair<member_id, attendance>> attendance_rows;
  money loan_fund_after;
  money social_fund_after;
};

// Who may be named at a meeting on `day`: members of the group who had joined and had not left.
bool active_on(const member_info& m, calendar_date day) {
  if (m.joined_on && *m.joined_on > day) return false;
  return !m.left_on || *m.left_on > day;
}

}  // namespace

result<cycle_info> open_cycle_on(operation_context& ctx, calendar_date day) {
  auto cycle = open_cycle(ctx.books().db(), ctx.info().id);
  if (!cycle)
    return error(errc::no_open_cycle, "the group has no open cycle: start one first",
                 {{"rule", "no_open_cycle"}});
  if (day < cycle->start)
    return error(errc::no_open_cycle,
                 "the open cycle starts on " + cycle->start.to_string() + ", after " + day.to_string(),
                 {{"rule", "no_open_cycle"}, {"cycle_id", std::to_string(cycle->id.value)}});
  return std::move(*cycle);
}

result<apply_step> plan_movements(operation_context& ctx, const cycle_info& cycle,
                                  std::vector<member_movements> members, const counted_cash& counted,
                                  bool record_attendance) {
  auto& books = ctx.books();
  const auto& group = ctx.group();
  const auto day = ctx.date();
  const auto& settings = cycle.settings_on(day);
  const auto currency = ctx.info().currency;
  const auto zero = money::zero(currency);
  auto account = [&](std::string_view code) -> const account_info& {
    const auto* a = group.account(code);
    if (!a)
      throw error_exception(error(errc::unknown_account, "the group has no account " + std::string(code)));
    return *a;
  };

  // The group's members, and each member's open loans of this cycle.
  std::map<std::int64_t, member_info> roster;
  for (auto& m : load_group_members(books.db(), ctx.info().id)) roster.emplace(m.id.value, std::move(m));
  std::map<std::int64_t, std::vector<loan_record>> loans_of;
  for (auto& l : load_loans(books.db(), loan_filter{ctx.info().id, std::nullopt, cycle.id}))
    loans_of[l.member.value].push_back(std::move(l));

  movements_plan plan;
  plan.cycle = cycle.id;
  entry_builder shares{"Shares bought", loan_fund, side::debit, {}, zero};
  entry_builder social{"Social fund contributions", social_fund_box, side::debit, {}, zero};
  entry_builder fines{"Fines", loan_fund, side::debit, {}, zero};
  entry_builder repayments{"Loan repayments", loan_fund, side::debit, {}, zero};
  entry_builder new_loans{"Loans disbursed", loan_fund, side::credit, {}, zero};
  entry_builder grants{"Social fund grants", social_fund_box, side::credit, {}, zero};

  std::set<std::int64_t> named;
  for (auto& m : members) {
    auto found = roster.find(m.member.value);
    if (found == roster.end() || found->second.group != ctx.info().id)
      return member_error(errc::not_a_member, m, "not a member of this group", {{"rule", "not_a_member"}});
    if (!active_on(found->second, day))
      return member_error(errc::not_a_member, m,
                          found->second.left_on ? "left the group on " + found->second.left_on->to_string()
                                                : "had not joined by " + day.to_string(),
                          {{"rule", "not_a_member"}});
    if (!named.insert(m.member.value).second)
      return member_error(errc::bad_request, m, "is named twice", {{"rule", "named_twice"}});

    // Shares: the cycle's limits for those present or represented; absent members buy nothing.
    if (m.shares) {
      const int count = *m.shares;
      if (m.attendance == attendance::absent && count > 0)
        return member_error(errc::shares_out_of_range, m, "is absent and buys no shares",
                            {{"rule", "absent"}, {"limit", "0"}, {"value", std::to_string(count)}});
      if (m.attendance != attendance::absent &&
          (count < settings.min_shares || count > settings.max_shares)) {
        const bool above = count > settings.max_shares;
        return member_error(errc::shares_out_of_range, m,
                            "buys " + std::to_string(count) + " shares; the cycle allows " +
                                std::to_string(settings.min_shares) + " to " +
                                std::to_string(settings.max_shares),
                            {{"rule", above ? "max_shares" : "min_shares"},
                             {"limit", std::to_string(above ? settings.max_shares : settings.min_shares)},
                             {"value", std::to_string(count)}});
      }
      if (count > 0) {
        auto amount = times(settings.share_value, count);
        shares.add_line(member_shares, m.member, amount);
        plan.purchases.push_back(planned_purchase{m.member, count, amount});
      }
    }
    if (m.social_fund) {
      if (!settings.social_fund_per_meeting.is_positive())
        return member_error(errc::bad_request, m, "this cycle has no social-fund contribution",
                            {{"rule", "social_fund"}});
      social.add_line(social_fund_equity, m.member, settings.social_fund_per_meeting);
    }
    for (std::size_t i = 0; i < m.fines.size(); ++i) {
      const auto* fine = settings.fine(m.fines[i]);
      if (!fine)
        return member_error(errc::bad_request, m, "no fine '" + m.fines[i] + "' in this cycle",
                            {{"rule", "fine"}, {"value", m.fines[i]}});
      fines.add_line(fines_income, m.member, fine->amount);
    }
    for (const auto& amount : m.ad_hoc_fines) fines.add_line(fines_income, m.member, amount);

    // Repayments: interest due first, then principal; never more than is owed.
    auto& own_loans = loans_of[m.member.value];
    for (const auto& r : m.repay) {
      auto loan = std::find_if(own_loans.begin(), own_loans.end(),
                               [&](const loan_record& l) { return l.id == r.loan; });
      if (loan == own_loans.end())
        return member_error(errc::not_found, m,
                            "has no open loan " + std::to_string(r.loan.value) + " in this cycle",
                            {{"loan_id", std::to_string(r.loan.value)}, {"field", r.path}});
      auto split = split_repayment(*loan, day, r.amount);
      if (!split) {
        auto e = split.error();
        e.details.emplace_back("field", r.path);
        return e;
      }
      loan->payments.push_back(
          loan_payment{day, split->interest, split->principal, payment_kind::repayment, ctx.id()});
      repayments.add_line(interest_income, m.member, split->interest);
      repayments.add_line(loans_to_members, m.member, split->principal);
      plan.payments.push_back(planned_payment{loan->id, *split});
    }

    // A new loan: none while one is in arrears, none above the loan multiple of the member's shares.
    if (m.loan) {
      const auto& request = *m.loan;
      if (!request.amount.is_positive())
        return member_error(errc::invalid_amount, m, "a loan must be positive", {{"field", request.path}});
      if (request.months < 1 || request.months > max_loan_months)
        return member_error(errc::bad_request, m,
                            "a loan runs 1 to " + std::to_string(max_loan_months) + " months",
                            {{"field", request.path + ".months"}});
      auto outstanding = zero;
      for (const auto& loan : own_loans) {
        auto p = position_at(loan, day);
        if (p.days_in_arrears > 0)
          return member_error(errc::loan_in_arrears, m,
                              "loan " + std::to_string(loan.id.value) + " is " +
                                  std::to_string(p.days_in_arrears) + " days in arrears",
                              {{"rule", "loan_in_arrears"},
                               {"loan_id", std::to_string(loan.id.value)},
                               {"value", std::to_string(p.days_in_arrears)}});
        outstanding = plus(outstanding, p.outstanding);
      }
      const auto& shares_account = account(member_shares);
      auto savings = money(-books.balance(shares_account.id, m.member), currency);  // credit-normal
      for (const auto& p : plan.purchases)
        if (p.member == m.member) savings = plus(savings, p.amount);
      auto limit = times(savings, settings.loan_multiple);
      auto after = plus(outstanding, request.amount);
      if (compare(after, limit) > 0)
        return member_error(
            errc::loan_limit_exceeded, m,
            "would owe " + after.amount_text() + ", above " + std::to_string(settings.loan_multiple) +
                " times their shares (" + limit.amount_text() + ")",
            {{"rule", "loan_multiple"}, {"limit", limit.amount_text()}, {"value", after.amount_text()}});
      loan_terms terms{request.amount, day, request.months, settings.interest, settings.method};
      new_loans.add_line_on(loans_to_members, m.member, side::debit, request.amount);
      new_loans.total = plus(new_loans.total, request.amount);
      plan.loans.push_back(planned_loan{m.member, terms, request.purpose});
    }
    if (m.grant) {
      if (!m.grant->amount.is_positive())
        return member_error(errc::invalid_amount, m, "a grant must be positive", {{"field", m.grant->path}});
      grants.add_line_on(social_fund_equity, m.member, side::debit, m.grant->amount);
      grants.total = plus(grants.total, m.grant->amount);
    }
    if (record_attendance) plan.attendance_rows.emplace_back(m.member, m.attendance);
  }
  // Members left out of a meeting were absent.
  if (record_attendance)
    for (const auto& [id, member] : roster)
      if (active_on(member, day) && !named.contains(id))
        plan.attendance_rows.emplace_back(member.id, attendance::absent);

  // Money in is counted before money out; neither box may end below zero.
  const auto& loan_box = account(loan_fund);
  const auto& social_box = account(social_fund_box);
  auto loan_fund_in =
      plus(plus(balance_of(books, loan_box), shares.total), plus(fines.total, repayments.total));
  if (auto can = check_can_pay(loan_box, loan_fund_in, new_loans.total); !can) return can.error();
  auto social_in = plus(balance_of(books, social_box), social.total);
  if (auto can = check_can_pay(social_box, social_in, grants.total); !can) return can.error();
  plan.loan_fund_after = minus(loan_fund_in, new_loans.total);
  plan.social_fund_after = minus(social_in, grants.total);
  for (auto [box, given, books_say] :
       {std::tuple{"loan_fund", counted.loan_fund, plan.loan_fund_after},
        std::tuple{"social_fund", counted.social_fund, plan.social_fund_after}}) {
    if (given && *given != books_say)
      return error(
          errc::cash_mismatch,
          std::string("the ") + (std::string_view(box) == "loan_fund" ? "loan fund" : "social fund") +
              " box should hold " + books_say.amount_text() + ", " + given->amount_text() + " was counted",
          {{"rule", "cash_mismatch"},
           {"box", box},
           {"counted", given->amount_text()},
           {"books", books_say.amount_text()},
           {"field", std::string("counted.") + box}});
  }
  for (const auto* builder : {&shares, &social, &fines, &repayments, &new_loans, &grants})
    if (auto e = builder->build(day)) {
      if (!ctx.request().memo.empty()) e->memo = ctx.request().memo + ": " + e->memo;
      plan.entries.push_back(std::move(*e));
    }

  return apply_step([plan = std::move(plan)](operation_context& run) -> result<void> {
    for (const auto& e : plan.entries)
      if (auto posted = run.post(e); !posted) return posted.error();
    auto& writer = run.books();
    field_list loans;
    for (const auto& l : plan.loans) {
      loan_record record{loan_id{}, run.info().id, l.member, plan.cycle, run.id(), l.terms, l.purpose, {}};
      auto id = insert_loan(writer, record);
      loans.push_back(field_value{field_map{{"loan_id", field_value{id.value}},
                                            {"member_id", field_value{l.member.value}},
                                            {"amount", field_value{l.terms.principal.amount_text()}}}});
    }
    for (const auto& p : plan.payments)
      insert_loan_payment(
          writer, p.loan,
          loan_payment{run.date(), p.split.interest, p.split.principal, payment_kind::repayment, run.id()});
    for (const auto& p : plan.purchases)
      insert_share_purchase(writer, run.id(), p.member, plan.cycle, p.shares, p.amount.minor());
    for (const auto& [member, status] : plan.attendance_rows)
      insert_attendance(writer, run.id(), member, status);
    run.outcome()["loans"] = field_value{std::move(loans)};
    run.outcome()["cash"] =
        field_value{field_map{{"loan_fund", field_value{plan.loan_fund_after.amount_text()}},
                              {"social_fund", field_value{plan.social_fund_after.amount_text()}}}};
    run.outcome()["cycle_id"] = field_value{plan.cycle.value};
    return {};
  });
}

}  // namespace samaki::ledger
