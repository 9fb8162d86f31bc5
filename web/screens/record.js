// What was recorded: the list of operations, one operation as a record (a meeting as a page of what each
// member did, printable on A4; a share-out with its sheet and seal), and reversing one with a reason.
import { has, localName, t } from "../i18n.js";
import { addAmounts, addDays, date, isZero, money, number, timestamp, today } from "../format.js";
import { canWrite } from "../session.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, link, onSubmit, table, printButton, buttonLink } from "../ui.js";
import { all, group, members, accounts, byId, heading, nameNode, memberLabel, cycles } from "../books.js";
import { operationTypes, opTitle, fieldLabel } from "./operation.js";
import { linesTable } from "./entry.js";
import { sealBox } from "./periods.js";

const who = (people, id) => { const m = people.get(String(id)); return m ? nameNode(m) : h("span", { text: memberLabel(null, number(id)) }); };

// Per member, what the operation's lines moved (operations attribute every line to its member).
const COLUMNS = { shares: ["3010", "credit"], social: ["3030", "credit"], fines: ["4020", "credit"], repaid: ["1100", "credit"],
  interest: ["4010", "credit"], loan: ["1100", "debit"], grant: ["3030", "debit"] };
function perMember(op) {
  const out = new Map();
  for (const line of op.entries.flatMap((e) => e.lines)) {
    if (!line.member_id) continue;
    const row = out.get(line.member_id) || out.set(line.member_id, {}).get(line.member_id);
    for (const [key, [code, side]] of Object.entries(COLUMNS))
      if (line.account === code && line[side]) row[key] = addAmounts([row[key] || "0", line[side]]);
  }
  return out;
}

// The meeting as the minute book has it: a line per member, then the totals and the cash after it.
function meetingRecord(op, g, people) {
  const asked = new Map(op.request.members.map((m) => [m.member_id, m]));
  const moved = perMember(op);
  const present = (m) => (!m.joined_on || m.joined_on <= op.date) && (!m.left_on || m.left_on > op.date);
  const rows = [...people.values()].filter((m) => asked.has(m.id) || present(m)).sort((a, b) => a.id - b.id);
  const cash = (v) => ({ num: true, text: v && !isZero(v) ? money(v, g.currency) : "" });
  const sum = (key) => addAmounts(rows.map((m) => moved.get(m.id)?.[key] || "0"));
  const shares = rows.reduce((n, m) => n + (asked.get(m.id)?.shares || 0), 0);
  const body = rows.map((m) => {
    const a = asked.get(m.id) || { attendance: "absent" };
    const x = moved.get(m.id) || {};
    return [{ node: nameNode(m) }, t(`attendance.${a.attendance || "present"}`), { num: true, text: a.shares ? number(a.shares) : "" },
      cash(x.shares), cash(x.social), cash(x.fines), cash(addAmounts([x.repaid || "0", x.interest || "0"])), cash(x.loan)];
  });
  body.push([{ node: h("strong", { text: t("total") }) }, "", { num: true, text: number(shares) }, cash(sum("shares")), cash(sum("social")),
    cash(sum("fines")), cash(addAmounts([sum("repaid"), sum("interest")])), cash(sum("loan"))]);
  const sheet = table([t("member"), t("attendance"), { text: t("shares"), num: true }, { text: t("savings"), num: true },
    { text: t("social_fund"), num: true }, { text: t("fines"), num: true }, { text: t("repaid"), num: true }, { text: t("passbook.loan_taken"), num: true }],
  body, "table.report.record");
  sheet.querySelector("tbody tr:last-child").className = "total";
  return [
    h("p.lead", { text: t("came_of", { n: number(rows.filter((m) => (asked.get(m.id)?.attendance || "absent") !== "absent").length), of: number(rows.length) }) }),
    h("div.scroll-x", {}, sheet),
    op.cash && h("ul.balances", {},
      h("li", {}, h("span", { text: t("loan_fund_box") }), h("strong.num", { text: money(op.cash.loan_fund, g.currency) })),
      h("li", {}, h("span", { text: t("social_fund_box") }), h("strong.num", { text: money(op.cash.social_fund, g.currency) }))),
  ];
}

