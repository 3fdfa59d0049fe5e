import { changed, EXAMPLE_PROTOCOL } from '../core/examples.js';
import type { ProtocolRecord } from '../model/index.js';
import { archiveRule, at } from './context.js';

/** The approved protocol of the example archive with an approval record written before its items. */
const approvedWith = (record: string) =>
  changed(EXAMPLE_PROTOCOL, ['secretary: sara-sund\n', `secretary: sara-sund\napprovers: [bertil-bok]\n${record}`]);

/** Who took part in the meeting (present, partly, remotely or as a substitute): who can chair, keep or approve its protocol. */
export function attended(p: ProtocolRecord): Set<string> {
  const a = p.data.attendance;
  return new Set([...a.present, ...a.remote, ...a.partial.map((x) => x.person), ...a.substitutes.map((x) => x.person)]);
}

/**
 * The approval (justering) is a record that holds: those who approved and
 * those named to approve took part in the meeting, the approval is dated on
 * or after it, and only an approved protocol has one.
 */
export const approvalRule = archiveRule({
  id: 'approval',
  messages: {
    'approval.absent': 'error',
    'approval.approver-absent': 'error',
    'approval.before-meeting': 'error',
    'approval.draft': 'error',
  },
  examples: {
    ok: [
      // Approved on paper by the chair and the approver named at the meeting, a week later.
      { files: { [EXAMPLE_PROTOCOL]: approvedWith('approval: { date: 2024-02-15, by: [astrid-alm, bertil-bok], method: paper }\n') } },
    ],
    notOk: [
      {
        // Signed by someone who sent regrets.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            'secretary: sara-sund\n',
            'secretary: sara-sund\napproval: { date: 2024-02-15, by: [astrid-alm, erik-ek], method: paper }\n',
          ]),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 11, column: 48, key: 'approval.absent', data: { id: 'erik-ek' } }],
      },
      {
        // The approver named was not at the meeting.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['secretary: sara-sund\n', 'secretary: sara-sund\napprovers: [erik-ek]\n']),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 11, column: 13, key: 'approval.approver-absent', data: { id: 'erik-ek' } }],
      },
      {
        // Dated the day before the meeting: a slip of the year or month.
        files: { [EXAMPLE_PROTOCOL]: approvedWith('approval: { date: 2024-02-07, by: [astrid-alm, bertil-bok], method: paper }\n') },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 12,
            column: 19,
            key: 'approval.before-meeting',
            data: { date: '2024-02-07', meeting: '2024-02-08' },
          },
        ],
      },
      {
        // The record written but the status left at utkast.
        files: {
          [EXAMPLE_PROTOCOL]: changed(
            EXAMPLE_PROTOCOL,
            ['status: justerat', 'status: utkast'],
            ['secretary: sara-sund\n', 'secretary: sara-sund\napproval: { date: 2024-02-15, by: [astrid-alm], method: paper }\n'],
          ),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 8, column: 9, key: 'approval.draft', data: {} }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const took = attended(p);
      p.data.approvers?.forEach((id, i) => {
        if (!took.has(id)) report(at(p.file, p.positions, `approvers[${i}]`), 'approval.approver-absent', { id });
      });
      const record = p.data.approval;
      if (!record) continue;
      if (p.data.status !== 'justerat') report(at(p.file, p.positions, 'status'), 'approval.draft', {});
      record.by.forEach((id, i) => {
        if (!took.has(id)) report(at(p.file, p.positions, `approval.by[${i}]`), 'approval.absent', { id });
      });
      if (record.date < p.data.date)
        report(at(p.file, p.positions, 'approval.date'), 'approval.before-meeting', { date: record.date, meeting: p.data.date });
    }
  },
});
