#!/usr/bin/env python3
"""The golden cooperative and joint-task scenarios, worked out by hand.

Each scenario is a list of what a treasurer records over the HTTP API (members, by-laws, operations) and,
between them, the reports the API must answer, with every figure worked out here from the contract pages
(operations.md, charts.md, product.md): a small double-entry book of its own, in whole minor units (cents
of a riel or of a dollar), that shares no code with the service. tests/api/coop_scenarios_api_test.cpp
replays each file through a real server and compares every answer with these figures.

  worked.py          writes tests/scenarios/coop/*.json
  worked.py --check  fails when the files on disk are not what this script works out
"""
import datetime
import json
import os
import sys
from collections import defaultdict
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))

# charts.md: code -> (type, currency when not the base one, member ledger)
COOP_CHART = {
    "1010": ("asset", None, False), "1011": ("asset", "USD", False), "1020": ("asset", None, False),
    "1021": ("asset", "USD", False), "1100": ("asset", None, True), "1110": ("asset", None, True),
    "1120": ("asset", None, False), "1200": ("asset", None, False), "1210": ("asset", None, False),
    "1300": ("asset", None, False), "1310": ("asset", None, False),
    "2010": ("liability", None, False), "2020": ("liability", None, True), "2030": ("liability", None, True),
    "2040": ("liability", None, False), "2050": ("liability", None, True), "2060": ("liability", None, True),
    "3010": ("equity", None, True), "3020": ("equity", None, False), "3030": ("equity", None, False),
    "3040": ("equity", None, False), "3050": ("equity", None, True), "3060": ("equity", None, False),
    "3900": ("equity", None, False), "3901": ("equity", "USD", False),
    "4010": ("income", None, False), "4020": ("income", None, False), "4030": ("income", None, False),
    "4040": ("income", None, False), "4050": ("income", None, False), "4060": ("income", None, False),
    "5010": ("expense", None, False), "5020": ("expense", None, False), "5030": ("expense", None, False),
    "5040": ("expense", None, False), "5050": ("expense", None, False), "5060": ("expense", None, False),
    "5070": ("expense", None, False), "5080": ("expense", None, False),
}
JOINT_TASK_CHART = {
    "1010": ("asset", None, False), "1011": ("asset", "USD", False), "1020": ("asset", None, False),
    "1200": ("asset", None, False), "2010": ("liability", None, False), "2020": ("liability", None, True),
    "3010": ("equity", None, False), "3020": ("equity", None, False), "3060": ("equity", None, False),
    "3900": ("equity", None, False), "3901": ("equity", "USD", False),
    "4010": ("income", None, False), "4050": ("income", None, False), "4060": ("income", None, False),
    "5010": ("expense", None, False), "5020": ("expense", None, False), "5030": ("expense", None, False),
    "5080": ("expense", None, False),
}


def minor(text):
    """'1234.5' -> 123450 (cents); exact or an error."""
    value = Decimal(str(text)) * 100
    assert value == value.to_integral_value(), text
    return int(value)