// The seal of the closed cycle first, large, to copy into the minute book; then the share-out sheet
// (columns that are empty for everyone left out).
function shareOutRecord(op, g, people) {
  const columns = [["payout", "payout"], ["offset", "offset"], ["reinvested_shares", "reinvested_shares"], ["paid_in_cash", "paid_in_cash"]]
    .filter(([key]) => op.members.some((m) => !isZero(m[key])));
  const cell = (key, v) => ({ num: true, text: isZero(v) ? "" : key === "reinvested_shares" ? number(v) : money(v, g.currency) });
  return [
    ...sealBox(g, op.seal),
    h("div.scroll-x", {}, table([t("member"), ...columns.map(([, label]) => ({ text: t(label), num: true }))],
      op.members.map((m) => [{ node: who(people, m.member_id) }, ...columns.map(([key]) => cell(key, m[key]))]), "table.report")),
    h("p", { text: t("residual", { amount: money(op.share_out.residual, g.currency) }) }),
  ];
}

// Any other operation: its fields as the form had them; an object's fields after its own label, a list of
// members' days as "name: n".
function facts(op, g, people, type, list, cycleList) {
  const spec = (name) => type?.fields.find((f) => f.name === name);
  const fine = (code) => (cycleList.find((c) => c.id === op.cycle_id) || cycleList.at(-1))?.fines.find((f) => f.code === code);
  const account = (code) => list.find((a) => a.code === code);
  const shown = (name, v, f, currency = g.currency) => {
    if (name === "fine" && fine(v)) return h("span", { text: `${localName(fine(v))} · ${money(fine(v).amount, g.currency)}` });
    if (name === "member_id") return who(people, v);
    if (name === "loan_id") return link(`/g/${g.id}/loans/${v}`, t("loan_number", { id: number(v) }));
    if (["account", "from", "to", "via"].includes(name) && account(v)) return h("span", { text: localName(account(v)) });
    if (name === "currency") return h("span", { text: has(`currency.${v}`) ? t(`currency.${v}`) : v });
    if (typeof v === "boolean") return h("span", { text: t(v ? "yes" : "no") });
    if (f?.type === "choice" && has(`choice.${v}`)) return h("span", { text: t(`choice.${v}`) });
    if (f?.type === "date") return h("span", { text: date(v) });
    if (/^\d+(\.\d+)?$/.test(String(v)) && f?.type === "amount") return h("span", { text: money(v, currency) });
    if (/quantity|rate|percent/.test(name) && /^\d+(\.\d+)?$/.test(String(v))) return h("span", { text: number(v) });
    return h("span", { translate: "no", text: String(v) });
  };
  const part = (name, v) => {
    const f = spec(name);
    if (Array.isArray(v)) return h("span", { text: v.map((row) => `${memberLabel(people.get(String(row.member_id)), number(row.member_id))}: ${number(row.days ?? "")}`).join(" · ") });
    if (v && typeof v === "object") {
      const currency = account(v.account)?.currency || g.currency;
      return h("span.parts", {}, Object.entries(v).map(([k, x]) => shown(k, x, f?.fields?.find((y) => y.name === k), currency)));
    }
    return shown(name, v, f, name === "price_per_kg" && op.request.currency ? op.request.currency : g.currency);
  };
  const plain = (v) => typeof v !== "object" || (Array.isArray(v) ? v.every((row) => row.member_id) : Object.values(v).every((x) => typeof x !== "object"));
  const pairs = Object.entries(op.request).filter(([k, v]) => !["type", "date", "memo"].includes(k) && plain(v));
  for (const k of ["payout", "offset", "paid_in_cash"]) if (op[k] !== undefined) pairs.push([k, op[k]]);
  return h("dl.facts", {}, pairs.flatMap(([k, v]) => [h("dt", { text: spec(k) ? fieldLabel(spec(k)) : t(`field.${k}`) }),
    h("dd", {}, ["payout", "offset", "paid_in_cash"].includes(k) ? money(v, g.currency) : part(k, v))]));
}

const loadOperation = (ctx) => all({ group: group(ctx), members: members(ctx), types: operationTypes(ctx), accounts: accounts(ctx),
  cycles: cycles(ctx), op: ctx.api(`/groups/${ctx.params.gid}/operations/${ctx.params.id}`) });

