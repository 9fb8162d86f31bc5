#!/usr/bin/env python3
"""The worked calculation behind the golden savings-group scenarios: tells each story, works out by hand
(books.py, which follows operations.md and product.md and shares nothing with the service) every figure the
service must answer, and writes them as the scenario files the API test replays over HTTP
(tests/api/savings_scenarios_api_test.cpp). `python3 tests/scenarios/worked.py --check` fails when a file
differs from what this script works out.

A scenario file: "members" to make (their ids are checked), then "steps" in order, each a POST or GET under
/api/v1/groups/{gid}/ with the status and, for a refusal, the error code it must answer, and "expect": the
figures the answer must hold (objects name the keys checked; every list is checked whole, item by item).
"check": "books" means: the hash chain verifies, the trial balance's debits equal its credits, and hledger
reads the export to the same balances. "why" says how the figures were obtained.
"""
import json
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scenarios
from books import Books, day, fmt, riel  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent


class Story:
    def __init__(self, name, about, currency="KHR"):
        self.books = Books(currency)
        self.doc = dict(name=name, about=about, group=dict(kind="savings_group", currency=currency),
                        members=[], steps=[])

    def member(self, mid, name, gender, joined_on=None):
        self.books.add_member(mid, name, gender, day(joined_on) if joined_on else None)
        m = dict(id=mid, name=name, gender=gender)
        if joined_on:
            m["joined_on"] = joined_on
        self.doc["members"].append(m)

    def step(self, why, **step):
        self.doc["steps"].append(dict(why=why, **step))

    def cycle(self, start, settings, why):
        body = dict(start=start, **settings)
        s = dict(share_value=riel(settings["share_value"]), min_shares=settings.get("min_shares", 1),
                 max_shares=settings.get("max_shares", 5), loan_multiple=settings.get("loan_multiple", 3),
                 rate=int(float(settings["interest"]["percent_per_month"]) * 10000),
                 method=settings["interest"]["method"],
                 social_fund=riel(settings.get("social_fund_per_meeting", "0")),
                 cash_unit=riel(settings.get("cash_unit", "100")),
                 fines={f["code"]: riel(f["amount"]) for f in settings.get("fines", [])})
        op, cid = self.books.start_cycle(day(start), s)
        self.step(why, post="cycles", body=body, status=201, expect=dict(id=cid, status="open", operation_id=op))
        return cid

    def settings(self, cid, effective_from, changes, why):
        s = {}
        if "interest" in changes:
            s["rate"] = int(float(changes["interest"]["percent_per_month"]) * 10000)
            s["method"] = changes["interest"]["method"]
        op = self.books.change_settings(cid, day(effective_from), s)
        self.step(why, post=f"cycles/{cid}/settings", body=dict(effective_from=effective_from, **changes), status=201,
                  expect=dict(id=cid, operation_id=op, interest=changes["interest"]))

    def meeting(self, on, members, why, counted=False):
        """`members` as the API takes them; amounts as riel strings."""
        worked = []
        for m in members:
            w = json.loads(json.dumps(m))
            w["repay"] = [dict(r, amount=riel(r["amount"])) for r in w.get("repay", [])]
            if "loan" in w:
                w["loan"]["amount"] = riel(w["loan"]["amount"])
            if "grant" in w:
                w["grant"] = riel(w["grant"]["amount"])
            worked.append(w)
        op, made, cash = self.books.meeting(day(on), worked)
        body = dict(type="meeting", date=on, members=members)
        if counted:
            body["counted"] = dict(cash)
        self.step(why, post="operations", body=body, status=201,
                  expect=dict(id=op, type="meeting", date=on, loans=made, cash=cash))
        return op

    def single(self, body, why, expect):
        self.step(why, post="operations", body=body, status=201, expect=expect)

    def get(self, path, expect, why):
        self.step(why, get=path, expect=expect)

    def summary_and_preview(self, cid, summary_day, out_day, why_summary, why_preview):
        """The cycle summary of the open cycle at `summary_day`, and the share-out preview on the day it is due."""
        self.get(f"reports/cycle-summary?cycle={cid}&as_of={summary_day}", self.books.summary(cid, summary_day),
                 why_summary)
        unit = self.books.settings(cid, out_day)["cash_unit"]
        self.get(f"reports/share-out?as_of={out_day}", self.books.preview_json(out_day, unit), why_preview)

    def ledger_reports(self, cid, on, why):
        """The ledger reports of api.md at the end of `on`: trial balance, balance sheet, member balances, the
        income statement and the cash book of each box used, from the cycle's start."""
        b, start = self.books, self.books.cycles[cid]["start"]
        self.get(f"reports/trial-balance?as_of={on}", b.trial_balance(on), f"{why}: the trial balance.")
        self.get(f"reports/balance-sheet?as_of={on}", b.balance_sheet(on),
                 f"{why}: the balance sheet; income less expenses not yet closed is the current result.")
        self.get(f"reports/member-balances?as_of={on}", b.member_balances(on),
                 f"{why}: each member's loans (1100), share-out payable (2020) and shares (3010).")
        self.get(f"reports/income-statement?from={start}&to={on}", b.income_statement(start, on),
                 f"{why}: what each income and expense account moved since {start}, closing entries left out.")
        for code in sorted({l["code"] for l in b.lines if l["code"] in ("1010", "1020", "1030")}):
            self.get(f"reports/cash-book?account={code}&from={start}&to={on}", b.cash_book(code, start, on),
                     f"{why}: the cash book of {code}, each movement in entry order with the running balance, "
                     "and the member when the entry names exactly one.")

    def passbooks(self, cid, why):
        for mid in sorted(self.books.members):
            self.get(f"members/{mid}/passbook?cycle={cid}", self.books.passbook(mid, cid),
                     f"Member {mid}'s passbook: {why}")

    def refused(self, body, code, details, why):
        self.step(why, post="operations", body=body, status=422, error=dict(code=code, details=details))

    def check_books(self, why):
        self.step(why, check="books")

    def write(self, filename, check):
        text = json.dumps(self.doc, indent=1, ensure_ascii=False) + "\n"
        path = HERE / filename
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from what worked.py works out", file=sys.stderr)
                return False
            return True
        path.write_text(text, encoding="utf-8")
        return True


