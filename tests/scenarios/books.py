"""A savings group's books worked plainly, for the golden scenarios (worked.py writes them).

This is the hand calculation, written out so it can be re-run: it follows operations.md and product.md
("Share-out arithmetic") line by line and shares no code with the service. Amounts are integers of minor
units (KHR has two decimals: 5000 riel is 500000); dates are datetime.date; ratios are 4-place strings.
"""
import calendar
import datetime

D = datetime.date


def day(text):
    return D.fromisoformat(text)


def fmt(minor):
    """Minor units as the API writes money: "5000.00", "-12.50"."""
    sign = "-" if minor < 0 else ""
    minor = abs(minor)
    return f"{sign}{minor // 100}.{minor % 100:02d}"


def riel(text):
    """ "5000" or "12.50" riel as minor units."""
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def ratio(n, d):
    """n / d to 4 places, half up, as the reports write ratios; 0.0000 when d is 0."""
    if d == 0:
        return "0.0000"
    neg = (n < 0) != (d < 0)
    n, d = abs(n), abs(d)
    scaled = (n * 10000 * 2 + d) // (d * 2)
    text = f"{scaled // 10000}.{scaled % 10000:04d}"
    return "-" + text if neg and scaled else text


def plus_months(start, k):
    """The same day k months on, or that month's last day when it is shorter."""
    y, m = divmod(start.month - 1 + k, 12)
    year, month = start.year + y, m + 1
    return D(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def interest_on(amount, rate_e4):
    """amount × rate (percent in ten-thousandths), half up to the minor unit."""
    return (amount * rate_e4 + 500000) // 1000000


def schedule(loan):
    """[(due, principal, interest)]: equal instalments, the last takes the remainder; flat interest on the
    principal, declining on what is left after the previous instalment."""
    n = loan["months"]
    each = loan["principal"] // n
    left = loan["principal"]
    out = []
    for k in range(1, n + 1):
        p = each if k < n else left
        base = loan["principal"] if loan["method"] == "flat" else left
        out.append((plus_months(loan["disbursed"], k), p, interest_on(base, loan["rate"])))
        left -= p
    return out


def position(loan, on):
    """Where a loan stands at the end of a day (operations.md, "Loans")."""
    pays = [p for p in loan["payments"] if p["date"] <= on]
    interest_paid = sum(p["interest"] for p in pays)
    principal_paid = sum(p["principal"] for p in pays if p["kind"] != "write_off")
    written_off = sum(p["principal"] for p in pays if p["kind"] == "write_off")
    outstanding = max(loan["principal"] - principal_paid - written_off, 0)
    pos = dict(outstanding=outstanding, interest_due=0, principal_paid=principal_paid,
               interest_paid=interest_paid, written_off=written_off, next_due=None, days=0, status="open")
    if outstanding == 0:
        pos["status"] = "written_off" if written_off else "repaid"
        return pos
    paid = principal_paid + interest_paid
    cumulative, interest_scheduled = 0, 0
    for due, p, i in schedule(loan):
        cumulative += p + i
        if due <= on:
            interest_scheduled += i
        if pos["next_due"] is None and cumulative > paid:
            # The oldest instalment not yet covered, and what is still short of it.
            pos["next_due"] = (due, cumulative - paid)
            if due <= on:
                pos["days"] = (on - due).days
    pos["interest_due"] = max(interest_scheduled - interest_paid, 0)
    return pos


def split(loan, on, amount):
    """A repayment: the interest due on or before its date first, then principal."""
    pos = position(loan, on)
    assert 0 < amount <= pos["outstanding"] + pos["interest_due"], "overpayment in the worked scenario"
    interest = min(amount, pos["interest_due"])
    return interest, amount - interest


def largest_remainder(units, weights):
    """product.md: floor(T·w/W) each, then one unit each to the largest (T·w) mod W, ties to the lower id."""
    total = sum(weights.values())
    got = {m: units * w // total for m, w in weights.items()}
    left = units - sum(got.values())
    order = sorted(weights, key=lambda m: (-(units * weights[m] % total), m))
    for m in order[:left]:
        got[m] += 1
    return got


class Books:
    """One group's journal (as lines), loans, share purchases, meetings and cycles."""

    def __init__(self, currency="KHR"):
        self.currency = currency
        self.lines = []  # dict(date, op, type, code, member, amount: debit positive, closing)
        self.members = {}
        self.loans = {}
        self.purchases = []  # (op, date, member, cycle, shares)
        self.meetings = []  # (op, date, {member: attendance})
        self.cycles = {}
        self.next_op = 1
        self.entries = 0  # entries posted so far: each post() is one entry
        self.next_loan = 1
        self.next_cycle = 1

    # --- the journal -------------------------------------------------------------------------------
    def post(self, on, op, kind, *lines, closing=False):
        assert sum(a for _, _, a in lines) == 0, "unbalanced worked entry"
        self.entries += 1
        for code, member, amount in lines:
            if amount:
                self.lines.append(dict(date=on, op=op, type=kind, code=code, member=member, amount=amount,
                                       closing=closing, entry=self.entries))

    def balance(self, code, member="any", on=None):
        """Debit-positive balance of an account (all members, or one: None for the lines without)."""
        return sum(l["amount"] for l in self.lines if l["code"] == code and (on is None or l["date"] <= on)
                   and (member == "any" or l["member"] == member))

    def member_balance(self, code, member, on=None):
        """A member ledger's balance for one member (lines on it always name the member)."""
        return self.balance(code, member, on)

    def new_op(self):
        op = self.next_op
        self.next_op += 1
        return op

    # --- members and cycles ---------------------------------------------------------------------------
    def add_member(self, mid, name, gender, joined_on=None):
        self.members[mid] = dict(id=mid, name=name, gender=gender, joined_on=joined_on, left_on=None)

    def active(self, mid, on):
        m = self.members[mid]
        return (m["joined_on"] is None or m["joined_on"] <= on) and (m["left_on"] is None or m["left_on"] > on)

    def start_cycle(self, on, settings):
        op = self.new_op()
        cid = self.next_cycle
        self.next_cycle += 1
        self.cycles[cid] = dict(id=cid, start=on, closed_on=None, settings=[(on, dict(settings))])
        return op, cid

    def change_settings(self, cid, on, changes):
        op = self.new_op()
        s = dict(self.settings(cid, on))
        s.update(changes)
        self.cycles[cid]["settings"].append((on, s))
        return op

    def settings(self, cid, on):
        found = self.cycles[cid]["settings"][0][1]
        for start, s in self.cycles[cid]["settings"]:
            if start <= on:
                found = s
        return found

    def cycle_on(self, on):
        for c in self.cycles.values():
            if c["start"] <= on and (c["closed_on"] is None or on <= c["closed_on"]):
                return c["id"]
        return None

    def open_cycle(self):
        return next(c["id"] for c in self.cycles.values() if c["closed_on"] is None)

    # --- operations ------------------------------------------------------------------------------------
    def meeting(self, on, members, single=None):
        """The meeting of operations.md (or, with `single`, one of its movements between meetings):
        returns (op, loans made, cash after)."""
        cid = self.open_cycle()
        s = self.settings(cid, on)
        op = self.new_op()
        kind = single or "meeting"
        shares, social, fines, repay, lend, grants = [], [], [], [], [], []
        made, attendance = [], {}
        for m in members:
            mid = m["member_id"]
            assert self.active(mid, on)
            if m.get("shares"):
                amount = m["shares"] * s["share_value"]
                shares.append(("3010", mid, -amount))
                self.purchases.append((op, on, mid, cid, m["shares"]))
            if m.get("social_fund"):
                social.append(("3030", mid, -s["social_fund"]))
            for code in m.get("fines", []):
                fines.append(("4020", mid, -s["fines"][code]))
            if "fine_amount" in m:
                fines.append(("4020", mid, -m["fine_amount"]))
            for r in m.get("repay", []):
                loan = self.loans[r["loan_id"]]
                interest, principal = split(loan, on, r["amount"])
                loan["payments"].append(dict(date=on, interest=interest, principal=principal, kind="repayment",
                                             op=op))
                repay += [("4010", mid, -interest), ("1100", mid, -principal)]
            if "loan" in m:
                l = m["loan"]
                pos = [position(x, on) for x in self.loans.values() if x["member"] == mid and x["cycle"] == cid]
                assert all(p["days"] == 0 for p in pos), "a loan while in arrears in the worked scenario"
                savings = -self.member_balance("3010", mid) + sum(-a for _, x, a in shares if x == mid)
                assert sum(p["outstanding"] for p in pos) + l["amount"] <= s["loan_multiple"] * savings
                lid = self.next_loan
                self.next_loan += 1
                self.loans[lid] = dict(id=lid, member=mid, cycle=cid, op=op, principal=l["amount"], disbursed=on,
                                       months=l["months"], rate=s["rate"], method=s["method"],
                                       purpose=l.get("purpose", ""), payments=[])
                lend.append(("1100", mid, l["amount"]))
                made.append(dict(loan_id=lid, member_id=mid, amount=fmt(l["amount"])))
            if "grant" in m:
                grants.append(("3030", mid, m["grant"]))
            if single is None:
                attendance[mid] = m.get("attendance", "present")
        if single is None:
            for mid in self.members:
                if self.active(mid, on) and mid not in attendance:
                    attendance[mid] = "absent"
            self.meetings.append((op, on, attendance))
        # One entry each, in the planner's order: shares, social fund, fines, repayments, loans, grants.
        for group, box, sign in ((shares, "1010", 1), (social, "1020", 1), (fines, "1010", 1),
                                 (repay, "1010", 1), (lend, "1010", -1), (grants, "1020", -1)):
            total = -sum(a for _, _, a in group)
            if any(a for _, _, a in group):
                self.post(on, op, kind, (box, None, total), *group)
        loan_fund, social_fund = self.balance("1010"), self.balance("1020")
        assert loan_fund >= 0 and social_fund >= 0
        return op, made, dict(loan_fund=fmt(loan_fund), social_fund=fmt(social_fund))

    def opening(self, on, members, cash, rates):
        """opening_balances: one entry of the cash in each box and the loans outstanding against the shares to
        date and the social fund (the 1020 cash), the rest undistributed surplus (3020); each paper loan keeps
        its terms, and what was repaid on paper (principal less outstanding, the interest due before the day)
        counts as paid that day."""
        cid = self.open_cycle()
        s = self.settings(cid, on)
        op = self.new_op()
        lines, made = [], []
        for box, code in (("loan_fund", "1010"), ("social_fund", "1020"), ("bank", "1030")):
            lines.append((code, None, cash.get(box, 0)))
        for m in members:
            mid = m["member_id"]
            for l in m.get("loans", []):
                lid = self.next_loan
                self.next_loan += 1
                rate, method = rates.get(lid, (s["rate"], s["method"]))
                loan = dict(id=lid, member=mid, cycle=cid, op=op, principal=l["principal"], disbursed=l["disbursed_on"],
                            months=l["months"], rate=rate, method=method, purpose="", payments=[])
                before = sum(i for due, _, i in schedule(loan) if due < on)
                if l["principal"] > l["outstanding"] or before:
                    loan["payments"].append(dict(date=on, interest=before, principal=l["principal"] - l["outstanding"],
                                                 kind="paper", op=op))
                self.loans[lid] = loan
                lines.append(("1100", mid, l["outstanding"]))
                made.append(dict(loan_id=lid, member_id=mid, outstanding=fmt(l["outstanding"])))
            lines.append(("3010", mid, -m["shares"] * s["share_value"]))
            self.purchases.append((op, on, mid, cid, m["shares"]))
        lines.append(("3030", None, -cash.get("social_fund", 0)))
        lines.append(("3020", None, -sum(a for _, _, a in lines)))
        self.post(on, op, "opening_balances", *lines)
        return op, made

    def expense(self, on, account, amount):
        op = self.new_op()
        self.post(on, op, "expense", (account, None, amount), ("1010", None, -amount))
        return op

    def income(self, on, account, amount):
        op = self.new_op()
        self.post(on, op, "income", ("1010", None, amount), (account, None, -amount))
        return op

    def transfer(self, on, source, target, amount):
        op = self.new_op()
        self.post(on, op, "transfer", (target, None, amount), (source, None, -amount))
        return op

    def write_off(self, on, lid):
        op = self.new_op()
        loan = self.loans[lid]
        left = position(loan, on)["outstanding"]
        self.post(on, op, "loan_write_off", ("5020", loan["member"], left), ("1100", loan["member"], -left))
        loan["payments"].append(dict(date=on, interest=0, principal=left, kind="write_off", op=op))
        return op, left

    def offsets_of(self, mid, on):
        """Each open loan of the member: (loan, interest due, principal outstanding) on the day."""
        out = []
        for loan in self.loans.values():
            if loan["member"] == mid:
                pos = position(loan, on)
                if pos["status"] == "open":
                    out.append((loan, pos["interest_due"], pos["outstanding"]))
        return out

    def member_exit(self, on, mid):
        """Paid the shares at value, after the loans (principal and interest due) are offset."""
        op = self.new_op()
        offsets = self.offsets_of(mid, on)
        interest = sum(i for _, i, _ in offsets)
        principal = sum(p for _, _, p in offsets)
        savings = -self.member_balance("3010", mid)
        owed = interest + principal
        assert owed <= savings
        if owed:
            self.post(on, op, "member_exit", ("2020", mid, owed), ("4010", mid, -interest), ("1100", mid, -principal))
        self.post(on, op, "member_exit", ("3010", mid, savings), ("2020", mid, -savings))
        cash = savings - owed
        if cash:
            self.post(on, op, "member_exit", ("2020", mid, cash), ("1010", None, -cash))
        for loan, i, p in offsets:
            loan["payments"].append(dict(date=on, interest=i, principal=p, kind="offset", op=op))
        self.members[mid]["left_on"] = on
        return op, dict(member_id=mid, payout=fmt(savings), offset=fmt(owed), paid_in_cash=fmt(cash))

    def sheet(self, on, unit, extra_interest=0):
        """product.md's share-out at the end of a day: F = 3010 + 3020 + 3040 + income − expenses, never
        3030; T = floor(F / U) units by the largest remainder over the 3010 balances."""
        fund = -sum(l["amount"] for l in self.lines if l["date"] <= on and
                    (l["code"] in ("3010", "3020", "3040") or l["code"][0] in "45")) + extra_interest
        weights = {}
        for mid in sorted(self.members):
            w = -self.member_balance("3010", mid, on)
            if w:
                weights[mid] = w
        units = largest_remainder(fund // unit, weights)
        payouts = {m: u * unit for m, u in units.items()}
        return dict(fund=fund, weights=weights, payouts=payouts, residual=fund - sum(payouts.values()))

    def preview_json(self, on, unit):
        s = self.sheet(on, unit)
        return dict(as_of=str(on), currency=self.currency, fund=fmt(s["fund"]), cash_unit=fmt(unit),
                    total_weight=fmt(sum(s["weights"].values())),
                    members=[dict(member_id=m, weight=fmt(w), payout=fmt(s["payouts"][m]))
                             for m, w in s["weights"].items()],
                    residual=fmt(s["residual"]))

    def share_out(self, on, reinvest):
        """operations.md, "Share-out": offsets, the closing entry, payouts, cash and reinvestment, the seal."""
        cid = self.open_cycle()
        s = self.settings(cid, on)
        op = self.new_op()
        offsets = {}
        for mid in self.members:
            for loan, i, p in self.offsets_of(mid, on):
                offsets.setdefault(mid, []).append((loan, i, p))
        extra = sum(i for o in offsets.values() for _, i, _ in o)
        sheet = self.sheet(on, s["cash_unit"], extra)
        rows = []
        everyone = sorted(set(sheet["weights"]) | set(offsets) | set(reinvest))
        offset_lines = []  # one entry for every loan offset
        for mid in everyone:
            interest = sum(i for _, i, _ in offsets.get(mid, []))
            principal = sum(p for _, _, p in offsets.get(mid, []))
            payout = sheet["payouts"].get(mid, 0)
            assert interest + principal <= payout
            shares = reinvest.get(mid, 0)
            reinvested = shares * s["share_value"]
            cash = payout - interest - principal - reinvested
            assert cash >= 0
            if interest + principal:
                offset_lines += [("2020", mid, interest + principal), ("4010", mid, -interest),
                                 ("1100", mid, -principal)]
            for loan, i, p in offsets.get(mid, []):
                loan["payments"].append(dict(date=on, interest=i, principal=p, kind="offset", op=op))
            rows.append(dict(member_id=mid, weight=fmt(sheet["weights"].get(mid, 0)), payout=fmt(payout),
                             offset=fmt(interest + principal), reinvested=fmt(reinvested), reinvested_shares=shares,
                             paid_in_cash=fmt(cash)))
        if offset_lines:
            self.post(on, op, "share_out", *offset_lines)
        # The closing entry: income and expenses into 3020.
        closing = []
        for code in sorted({l["code"] for l in self.lines if l["code"][0] in "45"}):
            net = self.balance(code, on=on)
            closing.append((code, None, -net))
        if any(a for _, _, a in closing):
            self.post(on, op, "share_out", *closing, ("3020", None, -sum(a for _, _, a in closing)), closing=True)
        # Payouts: 3010, 3020 and 3040 give the fund less the residual to 2020.
        payout_lines = [("3010", m, w) for m, w in sheet["weights"].items()]
        payout_lines.append(("3020", None, -self.balance("3020", on=on)))
        payout_lines.append(("3040", None, -self.balance("3040", on=on) - sheet["residual"]))
        payout_lines += [("2020", m, -p) for m, p in sheet["payouts"].items()]
        self.post(on, op, "share_out", *payout_lines)
        # One entry pays the cash out of the loan fund's box, one buys the reinvested shares.
        cash_lines = [("2020", row["member_id"], riel(row["paid_in_cash"])) for row in rows]
        total_cash = sum(a for _, _, a in cash_lines)
        if total_cash:
            self.post(on, op, "share_out", *cash_lines, ("1010", None, -total_cash))
        reinvest_lines = []
        for row in rows:
            mid, reinvested = row["member_id"], riel(row["reinvested"])
            reinvest_lines += [("2020", mid, reinvested), ("3010", mid, -reinvested)]
        if any(a for _, _, a in reinvest_lines):
            self.post(on, op, "share_out", *reinvest_lines)
        assert total_cash <= self.balance("1010", on=on) + total_cash, "the loan fund cannot pay the share-out"
        self.cycles[cid]["closed_on"] = on
        next_cycle = None
        if any(reinvest.values()):
            next_cycle = self.next_cycle
            self.next_cycle += 1
            self.cycles[next_cycle] = dict(id=next_cycle, start=on + datetime.timedelta(days=1), closed_on=None,
                                           settings=[(on + datetime.timedelta(days=1), dict(s))])
            for mid, shares in reinvest.items():
                self.purchases.append((op, on, mid, next_cycle, shares))
        sheet_json = dict(as_of=str(on), currency=self.currency, fund=fmt(sheet["fund"]), cash_unit=fmt(s["cash_unit"]),
                          total_weight=fmt(sum(sheet["weights"].values())), residual=fmt(sheet["residual"]),
                          members=rows)
        return op, dict(share_out=sheet_json, members=rows, cycle_id=cid, next_cycle_id=next_cycle)

    # --- reports --------------------------------------------------------------------------------------
    def loan_json(self, loan, on):
        p = position(loan, on)
        return dict(id=loan["id"], member_id=loan["member"], cycle_id=loan["cycle"], operation_id=loan["op"],
                    principal=fmt(loan["principal"]), currency=self.currency, disbursed_on=str(loan["disbursed"]),
                    months=loan["months"],
                    interest=dict(percent_per_month=rate_text(loan["rate"]), method=loan["method"]),
                    purpose=loan["purpose"], outstanding=fmt(p["outstanding"]), interest_due=fmt(p["interest_due"]),
                    principal_paid=fmt(p["principal_paid"]), interest_paid=fmt(p["interest_paid"]),
                    written_off=fmt(p["written_off"]),
                    next_due=None if p["next_due"] is None else dict(date=str(p["next_due"][0]),
                                                                     amount=fmt(p["next_due"][1])),
                    days_in_arrears=p["days"], status=p["status"])

    def loan_detail_json(self, lid, on):
        loan = self.loans[lid]
        out = self.loan_json(loan, on)
        p = position(loan, on)
        paid = p["principal_paid"] + p["interest_paid"]
        cumulative, rows = 0, []
        for k, (due, principal, interest) in enumerate(schedule(loan), start=1):
            cumulative += principal + interest
            rows.append(dict(number=k, due=str(due), principal=fmt(principal), interest=fmt(interest),
                             paid=paid >= cumulative))
        out["schedule"] = rows
        out["payments"] = [dict(date=str(x["date"]), interest=fmt(x["interest"]), principal=fmt(x["principal"]),
                                kind=x["kind"], operation_id=x["op"]) for x in loan["payments"] if x["date"] <= on]
        out["as_of"] = str(on)
        return out

    def loans_json(self, on):
        return dict(items=[self.loan_json(l, on) for l in self.loans.values() if l["disbursed"] <= on],
                    next_cursor=None, as_of=str(on))

    def portfolio(self, on):
        cid = self.cycle_on(on)
        buckets = dict(current=0, **{"1_30": 0, "31_60": 0, "61_90": 0, "over_90": 0})
        loans, outstanding, late30, late_any, written_off = [], 0, 0, 0, 0
        for loan in self.loans.values():
            if loan["cycle"] != cid or loan["disbursed"] > on:
                continue
            p = position(loan, on)
            written_off += p["written_off"]
            if p["status"] != "open":
                continue
            outstanding += p["outstanding"]
            d = p["days"]
            key = "current" if d == 0 else "1_30" if d <= 30 else "31_60" if d <= 60 else "61_90" if d <= 90 else "over_90"
            buckets[key] += p["outstanding"]
            late30 += p["outstanding"] if d > 30 else 0
            late_any += p["outstanding"] if d > 0 else 0
            loans.append(self.loan_json(loan, on))
        return dict(as_of=str(on), currency=self.currency, cycle_id=cid, loans=loans, outstanding=fmt(outstanding),
                    buckets={k: fmt(v) for k, v in buckets.items()}, par30=ratio(late30, outstanding),
                    par_any=ratio(late_any, outstanding), written_off=fmt(written_off)), (outstanding, buckets)

    def passbook(self, mid, cid):
        """One row per meeting the member was recorded at and per other operation naming them."""
        c = self.cycles[cid]
        start, end = c["start"], c["closed_on"]
        before = start - datetime.timedelta(days=1)
        savings = -self.member_balance("3010", mid, before)
        outstanding = self.member_balance("1100", mid, before)
        shares_total = sum(s for op, d, m, cy, s in self.purchases if m == mid and cy == cid and d < start)
        rows = {}

        def row(on, op):
            return rows.setdefault((on, op), dict(date=str(on), operation_id=op, type="", attendance=None,
                                                  shares_bought=0, moved=0, social_fund=0, fines=0, loan_taken=0,
                                                  repaid_principal=0, repaid_interest=0, grant=0, written_off=0))

        for op, on, att in self.meetings:
            if start <= on and (end is None or on <= end) and mid in att:
                r = row(on, op)
                r["type"], r["attendance"] = "meeting", att[mid]
        for l in self.lines:
            if l["member"] != mid or l["date"] < start or (end is not None and l["date"] > end):
                continue
            r = row(l["date"], l["op"])
            r["type"] = r["type"] or l["type"]
            a = l["amount"]
            if l["code"] == "3010":
                r["moved"] -= a
            elif l["code"] == "3030":
                r["social_fund" if a < 0 else "grant"] += abs(a)
            elif l["code"] == "4020":
                r["fines"] -= a
            elif l["code"] == "4010":
                r["repaid_interest"] -= a
            elif l["code"] == "1100":
                if a > 0:
                    r["loan_taken"] += a
                elif l["type"] == "loan_write_off":
                    r["written_off"] -= a
                else:
                    r["repaid_principal"] -= a
        for op, on, m, cy, s in self.purchases:
            if m == mid and cy == cid and on >= start:
                row(on, op)["shares_bought"] += s
        out, totals = [], dict(shares_bought=0, social_fund=0, fines=0, loan_taken=0, repaid_principal=0,
                               repaid_interest=0, grant=0, written_off=0)
        for key in sorted(rows):
            r = rows[key]
            shares_total += r["shares_bought"]
            savings += r.pop("moved")
            outstanding += r["loan_taken"] - r["repaid_principal"] - r["written_off"]
            for k in totals:
                totals[k] += r[k]
            out.append(dict(date=r["date"], operation_id=r["operation_id"], type=r["type"], attendance=r["attendance"],
                            shares_bought=r["shares_bought"], shares_total=shares_total, savings=fmt(savings),
                            **{k: fmt(r[k]) for k in ("social_fund", "fines", "loan_taken", "repaid_principal",
                                                      "repaid_interest", "grant", "written_off")},
                            loan_outstanding=fmt(outstanding)))
        t = {k: (v if k == "shares_bought" else fmt(v)) for k, v in totals.items()}
        t.update(shares_total=shares_total, savings=fmt(savings), loan_outstanding=fmt(outstanding))
        return dict(member=dict(id=mid, name=self.members[mid]["name"],
                                joined_on=str(self.members[mid]["joined_on"]) if self.members[mid]["joined_on"] else None,
                                left_on=str(self.members[mid]["left_on"]) if self.members[mid]["left_on"] else None),
                    cycle=dict(id=cid, status="closed" if end else "open", start=str(start),
                               closed_on=str(end) if end else None),
                    currency=self.currency, rows=out, totals=t)

    def summary(self, cid, on):
        """The cycle summary (SAVIX style) of an open cycle at the end of `on`."""
        c = self.cycles[cid]
        start = c["start"]
        active = [m for m in self.members if self.active(m, on)]
        women = [m for m in active if self.members[m]["gender"] == "female"]
        joined = [m for m, x in self.members.items() if x["joined_on"] and start <= x["joined_on"] <= on]
        left = [m for m, x in self.members.items() if x["left_on"] and start <= x["left_on"] <= on]
        meetings = [(op, d, att) for op, d, att in self.meetings if start <= d <= on]
        expected = sum(len(att) for _, _, att in meetings)
        attended = sum(1 for _, _, att in meetings for a in att.values() if a != "absent")
        port, (outstanding, buckets) = self.portfolio(on)
        cash = self.balance("1010", on=on)
        assets = sum(self.balance(code, on=on) for code in ("1010", "1020", "1030", "1100"))
        moved = [l for l in self.lines if start <= l["date"] <= on and not l["closing"]]
        fines = -sum(l["amount"] for l in moved if l["code"] == "4020")
        interest = -sum(l["amount"] for l in moved if l["code"] == "4010")
        other = -sum(l["amount"] for l in moved if l["code"][0] == "4" and l["code"] not in ("4010", "4020"))
        expenses = sum(l["amount"] for l in moved if l["code"][0] == "5")
        social = [l for l in moved if l["code"] == "3030" and l["type"] != "opening_balances"]
        net = fines + interest + other - expenses
        savings = -self.balance("3010", on=on)
        days = (on - start).days + 1
        return dict(cycle_id=cid, start=str(start), closed_on=None, as_of=str(on), currency=self.currency,
                    members_registered=len(active), women=len(women), members_joined=len(joined),
                    members_left=len(left), meetings_held=len(meetings), attendance_rate=ratio(attended, expected),
                    savings=fmt(savings), loans_outstanding_number=len(port["loans"]),
                    loans_outstanding_value=fmt(outstanding), late_loan_balance=fmt(outstanding - buckets["current"]),
                    par30=port["par30"], write_offs=port["written_off"], loan_fund_cash=fmt(cash),
                    social_fund_cash=fmt(self.balance("1020", on=on)), bank=fmt(self.balance("1030", on=on)),
                    loan_fund_use=ratio(outstanding, outstanding + cash), fines=fmt(fines),
                    interest_earned=fmt(interest), other_income=fmt(other), expenses=fmt(expenses),
                    net_income=fmt(net), return_on_savings=ratio(net, savings),
                    annualised_return_on_assets=ratio(net * 365, assets * days),
                    social_fund_in=fmt(-sum(l["amount"] for l in social if l["amount"] < 0)),
                    social_fund_out=fmt(sum(l["amount"] for l in social if l["amount"] > 0)),
                    social_fund_held=fmt(-self.balance("3030", on=on)),
                    projected_share_out=fmt(self.sheet(on, self.settings(cid, on)["cash_unit"])["fund"]))

    def trial_balance(self, on=None):
        codes = sorted({l["code"] for l in self.lines})
        rows, debit, credit = [], 0, 0
        for code in codes:
            b = self.balance(code, on=on)
            if b:
                rows.append(dict(code=code, debit=fmt(max(b, 0)), credit=fmt(max(-b, 0))))
                debit += max(b, 0)
                credit += max(-b, 0)
        return dict(currencies=[dict(currency=self.currency, rows=rows, total_debit=fmt(debit),
                                     total_credit=fmt(credit))])

    # --- the ledger reports of api.md -----------------------------------------------------------------
    def natural(self, code, on=None, lines=None):
        """An account's balance in its natural sign: debit-positive for assets and expenses, credit-positive
        for liabilities, equity and income."""
        b = sum(l["amount"] for l in (self.lines if lines is None else lines)
                if l["code"] == code and (on is None or l["date"] <= on))
        return b if code[0] in "15" else -b

    def balance_sheet(self, on):
        """Accounts with a balance by code in each section; income less expenses not yet closed is the
        current result, a last row of equity; assets = liabilities + equity."""
        codes = sorted({l["code"] for l in self.lines if l["date"] <= on})
        sections = {}
        for name, digit in (("assets", "1"), ("liabilities", "2"), ("equity", "3")):
            rows = [dict(code=c, balance=fmt(self.natural(c, on))) for c in codes
                    if c[0] == digit and self.natural(c, on)]
            sections[name] = dict(rows=rows, total=sum(self.natural(c, on) for c in codes if c[0] == digit))
        result = sum(self.natural(c, on) for c in codes if c[0] == "4") - sum(
            self.natural(c, on) for c in codes if c[0] == "5")
        sections["equity"]["rows"].append(dict(code=None, kind="current_result", balance=fmt(result)))
        sections["equity"]["total"] += result
        assert sections["assets"]["total"] == sections["liabilities"]["total"] + sections["equity"]["total"]
        out = dict(currency=self.currency, current_result=fmt(result),
                   total_liabilities_and_equity=fmt(sections["liabilities"]["total"] + sections["equity"]["total"]))
        for name, s in sections.items():
            out[name] = dict(rows=s["rows"], total=fmt(s["total"]))
        return dict(as_of=str(on), currencies=[out])

    def income_statement(self, start, end):
        """What each income and expense account moved from `start` to `end`, the closing entries left out."""
        moved = [l for l in self.lines if start <= l["date"] <= end and not l["closing"]]
        codes = sorted({l["code"] for l in moved if l["code"][0] in "45"})
        income = [(c, self.natural(c, lines=moved)) for c in codes if c[0] == "4"]
        expenses = [(c, self.natural(c, lines=moved)) for c in codes if c[0] == "5"]
        income, expenses = [(c, a) for c, a in income if a], [(c, a) for c, a in expenses if a]
        total_in, total_out = sum(a for _, a in income), sum(a for _, a in expenses)
        return dict(**{"from": str(start)}, to=str(end), currencies=[dict(
            currency=self.currency, income=[dict(code=c, amount=fmt(a)) for c, a in income],
            expenses=[dict(code=c, amount=fmt(a)) for c, a in expenses], total_income=fmt(total_in),
            total_expenses=fmt(total_out), net_result=fmt(total_in - total_out))])

    def entry_member(self, entry):
        """The one member an entry's lines name, or None when they name none or several."""
        named = {l["member"] for l in self.lines if l["entry"] == entry and l["member"] is not None}
        return dict(id=named.pop()) if len(named) == 1 else None

    def cash_book(self, code, start, end):
        """Each movement of a cash account from `start` to `end` in date and entry order, with the running
        balance after it."""
        opening = sum(l["amount"] for l in self.lines if l["code"] == code and l["date"] < start)
        moves = sorted((l for l in self.lines if l["code"] == code and start <= l["date"] <= end),
                       key=lambda l: (l["date"], l["entry"]))
        running, rows = opening, []
        for l in moves:
            running += l["amount"]
            rows.append(dict(date=str(l["date"]), member=self.entry_member(l["entry"]), **{
                "in": fmt(max(l["amount"], 0)), "out": fmt(max(-l["amount"], 0))}, balance=fmt(running)))
        return dict(account=dict(code=code), currency=self.currency, opening=fmt(opening),
                    total_in=fmt(sum(l["amount"] for l in moves if l["amount"] > 0)),
                    total_out=fmt(-sum(l["amount"] for l in moves if l["amount"] < 0)), closing=fmt(running),
                    lines=rows)

    def member_balances(self, on):
        """Every member by id, their balance on each member ledger of the chart (1100, 2020, 3010)."""
        ledgers = ("1100", "2020", "3010")
        sign = {"1100": 1, "2020": -1, "3010": -1}

        def of(code, mid):
            return sign[code] * self.balance(code, mid, on)

        left = {m: x["left_on"] for m, x in self.members.items()}
        return dict(as_of=str(on),
                    accounts=[dict(code=c, total=fmt(sum(of(c, m) for m in self.members))) for c in ledgers],
                    members=[dict(id=m, left_on=str(left[m]) if left[m] else None,
                                  balances=[dict(code=c, balance=fmt(of(c, m))) for c in ledgers])
                             for m in sorted(self.members)])


def rate_text(rate_e4):
    whole, frac = divmod(rate_e4, 10000)
    return str(whole) if frac == 0 else f"{whole}.{frac:04d}".rstrip("0")