def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def percent_of(cents, pct):
    """cents x pct %, rounded down to the minor unit (operations.md: amounts round down)."""
    num = cents * Decimal(str(pct))
    return int(num // 100)


def largest_remainder(total_units, weights):
    """product.md's rule: floor(T*w/W) each, the units left one each to the largest remainders (T*w mod W),
    ties to the lower member id. weights: {member: weight}; -> {member: units}."""
    whole = sum(weights.values())
    units = {m: total_units * w // whole for m, w in weights.items()}
    left = total_units - sum(units.values())
    order = sorted(weights, key=lambda m: (-(total_units * weights[m] % whole), m))
    for m in order[:left]:
        units[m] += 1
    return units


class Book:
    """A double-entry book: each line (date, account, member, signed cents: debit +), per currency."""

    def __init__(self, chart, base):
        self.chart, self.base, self.lines = chart, base, []

    def currency(self, code):
        return self.chart[code][1] or self.base

    def post(self, date, lines, closing=False):
        per_currency = defaultdict(int)
        for code, member, amount in lines:
            assert code in self.chart, code
            assert (member is not None) or not self.chart[code][2], f"{code} is a member ledger"
            per_currency[self.currency(code)] += amount
        assert all(v == 0 for v in per_currency.values()), (date, lines)
        for code, member, amount in lines:
            self.lines.append({"date": date, "code": code, "member": member, "amount": amount,
                               "closing": closing})

    def nets(self, to=None, frm=None, without_closing=False):
        out = defaultdict(int)
        for l in self.lines:
            if (to and l["date"] > to) or (frm and l["date"] < frm) or (without_closing and l["closing"]):
                continue
            out[l["code"]] += l["amount"]
        return out

    def member_nets(self, code, to=None):
        out = defaultdict(int)
        for l in self.lines:
            if l["code"] == code and l["member"] is not None and not (to and l["date"] > to):
                out[l["member"]] += l["amount"]
        return {m: v for m, v in out.items() if v != 0}

    def natural(self, code, net):
        return net if self.chart[code][0] in ("asset", "expense") else -net

    def balance(self, code, to=None):
        return self.natural(code, self.nets(to)[code])

    def currencies(self):
        return sorted({self.base} | {c for _, c, _ in self.chart.values() if c})

    # ---- reports, as operations.md and api.md name them ----
    def trial_balance(self, as_of=None):
        nets = self.nets(as_of)
        out = []
        for cur in self.currencies():
            rows = [{"code": c, "debit": money(max(nets[c], 0)), "credit": money(max(-nets[c], 0))}
                    for c in sorted(self.chart) if self.currency(c) == cur and nets[c] != 0]
            if not rows:
                continue
            debit = sum(max(nets[c], 0) for c in self.chart if self.currency(c) == cur)
            credit = sum(max(-nets[c], 0) for c in self.chart if self.currency(c) == cur)
            assert debit == credit, cur
            out.append({"currency": cur, "rows": rows, "total_debit": money(debit),
                        "total_credit": money(credit)})
        return {"as_of": as_of, "currencies": out}

    def balance_sheet(self, as_of, with_members=False):
        nets = self.nets(as_of)
        out = []
        for cur in self.currencies():
            sections = {"asset": [], "liability": [], "equity": []}
            totals = defaultdict(int)
            result = 0
            for c in sorted(self.chart):
                kind, _, member_ledger = self.chart[c]
                if self.currency(c) != cur or nets[c] == 0:
                    continue
                if kind in ("income", "expense"):
                    result -= nets[c]
                    continue
                row = {"code": c, "balance": money(self.natural(c, nets[c]))}
                if with_members and member_ledger:
                    row["members"] = [{"id": m, "balance": money(self.natural(c, v))}
                                      for m, v in sorted(self.member_nets(c, as_of).items())]
                sections[kind].append(row)
                totals[kind] += self.natural(c, nets[c])
            if not any(sections.values()) and result == 0 and cur != self.base:
                continue
            equity_rows = sections["equity"] + [{"code": None, "kind": "current_result",
                                                 "balance": money(result)}]
            assert totals["asset"] == totals["liability"] + totals["equity"] + result, cur
            out.append({"currency": cur,
                        "assets": {"rows": sections["asset"], "total": money(totals["asset"])},
                        "liabilities": {"rows": sections["liability"], "total": money(totals["liability"])},
                        "equity": {"rows": equity_rows, "total": money(totals["equity"] + result)},
                        "current_result": money(result),
                        "total_liabilities_and_equity": money(totals["liability"] + totals["equity"] + result)})
        return {"as_of": as_of, "members": with_members, "currencies": out}

    def income_statement(self, frm, to):
        nets = self.nets(to, frm, without_closing=True)
        out = []
        for cur in self.currencies():
            income = [c for c in sorted(self.chart) if self.chart[c][0] == "income" and self.currency(c) == cur
                      and nets[c] != 0]
            expenses = [c for c in sorted(self.chart) if self.chart[c][0] == "expense"
                        and self.currency(c) == cur and nets[c] != 0]
            if not income and not expenses and cur != self.base:
                continue
            total_income = sum(-nets[c] for c in income)
            total_expenses = sum(nets[c] for c in expenses)
            out.append({"currency": cur,
                        "income": [{"code": c, "amount": money(-nets[c])} for c in income],
                        "expenses": [{"code": c, "amount": money(nets[c])} for c in expenses],
                        "total_income": money(total_income), "total_expenses": money(total_expenses),
                        "net_result": money(total_income - total_expenses)})
        return {"from": frm, "to": to, "currencies": out}

    def member_balances(self, as_of, members):
        ledgers = [c for c in sorted(self.chart) if self.chart[c][2]]
        per = {c: self.member_nets(c, as_of) for c in ledgers}
        accounts = [{"code": c, "total": money(sum(self.natural(c, v) for v in per[c].values()))}
                    for c in ledgers]
        rows = [{"id": m, "balances": [{"code": c, "currency": self.currency(c),
                                        "balance": money(self.natural(c, per[c].get(m, 0)))} for c in ledgers]}
                for m in members]
        return {"as_of": as_of, "accounts": accounts, "members": rows}


class Scenario:
    """What a treasurer records, step by step, posted into the worked book as operations.md says."""

    def __init__(self, name, about, kind, group_name, chart, cash_unit=100):
        self.name, self.about, self.kind = name, about, kind
        self.group = {"kind": kind, "currency": "KHR", "name": group_name}
        self.book = Book(chart, "KHR")
        self.members, self.steps = [], []
        self.unit = minor(cash_unit)

    def member(self, name, gender):
        self.members.append({"id": len(self.members) + 1, "name": name, "gender": gender})
        return len(self.members)

    def op(self, why, body, lines=None, expect=None, closing=None, dated=None, remember=None):
        """One operation: its request, and the entries it must write (lines: [(code, member, cents)]), dated
        the operation's date unless `dated` says otherwise; `closing`: (date, lines) of a closing entry first."""
        if closing:
            self.book.post(closing[0], closing[1], closing=True)
        if lines:
            self.book.post(dated or body["date"], lines)
        step = {"why": why, "post": "operations", "body": body, "status": 201}
        if remember:
            step["remember"] = remember  # the replay keeps the operation's id under this name
        if expect is not None:
            step["expect"] = expect
        self.steps.append(step)
        self.check_cash(body["date"])

    def reverse(self, why, name, date, lines):
        """Reverses the operation remembered as `name`: every line of `lines` the other way, dated `date`."""
        self.book.post(date, [(c, m, -a) for c, m, a in lines])
        self.steps.append({"why": why, "post": "operations/{" + name + "}/reverse",
                           "body": {"date": date, "reason": why}, "status": 201})

    def check_cash(self, date):
        for code in ("1010", "1011", "1020"):
            if code in self.book.chart:
                assert self.book.balance(code) >= 0, (date, code, self.book.balance(code))

    def get(self, why, path, expect):
        self.steps.append({"why": why, "get": path, "expect": expect})

    def refused(self, why, body, status, code):
        """A request the API must refuse with `status` and `code`, writing nothing."""
        self.steps.append({"why": why, "post": "operations", "body": body, "status": status,
                           "error": {"code": code}, "writes_nothing": True})

    def books(self, why):
        self.steps.append({"why": why, "check": "books"})

    def write(self):
        return {"name": self.name, "about": self.about, "group": self.group, "members": self.members,
                "steps": self.steps}


def entry_lines(lines):
    """The lines of an entry as the API answers them (member_id on every line, null when none)."""
    out = []
    for code, member, amount in lines:
        side = "debit" if amount > 0 else "credit"
        out.append({"account": code, "member_id": member, side: money(abs(amount))})
    return out


# ---------------------------------------------------------------------------------------------------------
# Loans (operations.md, "Loans"): equal monthly instalments of principal, each due on the disbursement's day
# of the month, with that month's interest (flat on the principal, declining on what is left after the
# previous instalment), rounded half up; a repayment pays the interest due by its date, then principal.

def add_months(date, n):
    y, m, d = (int(x) for x in date.split("-"))
    m += n
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}-{d:02d}"


def half_up(num, den):
    return (2 * num + den) // (2 * den)


class Loan:
    def __init__(self, member, principal, months, rate, method, date):
        self.member, self.principal = member, principal
        step = principal // months
        assert step * months == principal, "the scenarios keep instalments whole"
        rate_num = int(Decimal(rate) * 100)  # per ten thousand
        self.schedule, left = [], principal
        for i in range(1, months + 1):
            base = principal if method == "flat" else left
            self.schedule.append((add_months(date, i), step, half_up(base * rate_num, 10000)))
            left -= step
        self.interest_paid = self.principal_paid = 0

    def repay(self, date, amount):
        due = sum(i for d, _, i in self.schedule if d <= date) - self.interest_paid
        interest = min(due, amount)
        principal = amount - interest
        assert principal <= self.principal - self.principal_paid, "overpayment"
        self.interest_paid += interest
        self.principal_paid += principal
        return interest, principal


# ---------------------------------------------------------------------------------------------------------
# (a) A rice cooperative in Svay Rieng over the fiscal year 2025.

FAMILY = ["Sok", "Chan", "Keo", "Meas", "Prak", "Chea", "Ly", "Nhem", "Ouk", "Pich"]
GIVEN = [("Dara", "m"), ("Sophea", "f"), ("Vanna", "m"), ("Bopha", "f"), ("Rith", "m"), ("Sreymom", "f")]


def coop_scenario():
    s = Scenario("svay_rieng_rice_cooperative",
                 "A rice cooperative in Svay Rieng, fiscal year 2025: 60 members buy share capital, fertiliser "
                 "on credit and seed for cash; the cooperative buys their paddy and sells it to a mill in "
                 "dollars, changes dollars into riel, lends to two members, and closes the year by its by-laws.",
                 "agri_cooperative", "Svay Rieng Rice Cooperative", COOP_CHART)
    b = s.book
    for i in range(60):
        given, gender = GIVEN[i % 6]
        s.member(f"{FAMILY[i // 6]} {given}", gender)
    members = [m["id"] for m in s.members]

    bylaws = {"effective_from": "2025-01-01", "reserve_percent": "10", "education_percent": "5",
              "dividend_cap_percent": "8", "patronage_percent": "40", "patronage_cash_percent": "60",
              "cash_unit": "100"}
    s.steps.append({"why": "the by-laws the general assembly adopted", "put": "bylaws", "body": bylaws,
                    "status": 201})

    capital = {}
    for m in members:
        capital[m] = 50000 * (1 + m % 6)
        s.op(f"member {m} buys share capital", {"type": "share_capital", "date": f"2025-01-{10 + m % 10:02d}",
                                                "member_id": m, "amount": str(capital[m]), "direction": "buy"},
             [("1010", None, minor(capital[m])), ("3010", m, -minor(capital[m]))])
        s.op(f"member {m} pays the entry fee", {"type": "entry_fee", "date": f"2025-01-{10 + m % 10:02d}",
                                                "member_id": m, "amount": "10000"},
             [("1010", None, minor(10000)), ("3020", m, -minor(10000))])
    # Member 60 leaves the cooperative's capital in March: share capital redeemed in part.
    s.op("member 60 redeems part of their share capital",
         {"type": "share_capital", "date": "2025-03-03", "member_id": 60, "amount": "50000", "direction": "redeem"},
         [("3010", 60, minor(50000)), ("1010", None, -minor(50000))])
    capital[60] -= 50000

    s.op("240 bags of urea on credit from the supplier",
         {"type": "input_purchase", "date": "2025-02-03", "supplier": "Svay Rieng Agro Supply", "item": "urea",
          "quantity": "240", "unit": "bag", "amount": "26400000", "on_credit": True},
         [("1200", None, minor(26400000)), ("2010", None, -minor(26400000))])
    s.op("1,500 kg of rice seed for cash",
         {"type": "input_purchase", "date": "2025-02-04", "supplier": "CARDI seed centre", "item": "rice seed",
          "quantity": "1500", "unit": "kg", "amount": "2700000"},
         [("1200", None, minor(2700000)), ("1010", None, -minor(2700000))])
    for m in members:
        if m % 4 != 0:
            bags = 1 + m % 5
            s.op(f"member {m} takes {bags} bags of urea on their account",
                 {"type": "input_sale", "date": f"2025-02-{10 + m % 15:02d}", "member_id": m, "item": "urea",
                  "quantity": str(bags), "unit": "bag", "amount": str(125000 * bags), "cost": str(110000 * bags),
                  "on_credit": True},
                 [("1110", m, minor(125000 * bags)), ("4010", m, -minor(125000 * bags)),
                  ("5010", m, minor(110000 * bags)), ("1200", None, -minor(110000 * bags))])
        if m % 3 == 0:
            kg = 30 + 5 * (m % 4)
            s.op(f"member {m} buys {kg} kg of seed for cash",
                 {"type": "input_sale", "date": f"2025-03-{1 + m % 20:02d}", "member_id": m, "item": "rice seed",
                  "quantity": str(kg), "unit": "kg", "amount": str(2200 * kg), "cost": str(1800 * kg)},
                 [("1010", None, minor(2200 * kg)), ("4010", m, -minor(2200 * kg)),
                  ("5010", m, minor(1800 * kg)), ("1200", None, -minor(1800 * kg))])
    wrong = [("1110", 9, minor(375000)), ("4010", 9, -minor(375000)), ("5010", 9, minor(330000)),
             ("1200", None, -minor(330000))]
    s.op("3 bags of urea written to member 9 by mistake",
         {"type": "input_sale", "date": "2025-02-20", "member_id": 9, "item": "urea", "quantity": "3", "unit": "bag",
          "amount": "375000", "cost": "330000", "on_credit": True}, wrong, remember="mistake")
    s.reverse("the bags were member 10's: the sale to member 9 reversed", "mistake", "2025-02-21", wrong)
    s.op("10 bags of urea sold to a neighbouring village for cash",
         {"type": "input_sale", "date": "2025-03-25", "buyer": "Kampong Chamlang village", "item": "urea",
          "quantity": "10", "unit": "bag", "amount": "1300000", "cost": "1100000"},
         [("1010", None, minor(1300000)), ("4010", None, -minor(1300000)),
          ("5010", None, minor(1100000)), ("1200", None, -minor(1100000))])
    s.op("an NGO grant into the bank",
         {"type": "grant", "date": "2025-03-01", "amount": "4000000", "to": "1020"},
         [("1020", None, minor(4000000)), ("4060", None, -minor(4000000))])
    s.op("cash drawn from the bank",
         {"type": "transfer", "date": "2025-03-28", "from": "1020", "to": "1010", "amount": "2000000"},
         [("1010", None, minor(2000000)), ("1020", None, -minor(2000000))])

    # Two member loans: 1,200,000 over 6 months at 2 % flat; 800,000 over 4 months at 1.5 % declining.
    loans = {}
    for n, (m, amount, months, rate, method, date) in enumerate(
            [(7, 1200000, 6, "2", "flat", "2025-04-01"), (31, 800000, 4, "1.5", "declining", "2025-04-05")], 1):
        loans[n] = Loan(m, minor(amount), months, rate, method, date)
        s.op(f"a loan to member {m}", {"type": "member_loan", "date": date, "member_id": m,
                                       "amount": str(amount), "months": months, "percent_per_month": rate,
                                       "method": method, "purpose": "hand tractor repair"},
             [("1100", m, minor(amount)), ("1010", None, -minor(amount))],
             expect={"loans": [{"loan_id": n, "member_id": m, "amount": money(minor(amount))}]})
    repayments = [(1, "2025-05-01", "224000"), (1, "2025-06-01", "224000"), (1, "2025-07-01", "224000"),
                  (1, "2025-09-01", "448000"), (2, "2025-05-05", "212000"), (2, "2025-06-05", "209000"),
                  (2, "2025-07-05", "206000"), (2, "2025-08-05", "203000")]
    for loan_id, date, amount in sorted(repayments, key=lambda r: r[1]):
        loan = loans[loan_id]
        interest, principal = loan.repay(date, minor(amount))
        lines = [("1010", None, minor(amount))]
        if interest:
            lines.append(("4040", loan.member, -interest))
        if principal:
            lines.append(("1100", loan.member, -principal))
        s.op(f"member {loan.member} repays loan {loan_id}",
             {"type": "loan_repayment", "date": date, "loan_id": loan_id, "amount": amount}, lines,
             expect={"entries": [{"lines": entry_lines(lines)}]})

    for m, amount in [(2, 300000), (11, 150000), (19, 100000), (40, 250000)]:
        s.op(f"member {m} deposits savings", {"type": "deposit", "date": "2025-05-20", "member_id": m,
                                              "amount": str(amount)},
             [("1010", None, minor(amount)), ("2030", m, -minor(amount))])
    s.op("member 11 withdraws savings", {"type": "withdrawal", "date": "2025-08-12", "member_id": 11,
                                         "amount": "50000"},
         [("2030", 11, minor(50000)), ("1010", None, -minor(50000))])
    for date, code, amount, memo in [("2025-06-15", "5040", 450000, "paddy store repairs"),
                                     ("2025-06-30", "5030", 1800000, "committee allowances, first half"),
                                     ("2025-09-10", "5080", 220000, "general assembly")]:
        s.op(memo, {"type": "expense", "date": date, "account": code, "amount": str(amount), "memo": memo},
             [(code, None, minor(amount)), ("1010", None, -minor(amount))])
    s.op("threshing service fees", {"type": "income", "date": "2025-10-20", "account": "4030",
                                    "amount": "650000"},
         [("1010", None, minor(650000)), ("4030", None, -minor(650000))])

    s.books("the books before the harvest")
    s.get("the trial balance at the end of September", "reports/trial-balance?as_of=2025-09-30",
          b.trial_balance("2025-09-30"))

    # The harvest: paddy from 50 members at 1,100 riel a kg, mostly on credit (paid once the mill pays).
    kg_bought = 0
    for m in members:
        if m % 6 == 5:
            continue
        kg = Decimal(1000 + (m * 137) % 1500) + (Decimal("0.5") if m % 7 == 0 else 0)
        kg_bought += kg
        amount = minor(kg * 1100)
        cash = m % 10 == 1
        body = {"type": "produce_purchase", "date": f"2025-11-{3 + m % 15:02d}", "member_id": m,
                "crop": "paddy (Phka Rumduol)", "quantity_kg": str(kg), "price_per_kg": "1100"}
        if not cash:
            body["on_credit"] = True
        s.op(f"paddy bought from member {m}", body,
             [("5020", m, amount), ("1010" if cash else "2020", None if cash else m, -amount)])
    # 60,000 kg to a mill in dollars at $0.30, at 4,080 riel a dollar; the rest to a local miller in riel.
    usd = minor(60000 * Decimal("0.30"))
    khr = usd * 4080
    sale = [("1011", None, usd), ("3901", None, -usd), ("3900", None, khr), ("4020", None, -khr)]
    s.op("60,000 kg of paddy sold to a mill in dollars",
         {"type": "produce_sale", "date": "2025-11-25", "buyer": "Battambang Rice Mill", "crop": "paddy",
          "quantity_kg": "60000", "price_per_kg": "0.30", "currency": "USD", "rate": "4080"}, sale,
         expect={"entries": [{"lines": entry_lines(sale), "metadata": {"rate": "4080"}}]})
    rest = kg_bought - 60000
    s.op("the rest of the paddy sold to a local miller",
         {"type": "produce_sale", "date": "2025-11-28", "buyer": "Svay Chrum miller", "crop": "paddy",
          "quantity_kg": str(rest), "price_per_kg": "1300"},
         [("1010", None, minor(rest * 1300)), ("4020", None, -minor(rest * 1300))])
    exchange = [("1010", None, minor(65440000)), ("3900", None, -minor(65440000)),
                ("3901", None, minor(16000)), ("1011", None, -minor(16000))]
    s.op("16,000 dollars changed into riel at 4,090",
         {"type": "exchange", "date": "2025-11-29", "from": {"account": "1011", "amount": "16000"},
          "to": {"account": "1010", "amount": "65440000"}}, exchange,
         expect={"entries": [{"lines": entry_lines(exchange)}]})
    s.op("1,000 dollars into the dollar bank account",
         {"type": "transfer", "date": "2025-11-30", "from": "1011", "to": "1021", "amount": "1000"},
         [("1021", None, minor(1000)), ("1011", None, -minor(1000))])
    buy_dollars = [("1011", None, minor(500)), ("3901", None, -minor(500)), ("3900", None, minor(2052500)),
                   ("1010", None, -minor(2052500))]
    s.op("500 dollars bought with riel at 4,105 for the seed importer",
         {"type": "exchange", "date": "2025-12-02", "from": {"account": "1010", "amount": "2052500"},
          "to": {"account": "1011", "amount": "500"}}, buy_dollars,
         expect={"entries": [{"lines": entry_lines(buy_dollars)}]})
    for m, owed in sorted(b.member_nets("2020").items()):
        s.op(f"member {m} is paid for their paddy",
             {"type": "pay_member", "date": "2025-12-01", "member_id": m},
             [("2020", m, -owed), ("1010", None, owed)])
    for m, owed in sorted(b.member_nets("1110").items()):
        if m % 8 == 3:
            continue  # these still owe for their fertiliser at the year end
        part = owed if m % 5 else owed // 2
        s.op(f"member {m} pays for their fertiliser",
             {"type": "collect_member", "date": "2025-12-05", "member_id": m, "amount": money(part)},
             [("1010", None, part), ("1110", m, -part)])
    s.op("the paddy carried to the mill",
         {"type": "expense", "date": "2025-12-10", "account": "5040", "amount": "380000",
          "memo": "transport of paddy to the mill"},
         [("5040", None, minor(380000)), ("1010", None, -minor(380000))])
    s.op("committee allowances, second half",
         {"type": "expense", "date": "2025-12-28", "account": "5030", "amount": "1800000"},
         [("5030", None, minor(1800000)), ("1010", None, -minor(1800000))])
    s.op("next year's seed bought in January",
         {"type": "input_purchase", "date": "2026-01-08", "supplier": "CARDI seed centre", "item": "rice seed",
          "quantity": "500", "unit": "kg", "amount": "950000"},
         [("1200", None, minor(950000)), ("1010", None, -minor(950000))])

    year_end = "2025-12-31"
    s.books("the books at the year end, before it is closed")
    s.get("the trial balance on 31 December", f"reports/trial-balance?as_of={year_end}",
          b.trial_balance(year_end))
    s.get("the balance sheet on 31 December, by member", f"reports/balance-sheet?as_of={year_end}&members=true",
          b.balance_sheet(year_end, True))
    s.get("the income statement of 2025", "reports/income-statement?from=2025-01-01&to=2025-12-31",
          b.income_statement("2025-01-01", year_end))
    s.get("member balances on 31 December", f"reports/member-balances?as_of={year_end}",
          b.member_balances(year_end, members))

    sheet = appropriation(b, bylaws, "6", 2025)
    s.get("the appropriation previewed with a 6 % dividend", "reports/appropriation?year=2025&dividend_percent=6",
          dict(sheet, recorded=False))
    s.refused("a dividend above the by-laws' cap",
              {"type": "year_end", "date": "2026-01-15", "year": 2025, "dividend_percent": "8.5"},
              422, "limit_exceeded")
    closing, appropriated = year_end_entries(b, sheet, year_end)
    s.op("the year end: closing entry and appropriation",
         {"type": "year_end", "date": "2026-01-15", "year": 2025, "dividend_percent": "6"}, appropriated,
         closing=(year_end, closing), dated=year_end,
         expect={"entries": [{"date": year_end, "lines": entry_lines(closing)},
                             {"date": year_end, "lines": entry_lines(appropriated)}],
                 "appropriation": {k: sheet[k] for k in ("surplus", "reserve", "education", "dividends",
                                                          "patronage_pool", "total", "left_over")}})
    s.refused("the closed year refuses a back-dated expense",
              {"type": "expense", "date": "2025-12-30", "account": "5080", "amount": "10000"}, 409,
              "period_closed")
    s.op("member 1 is paid their dividend", {"type": "pay_member", "date": "2026-01-20", "member_id": 1,
                                             "account": "2060"},
         [("2060", 1, b.member_nets("2060")[1] * -1), ("1010", None, b.member_nets("2060")[1])])
    refund_cash = b.member_nets("2050")
    first = min(refund_cash)
    s.op(f"member {first} is paid the cash part of their patronage refund",
         {"type": "pay_member", "date": "2026-01-20", "member_id": first, "account": "2050"},
         [("2050", first, -refund_cash[first]), ("1010", None, refund_cash[first])])

    s.op("member 5 takes 100 kg of seed on their account in 2026",
         {"type": "input_sale", "date": "2026-02-02", "member_id": 5, "item": "rice seed", "quantity": "100",
          "unit": "kg", "amount": "230000", "cost": "190000", "on_credit": True},
         [("1110", 5, minor(230000)), ("4010", 5, -minor(230000)), ("5010", 5, minor(190000)),
          ("1200", None, -minor(190000))])
    s.op("threshing service fees of the dry season", {"type": "income", "date": "2026-02-05", "account": "4030",
                                                     "amount": "1200000"},
         [("1010", None, minor(1200000)), ("4030", None, -minor(1200000))])
    s.op("member 12 buys more share capital in 2026",
         {"type": "share_capital", "date": "2026-02-03", "member_id": 12, "amount": "100000", "direction": "buy"},
         [("1010", None, minor(100000)), ("3010", 12, -minor(100000))])

    s.books("the books after the year end and later postings")
    s.get("the appropriation as recorded", "reports/appropriation?year=2025", dict(sheet, recorded=True))
    s.get("the annual report of 2025", "reports/annual?year=2025", annual(b, sheet, 2025))
    preview = appropriation(b, bylaws, "5", 2026)
    s.get("the open year 2026 previewed with a 5 % dividend", "reports/annual?year=2026&dividend_percent=5",
          annual(b, dict(preview, recorded=False), 2026, closed=False))
    s.get("the balance sheet on 31 December after the appropriation",
          f"reports/balance-sheet?as_of={year_end}&members=true", b.balance_sheet(year_end, True))
    s.get("the trial balance after the later postings", "reports/trial-balance", b.trial_balance())
    s.get("member balances at the end of January", "reports/member-balances?as_of=2026-01-31",
          b.member_balances("2026-01-31", members))
    return s


def year_business(book, year):
    """operations.md: each member's business in the year, inputs bought from the cooperative (4010) and
    produce sold to it (5020), from the lines that name them (closing entries left out)."""
    business = defaultdict(int)
    for l in book.lines:
        if l["member"] is None or l["closing"] or not l["date"].startswith(str(year)):
            continue
        if l["code"] == "4010":
            business[l["member"]] -= l["amount"]
        if l["code"] == "5020":
            business[l["member"]] += l["amount"]
    return business


def appropriation(book, bylaws, dividend_percent, year):
    end = f"{year}-12-31"
    nets = book.nets(end)
    surplus = -sum(nets[c] for c, (t, cur, _) in book.chart.items() if t in ("income", "expense") and not cur)
    unit = minor(bylaws["cash_unit"])
    capital = {m: -v for m, v in book.member_nets("3010", end).items() if v < 0}
    business = {m: v for m, v in year_business(book, year).items() if v > 0}
    pool = percent_of(surplus, bylaws["patronage_percent"])
    units = largest_remainder(pool // unit, business)
    rows = []
    for m in sorted(set(capital) | set(business)):
        refund = units.get(m, 0) * unit
        cash = percent_of(refund, bylaws["patronage_cash_percent"])
        cash -= cash % unit
        rows.append({"member_id": m, "share_capital": money(capital.get(m, 0)),
                     "dividend": money(percent_of(capital.get(m, 0), dividend_percent)),
                     "business": money(business.get(m, 0)), "refund": money(refund),
                     "refund_cash": money(cash), "refund_retained": money(refund - cash)})
    reserve = percent_of(surplus, bylaws["reserve_percent"])
    education = percent_of(surplus, bylaws["education_percent"])
    dividends = sum(minor(r["dividend"]) for r in rows)
    refunds = sum(minor(r["refund"]) for r in rows)
    total = reserve + education + dividends + refunds
    assert total <= surplus
    return {"year": year, "dividend_percent": dividend_percent, "surplus": money(surplus),
            "reserve": money(reserve), "education": money(education), "dividends": money(dividends),
            "patronage_pool": money(pool), "refunds": money(refunds), "total": money(total),
            "left_over": money(surplus - total), "total_business": money(sum(business.values())),
            "members": rows}


def year_end_entries(book, sheet, end):
    """The closing entry (income and expenses into 3060) and the appropriation out of 3060."""
    nets = book.nets(end)
    closing = []
    for c in sorted(book.chart):
        t, cur, _ = book.chart[c]
        if t in ("income", "expense") and not cur and nets[c]:
            closing.append((c, None, -nets[c]))
    closing.append(("3060", None, -sum(a for _, _, a in closing)))
    lines = [("3060", None, minor(sheet["total"])), ("3030", None, -minor(sheet["reserve"])),
             ("3040", None, -minor(sheet["education"]))]
    for r in sheet["members"]:  # member by member: dividend, the refund's cash part, its retained part
        for code, field in (("2060", "dividend"), ("2050", "refund_cash"), ("3050", "refund_retained")):
            if minor(r[field]):
                lines.append((code, r["member_id"], -minor(r[field])))
    return closing, lines


def annual(book, sheet, year, closed=True):
    start, end = f"{year}-01-01", f"{year}-12-31"
    opening, closing = book.nets(f"{year - 1}-12-31"), book.nets(end)
    equity = []
    for c in sorted(book.chart):
        t, cur, member_ledger = book.chart[c]
        if t != "equity":
            continue
        if member_ledger:
            before, after = book.member_nets(c, f"{year - 1}-12-31"), book.member_nets(c, end)
            for m in sorted(set(before) | set(after)):
                o, e = -before.get(m, 0), -after.get(m, 0)
                equity.append({"code": c, "member_id": m, "opening": money(o), "change": money(e - o),
                               "closing": money(e)})
        elif opening[c] or closing[c]:
            o, e = -opening[c], -closing[c]
            equity.append({"code": c, "member_id": None, "opening": money(o), "change": money(e - o),
                           "closing": money(e)})
    return {"year": year, "currency": "KHR", "closed": closed,
            "financial_position": book.balance_sheet(end, True),
            "income_statement": book.income_statement(start, end),
            "appropriation": dict(sheet, recorded=closed),
            "changes_in_equity": equity, "patronage": sheet["members"], "appropriation_refused": None}


# ---------------------------------------------------------------------------------------------------------
# (b) The Kamen village cashew joint-task committee over two harvests (2025 and 2026).

KAMEN = [("Rith", "m"), ("Bopha", "f"), ("Kosal", "m"), ("Sreyneang", "f"), ("Vuthy", "m"), ("Chanthou", "f"),
         ("Samnang", "m"), ("Leakhena", "f"), ("Phearun", "m"), ("Sokunthea", "f"), ("Borey", "m"),
         ("Malis", "f")]


def joint_task_scenario():
    s = Scenario("kamen_cashew_committee",
                 "The Kamen village committee that works the cashew trees on the commune land: two harvests, "
                 "labour paid by the work day, a sale in dollars, and each harvest's net income shared by the "
                 "committee's decision: village development fund, reinvestment, and members by work days.",
                 "joint_task", "Kamen village cashew committee", JOINT_TASK_CHART)
    b = s.book
    b.sales = []  # (date, crop, currency, kg, amount) of every harvest sale
    for name, gender in KAMEN:
        s.member(f"{name} Kamen", gender)
    members = [m["id"] for m in s.members]
    days = []  # (date, member, days) of every labour expense

    def labour(date, memo, worked, wage=25000):
        total = sum(d for _, d in worked)
        days.extend((date, m, d) for m, d in worked)
        s.op(memo, {"type": "expense", "date": date, "account": "5010", "amount": str(total * wage),
                    "memo": memo, "work_days": [{"member_id": m, "days": d} for m, d in worked]},
             [("5010", None, minor(total * wage)), ("1010", None, -minor(total * wage))])

    def expense(date, code, amount, memo):
        s.op(memo, {"type": "expense", "date": date, "account": code, "amount": str(amount), "memo": memo},
             [(code, None, minor(amount)), ("1010", None, -minor(amount))])

    def sale(date, crop, kg, price, buyer, rate=None):
        body = {"type": "harvest_sale", "date": date, "crop": crop, "quantity_kg": str(kg),
                "price_per_kg": str(price), "buyer": buyer}
        amount = minor(Decimal(str(kg)) * Decimal(str(price)))
        if rate:
            body.update(currency="USD", rate=str(rate))
            lines = [("1011", None, amount), ("3901", None, -amount), ("3900", None, amount * rate),
                     ("4010", None, -amount * rate)]
        else:
            lines = [("1010", None, amount), ("4010", None, -amount)]
        b.sales.append((date, crop, "USD" if rate else "KHR", Decimal(str(kg)), amount))
        s.op(f"{kg} kg of {crop} sold to {buyer}", body, lines,
             expect={"entries": [{"lines": entry_lines(lines)}]})
        return amount

    allocations = []

    def allocate(date, decision, village_fund, reinvest, members_amount, work_from, work_to):
        nets = b.nets(date)
        closing = [(c, None, -nets[c]) for c in sorted(b.chart)
                   if b.chart[c][0] in ("income", "expense") and not b.chart[c][1] and nets[c]]
        closing.append(("3060", None, -sum(a for _, _, a in closing)))
        b.post(date, closing, closing=True)
        surplus = b.balance("3060", date)
        weights = defaultdict(int)
        for d, m, n in days:
            if work_from <= d <= work_to:
                weights[m] += n
        units = largest_remainder(minor(members_amount) // s.unit, dict(weights))
        total = minor(village_fund) + minor(reinvest) + sum(units.values()) * s.unit
        assert total <= surplus
        lines = [("3060", None, total), ("3010", None, -minor(village_fund)), ("3020", None, -minor(reinvest))]
        lines += [("2020", m, -units[m] * s.unit) for m in sorted(units) if units[m]]
        record = {"date": date, "decision": decision, "surplus": money(surplus),
                  "village_fund": money(minor(village_fund)), "reinvest": money(minor(reinvest)),
                  "members_amount": money(minor(members_amount)), "split": "work_days",
                  "work_from": work_from, "work_to": work_to,
                  "members": [{"member_id": m, "weight": weights[m], "amount": money(units[m] * s.unit)}
                              for m in sorted(weights)]}
        allocations.append(record)
        s.op(f"the committee's allocation: {decision}",
             {"type": "allocation", "date": date, "decision": decision, "village_fund": str(village_fund),
              "reinvest": str(reinvest), "members": {"amount": str(members_amount), "split": "work_days",
                                                     "from": work_from, "to": work_to}},
             lines, expect={"surplus": money(surplus),
                            "entries": [{"lines": entry_lines(closing)}, {"lines": entry_lines(lines)}]})
        return record

    s.op("the commune's grant to start the season",
         {"type": "grant", "date": "2025-01-06", "amount": "3000000"},
         [("1010", None, minor(3000000)), ("4060", None, -minor(3000000))])
    labour("2025-01-20", "weeding under the trees", [(m, 1 + m % 3) for m in members])
    expense("2025-02-10", "5020", 640000, "fertiliser and seedlings for gaps")
    expense("2025-02-25", "5030", 180000, "sprayer repair")
    labour("2025-03-12", "picking, first week", [(m, 3 + (m * 5) % 4) for m in members if m != 4])
    sale("2025-03-20", "cashew (raw nuts)", 3200, 4300, "Kamen village trader")
    labour("2025-03-24", "picking, second week", [(m, 2 + m % 4) for m in members if m % 5 != 0])
    usd = sale("2025-04-02", "cashew (raw nuts)", Decimal("1500.5"), Decimal("1.10"), "Tay Ninh exporter", 4050)
    exchange = [("1010", None, usd * 4060), ("3900", None, -usd * 4060), ("3901", None, usd),
                ("1011", None, -usd)]
    s.op("the dollars changed into riel at 4,060",
         {"type": "exchange", "date": "2025-04-05", "from": {"account": "1011", "amount": money(usd)},
          "to": {"account": "1010", "amount": money(usd * 4060)}}, exchange,
         expect={"entries": [{"lines": entry_lines(exchange)}]})
    labour("2025-04-10", "drying and sorting", [(m, 1) for m in members if m % 2 == 1])
    expense("2025-04-12", "5080", 95000, "sacks")
    s.books("the books before the first allocation")
    allocate("2025-04-20", "Committee minutes 2025/3", 3000000, 1500000, 6543250, "2025-01-01", "2025-04-20")
    owed = b.member_nets("2020")  # credit balances: negative
    s.op("the members' shares of the first harvest paid out",
         {"type": "pay_distribution", "date": "2025-04-25"},
         [("2020", m, -v) for m, v in sorted(owed.items())] + [("1010", None, sum(owed.values()))])

    # After the first harvest: pruning and tools, still 2025 - the second harvest's costs.
    expense("2025-10-15", "5030", 250000, "pruning saws")
    labour("2025-11-10", "pruning", [(m, 2) for m in members if m % 3 != 0])
    s.books("the books at the end of 2025")
    s.get("the harvest report of 2025: the first harvest and the open one",
          "reports/harvest?year=2025", harvest_report(b, allocations, 2025))
    s.get("the trial balance at the end of 2025", "reports/trial-balance?as_of=2025-12-31",
          b.trial_balance("2025-12-31"))
    s.get("the balance sheet at the end of 2025", "reports/balance-sheet?as_of=2025-12-31",
          b.balance_sheet("2025-12-31"))
    s.get("the income statement of 2025", "reports/income-statement?from=2025-01-01&to=2025-12-31",
          b.income_statement("2025-01-01", "2025-12-31"))

    labour("2026-01-25", "weeding", [(m, 2 + m % 2) for m in members])
    expense("2026-02-08", "5020", 420000, "fertiliser")
    labour("2026-03-10", "picking", [(m, 4 + m % 3) for m in members if m != 7])
    sale("2026-03-18", "cashew (raw nuts)", 2800, 4600, "Kamen village trader")
    sale("2026-03-30", "cashew (raw nuts)", 1200, Decimal("1.25"), "Tay Ninh exporter", 4070)
    sale("2026-04-02", "cashew apples", 600, 500, "Svay Teab market")
    s.books("the books before the second allocation")
    allocate("2026-04-15", "Committee minutes 2026/2", 2500000, 1000000, 5000000, "2025-04-21", "2026-04-15")
    owed = b.member_nets("2020")
    s.op("member 2's share of the second harvest paid",
         {"type": "pay_distribution", "date": "2026-04-18", "member_id": 2},
         [("2020", 2, -owed[2]), ("1010", None, owed[2])])
    s.books("the books after the second harvest")
    s.get("the harvest report of 2026", "reports/harvest?year=2026", harvest_report(b, allocations, 2026))
    s.get("the harvest report of 2025 again, unchanged by 2026", "reports/harvest?year=2025",
          harvest_report(b, allocations, 2025))
    s.get("the trial balance after the second harvest", "reports/trial-balance", b.trial_balance())
    s.get("the balance sheet after the second harvest, by member",
          "reports/balance-sheet?as_of=2026-04-30&members=true", b.balance_sheet("2026-04-30", True))
    s.get("the income statement of the second harvest", "reports/income-statement?from=2025-04-21&to=2026-04-15",
          b.income_statement("2025-04-21", "2026-04-15"))
    s.get("member balances after the second harvest", "reports/member-balances?as_of=2026-04-30",
          b.member_balances("2026-04-30", members))
    return s


def harvest_report(book, allocations, year):
    first, last = f"{year}-01-01", f"{year}-12-31"
    sales_log = book.sales

    def sales(frm, to):
        by = defaultdict(lambda: [Decimal(0), 0])
        for d, crop, cur, kg, amount in sales_log:
            if (frm is None or d >= frm) and d <= to:
                by[(crop, cur)][0] += kg
                by[(crop, cur)][1] += amount
        return [{"crop": c, "currency": cur, "quantity_kg": kg_text(v[0]), "amount": money(v[1])}
                for (c, cur), v in sorted(by.items())]

    harvests, previous = [], None
    for a in allocations:
        if a["date"] > last:
            break
        if a["date"] >= first:
            frm = day_after(previous) if previous else None
            harvests.append({"from": frm, "to": a["date"], "allocation": a, "sales": sales(frm, a["date"]),
                             "income_statement": book.income_statement(frm, a["date"])})
        previous = a["date"]
    if previous is None or previous < last:
        frm = day_after(previous) if previous else None
        open_one = {"from": frm, "to": last, "allocation": None, "sales": sales(frm, last),
                    "income_statement": book.income_statement(frm, last)}
        if open_one["sales"] or any(c["income"] or c["expenses"] for c in open_one["income_statement"]["currencies"]):
            harvests.append(open_one)
    in_year = [a for a in allocations if first <= a["date"] <= last]
    return {"year": year, "currency": "KHR", "harvests": harvests,
            "year_totals": {"sales": sales(first, last), "income_statement": book.income_statement(first, last),
                            "village_fund": money(sum(minor(a["village_fund"]) for a in in_year)),
                            "reinvest": money(sum(minor(a["reinvest"]) for a in in_year)),
                            "members": money(sum(minor(m["amount"]) for a in in_year for m in a["members"]))}}


def day_after(date):
    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=1)).isoformat()


def kg_text(kg):
    """1500.50 -> "1500.5", 3200 -> "3200": a quantity without trailing zeros."""
    return format(kg.normalize(), "f")


def main():
    outputs = {}
    for scenario in (coop_scenario(), joint_task_scenario()):
        text = json.dumps(scenario.write(), indent=1, ensure_ascii=False) + "\n"
        outputs[os.path.join(HERE, scenario.name + ".json")] = text
    if "--check" in sys.argv:
        stale = [p for p, t in outputs.items() if not os.path.exists(p) or open(p, encoding="utf-8").read() != t]
        for p in stale:
            print(f"{p} is not what worked.py works out: run tests/scenarios/coop/worked.py", file=sys.stderr)
        return 1 if stale else 0
    for p, t in outputs.items():
        with open(p, "w", encoding="utf-8") as f:
            f.write(t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