def shares_of(mid):
    """Scenario a: member i buys ((i - 1) mod 5) + 1 shares at every meeting they attend."""
    return (mid - 1) % 5 + 1


def scenario_a():
    s = Story("a: twenty members over a twelve-week cycle",
              "20 members, 12 weekly meetings from 5 January 2026; flat then declining loans, a late loan "
              "(PAR30), a write-off, fines, a social-fund grant, an expense, a member who leaves and one who "
              "joins, and the share-out with offsets and reinvestment, sealed.")
    names = ["Sokha", "Dara", "Chenda", "Bopha", "Sophea", "Vanna", "Sreymom", "Kunthea", "Rachana", "Pisey",
             "Malis", "Sovann", "Chantha", "Narong", "Piseth", "Vuthy", "Sambath", "Kosal", "Heng", "Ratana"]
    for mid, name in enumerate(names, start=1):
        # Members 1-13 are women; member 20 joins on 16 February.
        s.member(mid, name, "female" if mid <= 13 else "male", "2026-02-16" if mid == 20 else None)
    b = s.books
    cid = s.cycle("2026-01-05", dict(share_value="5000", min_shares=1, max_shares=5, loan_multiple=3,
                                     interest=dict(percent_per_month="2", method="flat"),
                                     social_fund_per_meeting="1000", cash_unit="100", meeting_every="week",
                                     fines=[dict(code="late", name="Late", name_km="មកយឺត", amount="500"),
                                            dict(code="absent", name="Absent", name_km="អវត្តមាន", amount="1000")]),
                  "The cycle: 5,000 riel shares, 1-5 a meeting, loans up to 3x shares at 2 % a month flat, "
                  "1,000 riel social fund a meeting, fines of 500 (late) and 1,000 (absent).")

    # Every meeting: each member present buys their shares and pays the social fund; the exceptions below.
    absent = {"2026-01-19": {7}, "2026-02-09": {2, 8}, "2026-03-09": {16}}
    represented = {"2026-01-19": {12}, "2026-03-16": {6}}
    fines = {"2026-01-12": {3: ["late"]}, "2026-01-26": {9: ["late"], 7: ["absent"]},
             "2026-02-16": {2: ["absent"], 8: ["absent"]}, "2026-02-23": {3: ["late"]},
             "2026-03-16": {16: ["absent", "late"]}}
    extra = {
        # Loan 1: member 10 (5 shares: 25,000, so up to 75,000), 60,000 over 2 months at 2 % flat:
        # 30,000 + 1,200 due 5 Feb and 5 Mar.
        "2026-01-05": {10: dict(loan=dict(amount="60000", months=2, purpose="rice seed"))},
        # Loan 2: member 5 (50,000 after this meeting: up to 150,000), 120,000 over 3 months flat: 40,000 +
        # 2,400 due 12 Feb, 12 Mar, 12 Apr. Loan 3: member 17 (20,000: up to 60,000), 12,000 for a month:
        # 12,000 + 240 due 12 Feb; never repaid, written off on 16 March.
        "2026-01-12": {5: dict(loan=dict(amount="120000", months=3, purpose="pig")),
                       17: dict(loan=dict(amount="12000", months=1, purpose="school fees"))},
        # Loan 4: member 19 (60,000: up to 180,000), 30,000 over 2 months flat: 15,000 + 600 due 19 Feb and
        # 19 Mar.
        "2026-01-19": {19: dict(loan=dict(amount="30000", months=2, purpose="fertiliser"))},
        # Loan 5: member 14 (80,000: up to 240,000), 150,000 over 2 months flat: 75,000 + 3,000 due 26 Feb and
        # 26 Mar.
        "2026-01-26": {14: dict(loan=dict(amount="150000", months=2, purpose="cow"))},
        # From 2 February loans are 3 % a month on the declining balance. Loan 6: member 15 (125,000),
        # 100,000 over 2 months: 50,000 + 3,000 due 2 Mar, then 50,000 + 1,500 due 2 Apr.
        "2026-02-02": {15: dict(loan=dict(amount="100000", months=2, purpose="motorbike repair"))},
        # Member 5 repays 42,400 before the first due date (12 Feb): no interest is due yet, so all of it is
        # principal. Loan 7: member 4 (120,000 after this meeting: up to 360,000), 90,000 over 3 months
        # declining: 30,000 + 2,700 due 9 Mar, 30,000 + 1,800 due 9 Apr, 30,000 + 900 due 9 May; nothing
        # is ever repaid. Member 3 receives a 15,000 social-fund grant.
        "2026-02-09": {5: dict(repay=[dict(loan_id=2, amount="42400")]),
                       4: dict(loan=dict(amount="90000", months=3, purpose="well")),
                       3: dict(grant=dict(amount="15000", reason="hospital"))},
        # Member 19 repays 15,600 four days after it fell due: 600 interest, 15,000 principal.
        "2026-02-23": {19: dict(repay=[dict(loan_id=4, amount="15600")])},
        # Member 15 repays on the due date: 3,000 interest, 50,000 principal; member 14 repays 78,000 four days
        # late: 3,000 interest, 75,000 principal.
        "2026-03-02": {15: dict(repay=[dict(loan_id=6, amount="53000")]),
                       14: dict(repay=[dict(loan_id=5, amount="78000")])},
        # Member 10 repays 32 days late: 2,400 interest (both months now due), 37,600 principal.
        "2026-03-09": {10: dict(repay=[dict(loan_id=1, amount="40000")])},
        # Member 10 pays off the 22,400 left (no interest due); member 5 pays 42,400 four days after the
        # second due date: the 4,800 interest of February and March first, then 37,600 principal.
        "2026-03-16": {10: dict(repay=[dict(loan_id=1, amount="22400")]),
                       5: dict(repay=[dict(loan_id=2, amount="42400")])},
        # Member 14 pays off loan 5 three days before the second due date: only the 75,000 principal is owed
        # (March's 3,000 of interest falls due on 26 Mar), so that is what they pay.
        "2026-03-23": {14: dict(repay=[dict(loan_id=5, amount="75000")])},
    }
    meeting_days = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09",
                    "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]
    meeting_ops = {}
    for n, on in enumerate(meeting_days, start=1):
        if on == "2026-02-02":
            s.settings(cid, "2026-02-02", dict(interest=dict(percent_per_month="3", method="declining")),
                       "From 2 February new loans are at 3 % a month on the declining balance.")
        if on == "2026-02-16":
            # Loan 1's first instalment (31,200, due 5 Feb) is unpaid: 11 days in arrears, no new loan.
            s.refused(dict(type="meeting", date=on, members=[dict(member_id=10, shares=5, social_fund=True,
                                                                 loan=dict(amount="10000", months=1))]),
                      "loan_in_arrears", dict(member_id=10, rule="loan_in_arrears", loan_id=1, value="11"),
                      "Member 10 asks for a loan while loan 1 is 11 days late (due 5 Feb): refused, nothing "
                      "written (the next operation still gets the next id).")
        members = []
        for mid in sorted(b.members):
            if not b.active(mid, day(on)):
                continue
            m = dict(member_id=mid)
            if mid in absent.get(on, set()):
                m["attendance"] = "absent"
            else:
                if mid in represented.get(on, set()):
                    m["attendance"] = "represented"
                m["shares"] = shares_of(mid)
                m["social_fund"] = True
            if mid in fines.get(on, {}):
                m["fines"] = fines[on][mid]
            m.update(json.loads(json.dumps(extra.get(on, {}).get(mid, {}))))
            members.append(m)
        meeting_ops[on] = s.meeting(on, members,
                                    f"Meeting {n}: shares ((id - 1) mod 5 + 1 each, 5,000 riel a share), 1,000 "
                                    "riel social fund from each member present or represented, fines, and the "
                                    "repayments and loans noted in worked.py; cash = what the boxes hold after.",
                                    counted=n in (6, 12))
        if on == "2026-01-05":
            op = b.expense(day(on), "5010", riel("4750"))
            s.single(dict(type="expense", date=on, account="5010", amount="4750", **{"from": "1010"}),
                     "A minute book and stamps: 4,750 riel of expenses from the loan fund.",
                     dict(id=op, type="expense"))
            s.get("reports/trial-balance?as_of=2026-01-05", b.trial_balance(day(on)),
                  "After meeting 1: 55 shares (275,000), 19 × 1,000 social fund, loan 1 of 60,000 and the "
                  "4,750 expense.")
        if on == "2026-02-16":
            s.get("loans?as_of=2026-02-16", b.loans_json(day(on)),
                  "Each loan on 16 Feb: loan 1 is 11 days late for 31,200; loan 2 was prepaid (all principal), "
                  "so its 2,400 of interest due on 12 Feb stands unpaid but is covered; loan 3 is 4 days late.")
        if on == "2026-03-02":
            op, out = b.member_exit(day(on), 19)
            s.single(dict(type="member_exit", date=on, member_id=19, with_profit=False),
                     "Member 19 leaves after meeting 9: 36 shares = 180,000 riel at value; loan 4's 15,000 "
                     "principal is offset (no interest due until 19 Mar); 165,000 paid in cash.",
                     dict(id=op, type="member_exit", **out))
        if on == "2026-02-09":
            s.ledger_reports(cid, day(on), "After meeting 6")
        if on == "2026-03-09":
            s.get("reports/loan-portfolio?as_of=2026-03-08", b.portfolio(day("2026-03-08"))[0],
                  "The day before: loan 1 is 31 days late (5 Feb - 8 Mar) on 60,000, loan 3 24 days (12 Feb) on "
                  "12,000; PAR30 = 60,000 / outstanding.")
            s.get("loans/1?as_of=2026-03-09", b.loan_detail_json(1, day(on)),
                  "Loan 1 after the late 40,000: 2,400 interest, 37,600 principal; the first instalment is "
                  "covered, the second (due 5 Mar) is 4 days late for 22,400.")
        if on == "2026-03-16":
            op, left = b.write_off(day(on), 3)
            s.single(dict(type="loan_write_off", date=on, loan_id=3, reason="moved to Thailand"),
                     "Loan 3 (member 17) is written off: Dr 5020 / Cr 1100 for its 12,000 principal; the 240 of "
                     "interest never collected is not income.",
                     dict(id=op, type="loan_write_off", loan_id=3, written_off=fmt(left)))
    last = day("2026-03-23")
    s.get("reports/loan-portfolio?as_of=2026-03-23", b.portfolio(last)[0],
          "After meeting 12: loan 2 (40,000, current), loan 6 (50,000, current until 2 Apr), loan 7 (90,000, "
          "14 days late since 9 Mar); loan 3's 12,000 written off; loan 5 repaid.")
    s.get("reports/share-out?as_of=2026-03-23", b.preview_json(last, riel("100")),
          "The preview: F = 3010 + 3020 + 3040 + income - expenses; T = floor(F / 100 riel) units by shares, "
          "largest remainders, ties to the lower id.")
    out_day = day("2026-03-30")
    s.summary_and_preview(cid, last, out_day,
                          "The cycle summary after meeting 12: attendance over the 12 meetings' recorded members, "
                          "savings on 3010, loan-fund use = outstanding / (outstanding + 1010), returns over 78 "
                          "days, the fund as projected share-out.",
                          "The preview on the share-out day leaves out loan 7's 2,700 of interest due (not yet in "
                          "the books).")
    op, out = b.share_out(out_day, {1: 2, 2: 2})
    s.single(dict(type="share_out", date="2026-03-30", reinvest=[dict(member_id=1, shares=2), dict(member_id=2, shares=2)]),
             "The share-out on 30 March: loan 2 (40,000), loan 6 (50,000) and loan 7 (90,000 and 2,700 interest "
             "due on 9 Mar) are offset; the 2,700 is income, so F grows by it; members 1 and 2 reinvest 2 shares "
             "(10,000) each; the rest is paid in cash.",
             dict(id=op, type="share_out", **out))
    s.get("loans?as_of=2026-03-30", b.loans_json(out_day),
          "Every loan is repaid (offset) or written off after the share-out.")
    s.passbooks(cid, "a row a meeting (absent ones too) and one for each other operation naming them, running "
                     "shares, savings and loan outstanding; member 19 until she leaves, member 20 from 16 Feb.")
    s.ledger_reports(cid, out_day, "After the share-out: the social fund (3030) and its cash carry over, 3040 keeps "
                                   "the residual, 3010 holds the 4 reinvested shares, income and expenses are closed")
    s.check_books("The chain verifies with the share-out's seal, and hledger agrees with the trial balance.")
    return s


