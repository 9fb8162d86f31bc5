// opening_balances {"members": [{"member_id", "shares", "loans": [{"principal", "outstanding",
// "disbursed_on", "months", "interest"?}]}], "cash": {"loan_fund", "social_fund", "bank"}, "social_fund"?}: a
// group that moves from paper books in the middle of a cycle starts with one visible opening entry: the cash
// in each box, each member's loans outstanding (Dr 1010/1020/1030, 1100[m]) against each member's shares to
// date, the social fund, and what is left as undistributed surplus (3020). Each loan keeps its terms; what
// was repaid on paper counts as paid before the books came in. Only into an empty journal, in an open cycle.
#include "ledger/operations/catalog.hpp"
#include "ledger/operations/savings/movements.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"
#include "ledger/store/write_context.hpp"

#include <set>

namespace samaki::ledger::operations {
namespace {

struct opening_loan {
  member_id member;
  loan_terms terms;
  money outstanding;
  money interest_paid;  // the schedule's interest due before the opening day, settled on paper
};

struct opening_member {
  member_id member;
  int shares = 0;
  money savings;
};

result<apply_step> plan(operation_context& ctx, const field_reader& f) {
  auto& books = ctx.books();
  const auto day = ctx.date();
  if (ctx.group().last_seq > 0)
    return error(errc::conflict, "opening balances go into an empty journal; this group has entries already");
  auto cycle = open_cycle_on(ctx, day);
  if (!cycle) return cycle.error();
  const auto& settings = cycle->settings_on(day);
  const auto currency = ctx.info().currency;
  const auto zero = money::zero(currency);

  std::vector<opening_member> members;
  std::vector<opening_loan> loans;
  std::set<std::int64_t> named;
  money total_savings = zero, total_loans = zero;
  for (const auto& m : f.objects("members")) {
    auto id = m.id<member_id>("member_id");
    auto info = load_member(books.db(), id);
    if (!info || info->group != ctx.info().id)
      return m.invalid("member_id", errc::not_a_member,
                       "member " + std::to_string(id.value) + " is not in this group",
                       {{"member_id", std::to_string(id.value)}, {"rule", "not_a_member"}});
    if (!named.insert(id.value).second)
      return m.invalid("member_id", errc::bad_request,
                       "member " + std::to_string(id.value) + " is named twice");
    auto count = m.optional_integer("shares").value_or(0);
    if (count < 0 || count > 1000000) return m.invalid("shares", errc::bad_request, "shares must be a count");
    std::int64_t amount = 0;
    if (__builtin_mul_overflow(settings.share_value.minor(), count, &amount))
      return m.invalid("shares", errc::invalid_amount, "too many shares");
    opening_member om{id, static_cast<int>(count), money(amount, currency)};
    total_savings = plus(total_savings, om.savings);
    members.push_back(om);
    for (const auto& l : m.objects("loans")) {
      auto principal = l.amount("principal", currency);
      if (!principal) return principal.error();
      auto outstanding = l.amount("outstanding", currency);
      if (!outstanding) return outstanding.error();
      auto disbursed = l.date("disbursed_on");
      if (!disbursed) return disbursed.error();
      if (!principal->is_positive() || outstanding->is_negative() || compare(*outstanding, *principal) > 0)
        return l.invalid("outstanding", errc::invalid_amount,
                         "a loan's outstanding is from 0 to its principal");
      if (*disbursed > day)
        return l.invalid("disbursed_on", errc::invalid_date, "a loan on paper was made before the opening");
      auto months = l.integer("months");
      if (months < 1 || months > 60)
        return l.invalid("months", errc::bad_request, "a loan runs 1 to 60 months");
      loan_terms terms{*principal, *disbursed, static_cast<int>(months), settings.interest, settings.method};
      if (auto interest = l.object("interest")) {
        if (auto percent = interest->optional_text("percent_per_month")) {
          auto rate = monthly_rate::parse(*percent);
          if (!rate)
            return interest->invalid("percent_per_month", errc::bad_request, "a percentage from 0 to 100");
          terms.rate = *rate;
        }
        if (auto method = interest->optional_text("method")) terms.method = *parse_interest_method(*method);
      }
      money interest_before = zero;
      for (const auto& i : loan_schedule(terms))
        if (i.due < day) interest_before = plus(interest_before, i.interest);
      loans.push_back(opening_loan{id, terms, *outstanding, interest_before});
      total_loans = plus(total_loans, *outstanding);
    }
  }
  money cash_total = zero;
  std::vector<std::pair<std::string, money>> cash_lines;
  if (auto c = f.object("cash")) {
    for (auto [field, account] :
         {std::pair{"loan_fund", "1010"}, std::pair{"social_fund", "1020"}, std::pair{"bank", "1030"}}) {
      auto amount = c->optional_amount(field, currency);
      if (!amount) return amount.error();
      if (!*amount || (*amount)->is_zero()) continue;
      if ((*amount)->is_negative()) return c->invalid(field, errc::invalid_amount, "cash cannot be negative");
      cash_lines.emplace_back(account, **amount);
      cash_total = plus(cash_total, **amount);
    }
  }
  auto social_fund = f.optional_amount("social_fund", currency);
  if (!social_fund) return social_fund.error();
  money social = zero;
  if (*social_fund) {
    social = **social_fund;
  } else {
    for (const auto& [account, amount] : cash_lines)
      if (account == "1020") social = amount;
  }
  if (social.is_negative())
    return f.invalid("social_fund", errc::invalid_amount, "the social fund cannot be negative");

  draft_entry e{day,
                ctx.request().memo.empty() ? "Opening balances from paper books" : ctx.request().memo,
                {},
                std::nullopt,
                {}};
  for (const auto& [account, amount] : cash_lines)
    e.lines.push_back(draft_line{account, std::nullopt, side::debit, amount, ""});
  for (const auto& l : loans)
    if (l.outstanding.is_positive())
      e.lines.push_back(draft_line{"1100", l.member, side::debit, l.outstanding, ""});
  for (const auto& m : members)
    if (m.savings.is_positive()) e.lines.push_back(draft_line{"3010", m.member, side::credit, m.savings, ""});
  if (social.is_positive()) e.lines.push_back(draft_line{"3030", std::nullopt, side::credit, social, ""});
  // What the assets hold beyond the members' shares and the social fund is the group's undistributed surplus.
  auto surplus = minus(minus(plus(cash_total, total_loans), total_savings), social);
  if (surplus.is_positive()) e.lines.push_back(draft_line{"3020", std::nullopt, side::credit, surplus, ""});
  if (surplus.is_negative())
    e.lines.push_back(draft_line{"3020", std::nullopt, side::debit, negate(surplus).value(), ""});
  if (e.lines.size() < 2)
    return f.invalid("members", errc::bad_request, "there are no opening balances to record");

  return apply_step([e = std::move(e), members = std::move(members), loans = std::move(loans),
                     cycle = cycle->id](operation_context& run) -> result<void> {
    if (auto posted = run.post(e); !posted) return posted.error();
    for (const auto& m : members)
      if (m.shares > 0)
        insert_share_purchase(run.books(), run.id(), m.member, cycle, m.shares, m.savings.minor());
    field_list made;
    for (const auto& l : loans) {
      auto id = insert_loan(
          run.books(), loan_record{loan_id{}, run.info().id, l.member, cycle, run.id(), l.terms, "", {}});
      // What was repaid on paper: principal less what is outstanding, and the interest due before today.
      auto principal_paid = subtract(l.terms.principal, l.outstanding).value();
      if (principal_paid.is_positive() || l.interest_paid.is_positive())
        insert_loan_payment(
            run.books(), id,
            loan_payment{run.date(), l.interest_paid, principal_paid, payment_kind::paper, run.id()});
      made.push_back(field_value{field_map{{"loan_id", field_value{id.value}},
                                           {"member_id", field_value{l.member.value}},
                                           {"outstanding", field_value{l.outstanding.amount_text()}}}});
    }
    run.outcome()["loans"] = field_value{std::move(made)};
    run.outcome()["cycle_id"] = field_value{cycle.value};
    return {};
  });
}

}  // namespace

const operation_type opening_balances{
    "opening_balances",
    {group_kind::savings_group},
    {{"members",
      field_type::list,
      false,
      {},
      {{"member",
        field_type::object,
        true,
        {},
        {{"member_id", field_type::id, true, {}, {}, "member"},
         {"shares", field_type::integer, false},
         {"loans",
          field_type::list,
          false,
          {},
          {{"loan",
            field_type::object,
            true,
            {},
            {{"principal", field_type::amount, true},
             {"outstanding", field_type::amount, true},
             {"disbursed_on", field_type::date, true},
             {"months", field_type::integer, true},
             {"interest",
              field_type::object,
              false,
              {},
              {{"percent_per_month", field_type::text, false},
               {"method", field_type::choice, false, {"flat", "declining"}}}}}}}}}}}},
     {"cash",
      field_type::object,
      false,
      {},
      {{"loan_fund", field_type::amount, false},
       {"social_fund", field_type::amount, false},
       {"bank", field_type::amount, false}}},
     {"social_fund", field_type::amount, false}},
    {"1010", "1020", "1030", "1100", "3010", "3020", "3030"},
    plan,
    nullptr};

}  // namespace samaki::ledger::operations
