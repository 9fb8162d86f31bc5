// One entry: when, what, by whom, each line with its account and member, and its reversal link. The
// treasurer can reverse it (a new entry that undoes it; nothing is ever erased).
import { localName, t } from "../i18n.js";
import { date, money, number, timestamp } from "../format.js";
import { canWrite } from "../session.js";
import { h, link, table, buttonLink } from "../ui.js";
import { all, group, accounts, members, byId, heading, nameNode, memberLabel } from "../books.js";

export const loadEntry = (ctx) => all({
  group: group(ctx),
  entry: ctx.api(`/groups/${ctx.params.gid}/entries/${ctx.params.id}`),
  accounts: accounts(ctx),
  members: members(ctx),
});

// The entry's lines as a table: account (and member), debit, credit.
export function linesTable({ entry, accounts: list, members: people }) {
  const byCode = new Map(list.map((a) => [a.code, a]));
  const memberOf = byId(people);
  return table([t("account"), { text: t("debit"), num: true }, { text: t("credit"), num: true }], entry.lines.map((line) => {
    const account = byCode.get(line.account) || { code: line.account, name: line.account };
    const member = line.member_id && memberOf.get(String(line.member_id));
    return [
      { node: h("span", {}, h("span", { text: localName(account) }),
          line.member_id && (member ? nameNode(member, "small.member") : h("small.member", { text: memberLabel(null, number(line.member_id)) }))) },
      { num: true, text: line.debit ? money(line.debit, line.currency) : "" },
      { num: true, text: line.credit ? money(line.credit, line.currency) : "" },
    ];
  }), "table.lines");
}

export function entrySummary(loaded) {
  const { group: g, entry } = loaded;
  return [
    h("p.memo-big", { translate: "no", text: entry.memo || "—" }),
    h("dl.facts", {},
      h("dt", { text: t("date") }), h("dd", { text: date(entry.date) }),
      h("dt", { text: t("recorded_by") }), h("dd", {}, h("span", { translate: "no", text: entry.created_by }), " · ", timestamp(entry.created_at))),
    linesTable(loaded),
    entry.reverses && h("p.note", {}, link(`/g/${g.id}/entries/${entry.reverses}`, t("reverses_entry"))),
    entry.reversed_by && h("p.note.warn", {}, h("span", { text: t("entry_reversed") }), " ", link(`/g/${g.id}/entries/${entry.reversed_by}`, t("see_reversal"))),
  ];
}

export default {
  name: "entry",
  roles: ["admin", "staff", "treasurer"],
  load: loadEntry,
  render(loaded) {
    const { group: g, entry } = loaded;
    return [
      ...heading(g, t("entry_number", { seq: number(entry.seq) })),
      ...entrySummary(loaded),
      // An operation's entries are reversed together, from the operation.
      entry.operation_id ? h("p.note", {}, link(`/g/${g.id}/operations/${entry.operation_id}`, t("part_of_operation")))
        : canWrite() && !entry.reversed_by && buttonLink(`/g/${g.id}/entries/${entry.id}/reverse`, t("reverse_entry"), "a.button.danger"),
      h("details.hash", {}, h("summary", { text: t("fingerprint") }), h("code", { translate: "no", text: entry.hash })),
    ];
  },
};