def plain_meeting(s, on, shares, extra, why, counted=False):
    """A meeting where each member in `shares` is present, buys that many shares and pays the social fund
    when the cycle has one; `extra` adds to or replaces a member's movements."""
    members = []
    social = s.books.settings(s.books.open_cycle(), day(on))["social_fund"] > 0
    for mid in sorted(s.books.members):
        if not s.books.active(mid, day(on)):
            continue
        m = dict(member_id=mid)
        if shares.get(mid):
            m["shares"] = shares[mid]
            if social:
                m["social_fund"] = True
        m.update(json.loads(json.dumps(extra.get(mid, {}))))
        members.append(m)
    return s.meeting(on, members, why, counted)


def scenario_b():
    s = Story("b: a group moves from paper books in the middle of its cycle",
              "6 members, a cycle begun on paper on 1 June 2026 (2,000 riel shares, meetings every two weeks); "
              "on 3 August the paper books come in as opening balances: shares to date, two loans outstanding "
              "with their terms, the cash in each box and the bank; then four meetings and the share-out.")
    b = s.books
    for mid, name in enumerate(["Sophal", "Thida", "Kimsan", "Leakhena", "Bunthoeun", "Sreyneang"], start=1):
        s.member(mid, name, "female" if mid in (2, 4, 6) else "male")
    cid = s.cycle("2026-06-01", dict(share_value="2000", min_shares=1, max_shares=5,
                                     interest=dict(percent_per_month="2", method="flat"),
                                     social_fund_per_meeting="500", cash_unit="100", meeting_every="2weeks",
                                     fines=[dict(code="late", name="Late", amount="300")]),
                  "The cycle as it began on paper: 2,000 riel shares, 2 % a month flat, 500 riel social fund.")
    shares_to_date = {1: 30, 2: 24, 3: 18, 4: 20, 5: 12, 6: 27}
    paper_loans = {2: [dict(principal="60000", outstanding="40000", disbursed_on="2026-06-15", months=3)],
                   3: [dict(principal="30000", outstanding="30000", disbursed_on="2026-07-20", months=2,
                            interest=dict(percent_per_month="3", method="declining"))]}
    cash = dict(loan_fund="168500", social_fund="9000", bank="50000")
    members = []
    worked = []
    for mid, shares in shares_to_date.items():
        members.append(dict(member_id=mid, shares=shares, **({"loans": paper_loans[mid]} if mid in paper_loans else {})))
        worked.append(dict(member_id=mid, shares=shares,
                           loans=[dict(principal=riel(l["principal"]), outstanding=riel(l["outstanding"]),
                                       disbursed_on=day(l["disbursed_on"]), months=l["months"])
                                  for l in paper_loans.get(mid, [])]))
    op, made = b.opening(day("2026-08-03"), worked, {k: riel(v) for k, v in cash.items()}, {2: (30000, "declining")})
    s.single(dict(type="opening_balances", date="2026-08-03", members=members, cash=cash),
             "Opening balances: 131 shares (262,000) on 3010, the 70,000 of loans on 1100, 168,500 + 9,000 + "
             "50,000 cash, the 9,000 social fund; 297,500 - 262,000 - 9,000 = 26,500 undistributed surplus. "
             "Loan 1 (member 2): 60,000 over 3 months at 2 % flat from 15 Jun; 20,000 and the 1,200 interest due "
             "15 Jul were paid on paper. Loan 2 (member 3): 30,000 over 2 months at 3 % declining from 20 Jul "
             "(15,000 + 900 due 20 Aug, 15,000 + 450 due 20 Sep), nothing due yet.",
             dict(id=op, type="opening_balances", loans=made))
    s.get("loans?as_of=2026-08-03", b.loans_json(day("2026-08-03")),
          "The paper loans as they stand on the opening day: loan 1 next owes 21,200 on 15 Aug, loan 2 15,900 on "
          "20 Aug; neither is late.")
    s.ledger_reports(cid, day("2026-08-03"), "The opening entry")
    regular = {1: 3, 2: 2, 3: 1, 4: 2, 5: 1, 6: 3}
    plain_meeting(s, "2026-08-03", regular, {5: dict(fines=["late"])},
                  "First meeting in the books, the same day: 12 shares (24,000), 6 × 500 social fund, a 300 fine.")
    plain_meeting(s, "2026-08-17", regular,
                  {2: dict(repay=[dict(loan_id=1, amount="21200")]),
                   4: dict(loan=dict(amount="10000", months=1, purpose="seed"))},
                  "Member 2 pays instalment 2 of loan 1 (due 15 Aug): 1,200 interest, 20,000 principal. Loan 3: "
                  "member 4 borrows 10,000 for a month at 2 % flat: 10,000 + 200 due 17 Sep.")
    plain_meeting(s, "2026-08-31", {k: v for k, v in regular.items() if k != 6},
                  {6: dict(attendance="absent"), 3: dict(repay=[dict(loan_id=2, amount="15900")]),
                   1: dict(grant=dict(amount="5000", reason="funeral"))},
                  "Member 3 pays loan 2's first instalment, 11 days late: 900 interest, 15,000 principal. Member 6 "
                  "is absent; member 1 receives a 5,000 grant from the social fund.")
    plain_meeting(s, "2026-09-14", regular, {2: dict(repay=[dict(loan_id=1, amount="20000")])},
                  "Member 2 pays off loan 1 the day before its last due date: only the 20,000 principal is owed "
                  "(September's 1,200 falls due on 15 Sep).", counted=True)
    s.get("reports/loan-portfolio?as_of=2026-09-27", b.portfolio(day("2026-09-27"))[0],
          "The day before the share-out: loan 2 is 7 days late (20 Sep), loan 3 10 days (17 Sep): all 25,000 "
          "outstanding is 1-30 days late; PAR30 is 0.")
    out_day = day("2026-09-28")
    s.summary_and_preview(cid, day("2026-09-14"), out_day,
                          "The cycle summary after the fourth meeting: 4 meetings in the books (the paper ones are "
                          "not), social fund in counts the meetings only, returns over the 106 days since 1 June.",
                          "The preview on the share-out day (the interest due on loans 2 and 3 is not yet in the "
                          "books).")
    op = b.transfer(out_day, "1030", "1010", riel("50000"))
    s.single(dict(type="transfer", date="2026-09-28", amount="50000", **{"from": "1030", "to": "1010"}),
             "The 50,000 in the bank comes back to the loan fund's box to pay the share-out in cash.",
             dict(id=op, type="transfer"))
    op, out = b.share_out(out_day, {})
    s.single(dict(type="share_out", date="2026-09-28"),
             "The share-out: loan 2 (15,000 + 450 interest due 20 Sep) and loan 3 (10,000 + 200 due 17 Sep) are "
             "offset; the 650 of interest is income; the fund by shares in whole 100 riel.",
             dict(id=op, type="share_out", **out))
    s.passbooks(cid, "from the opening balances to the share-out.")
    s.ledger_reports(cid, out_day, "After the share-out: the social fund and its cash, and the residual, stay")
    s.check_books("The chain verifies, and hledger agrees with the trial balance.")
    return s