export const operationRecord = {
  name: "operation-record",
  roles: ["admin", "staff", "treasurer"],
  load: loadOperation,
  render({ group: g, members: list, types, accounts: codes, cycles: cycleList, op }) {
    const people = byId(list);
    // A year end closes the year with a seal: the seal first, to copy into the minutes.
    const other = () => [op.seal && sealBox(g, op.seal), facts(op, g, people, types.find((o) => o.type === op.type), codes, cycleList)];
    const body = op.type === "meeting" ? meetingRecord(op, g, people)
      : op.type === "share_out" ? shareOutRecord(op, g, people) : other();
    return [
      ...heading(g, `${opTitle(op, types)} · ${date(op.date)}`, `/g/${g.id}/operations`, t("history")),
      op.memo && h("p.memo-big", { translate: "no", text: op.memo }),
      op.reverses && h("p.note", {}, link(`/g/${g.id}/operations/${op.reverses}`, t("reverses_operation")), op.reason && h("span", { translate: "no", text: ` — ${op.reason}` })),
      op.reversed_by && h("p.note.warn", {}, h("span", { text: t("operation_reversed") }), " ", link(`/g/${g.id}/operations/${op.reversed_by}`, t("see_reversal"))),
      body,
      h("dl.facts", {}, h("dt", { text: t("recorded_by") }), h("dd", {}, h("span", { translate: "no", text: op.created_by }), ` · ${timestamp(op.created_at)}`)),
      op.type === "meeting" && h("p.print-only.signatures", { text: t("signatures") }),
      h("details.no-print", {}, h("summary", { text: t("entries_made", { n: number(op.entries.length) }) }),
        op.entries.map((e) => [h("p", {}, link(`/g/${g.id}/entries/${e.id}`, t("entry_number", { seq: number(e.seq) }))),
          linesTable({ entry: e, accounts: codes, members: list })])),
      h("div.buttons.no-print", {}, printButton(),
        canWrite() && !op.reversed_by && !["reversal", "share_out", "year_end"].includes(op.type) && buttonLink(`/g/${g.id}/operations/${op.id}/reverse`, t("reverse_operation"), "a.button.danger")),
    ];
  },
};

export const reverseOperation = {
  name: "reverse-operation",
  roles: ["admin", "treasurer"],
  load: loadOperation,
  render({ group: g, members: list, types, op }, ctx) {
    const back = `/g/${g.id}/operations/${op.id}`;
    const head = heading(g, t("reverse_operation"), back, `${opTitle(op, types)} · ${date(op.date)}`);
    if (op.reversed_by) return [...head, h("p", { text: t("operation_reversed") })];
    ctx.send ??= onceWriter();
    const form = h("form.card", {},
      h("p", { text: t("reverse_operation_explain") }),
      field("reason", t("reason"), { multiline: true, input: { rows: 3, maxlength: 500 } }),
      field("date", t("reversal_date"), { value: today(), input: { type: "date", max: today() } }),
      h("div.buttons", {}, h("button.danger", { type: "submit", text: t("reverse_confirm") }), h("a.button.quiet", { href: "#" + back, text: t("cancel") })));
    return [...head, onSubmit(form, async (v) => {
      const reversal = await ctx.send(`/groups/${g.id}/operations/${op.id}/reverse`, { reason: v.reason.trim(), date: v.date || undefined }, { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("operation_reversed_done"));
      go(`/g/${g.id}/operations/${reversal.id}`, { replace: true });
    }, {
      validate: (v) => (v.reason.trim() ? {} : { reason: t("reason_required") }),
      fieldOf: (e) => (["invalid_date", "period_closed"].includes(e.code) ? "date" : null),
      errors: { members: list, currency: g.currency },
    })];
  },
};

// One line of a list of operations: when, what, who or how many came, and whether it was reversed.
export const operationItem = (g, op, types, people, list) => h("li", {}, h("a.entry", { href: `#/g/${g.id}/operations/${op.id}` },
  h("span.entry-top", {}, h("span", { text: date(op.date) }), h("strong", { text: opTitle(op, types) })),
  op.type === "meeting" ? h("span.memo", { text: t("came_of", { n: number(op.request.members.filter((m) => m.attendance !== "absent").length),
    of: number(list.filter((m) => !m.left_on || m.left_on > op.date).length) }) })
    : op.request.member_id && h("span.memo", {}, who(people, op.request.member_id)),
  (op.reversed_by || op.reverses) && h("span.badge", { text: t(op.reversed_by ? "reversed" : "reversal") })));

// The operations of thirty days, newest first (?to= pages back); each opens its record.
export const history = {
  name: "history",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => {
    const to = ctx.query.get("to") || today();
    return all({ group: group(ctx), members: members(ctx), types: operationTypes(ctx), to,
      ops: ctx.api(`/groups/${ctx.params.gid}/operations?from=${addDays(to, -30)}&to=${to}&limit=1000`).then((o) => o.items.reverse()) });
  },
  render({ group: g, members: list, types, to, ops }) {
    const people = byId(list);
    return [
      ...heading(g, t("history")),
      h("p.lead", { text: t("from_to", { from: date(addDays(to, -30)), to: date(to) }) }),
      ops.length ? h("ul.entries", {}, ops.map((op) => operationItem(g, op, types, people, list)))
        : h("p", { text: t("no_entries") }),
      buttonLink(`/g/${g.id}/operations?to=${addDays(to, -31)}`, t("earlier"), "a.button.quiet"),
    ];
  },
};