def scenario_c():
    s = Story("c: awkward rounding",
              "5 members, monthly meetings, 1,000 riel shares, 2.5 % a month: interest of 83.325 riel rounds half "
              "up to 83.33; the fund of 11,333.33 riel is shared in 100 riel units with a three-way tie for the "
              "last units, which go to the lower member ids; 33.33 riel stays on 3040.")
    b = s.books
    for mid, name in enumerate(["Chanthou", "Davy", "Kolab", "Mealea", "Veasna"], start=1):
        s.member(mid, name, "female" if mid != 5 else "male")
    cid = s.cycle("2026-04-01", dict(share_value="1000", min_shares=1, max_shares=5,
                                     interest=dict(percent_per_month="2.5", method="flat"), cash_unit="100",
                                     meeting_every="month", fines=[dict(code="late", name="Late", amount="500")]),
                  "1,000 riel shares, 2.5 % a month flat, no social fund, cash unit 100 riel.")
    plain_meeting(s, "2026-04-01", {1: 1, 2: 2, 3: 2, 4: 2, 5: 3},
                  {5: dict(loan=dict(amount="3333", months=1, purpose="medicine"))},
                  "10 shares (10,000 riel); member 5 (3,000: up to 9,000) borrows 3,333 for a month: "
                  "3,333 × 2.5 % = 83.325, half up 83.33, due 1 May.")
    op = b.income(day("2026-04-15"), "4030", riel("750"))
    s.single(dict(type="income", date="2026-04-15", account="4030", amount="750", to="1010"),
             "750 riel of other income (a visitor's gift) into the loan fund.", dict(id=op, type="income"))
    s.get("reports/loan-portfolio?as_of=2026-04-20", b.portfolio(day("2026-04-20"))[0],
          "Loan 1 is current (due 1 May): 3,333 outstanding, PAR30 0.")
    plain_meeting(s, "2026-05-01", {}, {5: dict(repay=[dict(loan_id=1, amount="3416.33")]), 1: dict(fines=["late"])},
                  "Member 5 repays on the due date: 83.33 interest, 3,333 principal; member 1 is fined 500.")
    s.get("loans/1?as_of=2026-05-01", b.loan_detail_json(1, day("2026-05-01")), "Loan 1 repaid, its interest 83.33.")
    out_day = day("2026-05-15")
    s.summary_and_preview(cid, day("2026-05-01"), out_day,
                          "The cycle summary after the second meeting: interest 83.33, fines 500, other income 750; "
                          "return on savings 1,333.33 / 10,000 = 0.1333.",
                          "F = 10,000 + 83.33 + 750 + 500 = 11,333.33; T = 113 units of 100 riel; W = 10 shares. "
                          "Member 1: 113 × 1 / 10 = 11 r 3; members 2, 3 and 4: 22 r 6 each; member 5: 33 r 9. 110 "
                          "units given, 3 left: member 5 (9), then the tie at 6 goes to members 2 and 3, not 4. "
                          "Payouts 1,100, 2,300, 2,300, 2,200 and 3,400; 33.33 riel residual.")
    op, out = b.share_out(out_day, {})
    s.single(dict(type="share_out", date="2026-05-15"), "The share-out pays the preview's figures in cash.",
             dict(id=op, type="share_out", **out))
    s.passbooks(cid, "two meetings, the share-out.")
    s.ledger_reports(cid, out_day, "After the share-out only the 33.33 riel residual is left, on 3040 and in the loan "
                                   "fund's cash")
    s.check_books("The chain verifies, and hledger agrees with the trial balance.")
    return s


def main():
    check = "--check" in sys.argv
    ok = True
    for filename, story in (("a_full_cycle.json", scenario_a), ("b_from_paper.json", scenario_b),
                            ("c_rounding.json", scenario_c)):
        ok &= story().write(filename, check)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
