import type { ErrorCode } from 'yaml';
import { type Expectation, wordExpectation } from './expectation.js';
import type { Catalogue } from './index.js';

/** The English catalogue. Typed against the Swedish one: nothing can be missing. */

const q = (s: string) => `"${s}"`;
/** "A, B or C". */
const or = (list: readonly string[]) => (list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`);
/** The end of an unknown name's sentence: the nearest known names as a question, else every known one (when listed), else a full stop. */
const suggest = (d: { near: readonly string[]; known?: readonly string[] }) =>
  d.near.length > 0 ? `; did you mean ${or(d.near)}?` : d.known && d.known.length > 0 ? `: ${d.known.join(', ')}.` : '.';

export const en: Catalogue = {
  messages: {
    'file.encoding': (d) => `The file is not UTF-8: unexpected byte ${d.byte} (${q(d.char)} in Windows-1252). Save the file as UTF-8.`,
    'file.too-large': (d) =>
      `The file is ${d.size} bytes, larger than the limit of ${d.max} bytes. Split it or check that it is the right file.`,
    'file.control': (d) =>
      `Unexpected control character ${d.code} (the file is binary or damaged), expected text; remove it or save the file again.`,
    'file.ignored': (d) => `The file ${q(d.name)} is not read: protocols end in .md (lower case).`,
    'file.case-collision': (d) =>
      `The file name differs only in case from ${q(d.other)}; on Windows and macOS they are the same file. Rename one.`,
    'file.symlink-outside': (d) => `Symbolic link points out of the archive (${d.target}); kd reads only files inside the archive.`,
    'file.symlink-dir': () => `A symbolic link to a folder is not followed; put the files in the archive itself.`,
    'file.unreadable': (d) => `The file could not be read (${d.reason}).`,
    'frozen.not-regular': (d) =>
      `The protocol was approved in ${d.base} and has been replaced by a symbolic link, expected the regular file at its path; an approved protocol changes only through corrections. Bring the file back with: git restore --source=${d.base} --staged --worktree -- ${d.file}`,
    'todo.missing': (d) =>
      `Unexpected TODO for ${d.key}, expected the value: the source this draft was imported from did not give it. Fill it in.`,
    'file.not-regular': () =>
      `Unexpected folder, link to a folder or special file, expected a regular file; kd does not read it, and the rules that need it would otherwise be switched off in silence.`,
    'file.network-id': (d) =>
      `Unexpected folder name ${q(d.name)} for a network, expected an id of lower-case a–z, digits and hyphens; rename the folder.`,
    'file.name-encoding': () => `The file name is not UTF-8 and cannot be read by its name; rename the file.`,
    'file.missing': (d) => `The file ${d.file} is missing from the archive.`,
    'frontmatter.open': (d) => `Unexpected ${q(d.found)} on line 1, expected ${q('---')} to open the front matter.`,
    'frontmatter.executable': (d) =>
      `Front matter of type ${q(d.found)} runs as code and is not allowed; expected ${q('---')} followed by YAML.`,
    'frontmatter.unclosed': () => `The front matter is never closed: expected a line with only ${q('---')}.`,
    'body.unreadable': (d) =>
      `Unexpected Markdown ${q(d.found)} that kd reads only in a smaller body (at most ${d.chars} characters and ${d.lines} lines, lines of at most ${d.width} characters and at most ${d.depth} levels of lists and quotes), expected plain paragraphs, headings, lists and code blocks; the item headings were not read and the file was not checked further. Simplify the line or shorten the body.`,
    'yaml.error': (d) => `${yamlCode(d.code)}${d.found ? ` (at ${q(d.found)})` : ''}.`,
    'yaml.alias': (d) => `Unexpected YAML alias ${q(d.found)}: aliases are not allowed, write the value out.`,
    'yaml.key': (d) => `Unexpected key ${q(d.found)}, expected a plain text key.`,
    'yaml.more': (d) => `${d.count} more errors in the same front matter are not shown; correct the ones above and run kd check again.`,
    'yaml.tab': () =>
      `Unexpected tab in the indentation, expected spaces: YAML counts only spaces. Replace the tab with spaces, as many as on the lines at the same level.`,
    'yaml.nbsp': (d) =>
      `Unexpected non-breaking space (often pasted from Word or e-mail) ${{ indent: 'in the indentation', dash: 'after the dash', colon: 'after the colon' }[d.place]}, expected an ordinary space: YAML does not count the non-breaking one. Replace the non-breaking space with an ordinary one.`,
    'yaml.colon': (d) =>
      `Unexpected colon followed by a space in the text ${q(d.found)}, expected a text: YAML reads the colon as the start of a new key. ${quoteAdvice(d.quote)}`,
    'yaml.smart-quotes': (d) =>
      `Unexpected typographic quotation mark ${d.mark} (from Word) at the start of ${q(d.found)}, expected a straight quote: YAML reads ${d.mark} as an ordinary letter, so the colon in the text starts a new key. Replace the typographic quotation marks around the text with straight ones, "…".`,
    'yaml.quote-rest': (d) =>
      `Unexpected text after the closing quote in ${q(d.found)}, expected the quotes to enclose the whole text. ${quoteAdvice(d.quote)}`,
    'yaml.quote-unclosed': (d) =>
      `Unexpected end of line in the text ${q(d.found)}, expected a closing ${d.quote}: YAML reads on to the next ${d.quote} further down. Put a ${d.quote} at the end of the text.`,
    'yaml.bracket-unclosed': (d) =>
      `Unexpected end of line in ${q(d.found)}, expected a closing ${d.close}: YAML reads the lines below as part of the same list. Put ${d.close} at the end of the line.`,
    'yaml.colon-space': (d) =>
      `Unexpected ${q(d.found)}, expected a space after the colon: without it YAML reads the key ${q(d.key)} and the value as one text. Put a space after the colon.`,
    'yaml.colon-missing': (d) =>
      `Unexpected line ${q(d.found)} without a colon, expected a key followed by a colon and a space. Write a colon after ${q(d.key)}.`,
    'yaml.indent': (d) => {
      const n = Math.abs(d.expected - d.found);
      return `Unexpected indentation of ${d.found} ${d.found === 1 ? 'space' : 'spaces'}, expected ${d.expected} like the lines at the same level. Move the line ${n} ${n === 1 ? 'space' : 'spaces'} ${d.expected > d.found ? 'right' : 'left'}.`;
    },
    'yaml.dash': (d) =>
      `Unexpected text ${q(d.found)} without a dash, expected a new item of the list. Put a dash and a space at the start of the line, "- ", with the dash straight below the dashes of the list above.`,
    'yaml.dash-space': (d) =>
      `Unexpected ${q(d.found)}, expected a space after the dash that starts an item of a list. Put a space after the dash.`,
    'yaml.hash-empty': (d) =>
      `Unexpected # at the start of the value ${q(d.found)}, expected a text: YAML reads everything from # to the end of the line as a comment, and the value is empty. ${quoteAdvice(d.quote)}`,
    'yaml.hash-cut': (d) =>
      `Unexpected comment ${q(d.cut)} right after the text ${q(d.found)}, expected the rest of the text or a space after #: YAML reads everything from # to the end of the line as a comment, which is left out. Does ${q(d.cut)} belong to the text? ${quoteAdvice(d.quote)} Is it a comment? Write a space after #.`,
    'yaml.smart-quotes-kept': (d) =>
      `Unexpected typographic quotation marks ${d.mark} (from Word) around the text ${q(d.found)}, expected straight quotes if they are to enclose the text: YAML keeps ${d.mark} as characters of the text. Replace them with straight quotes, "…"; if they are to show in the text, leave them.`,
    'yaml.dash-fold': (d) =>
      `Unexpected line ${q(d.found)} without a dash after a text that ends with a full stop, expected a new item of the list: YAML reads the line as the rest of the text above. If it is a new item, put a dash and a space at the start of the line, "- ", straight below the dash above; if it belongs to the text above, write it on the same line.`,
    'schema.unknown-key': (d) => `Unknown key ${q(d.key)}${d.known !== undefined ? `, expected ${q(d.known)}: correct the spelling` : ''}.`,
    'schema.missing': (d) => `The key ${q(d.key)} is missing, expected ${expectation(d.expected)}.`,
    'schema.invalid': (d) =>
      `Unexpected ${d.found === '' ? 'empty value' : q(d.found)}, expected ${expectation(d.expected)}${d.known !== undefined ? `; did you mean ${d.known}?` : '.'}`,
    'schema.list-dash': (d) =>
      `Unexpected text ${q(d.found)} on the line below the key, expected a list, each item of which starts with a dash and a space. Put "- " at the start of the line, and of each line below it that is an item of its own.`,
    'schema.control': (d) =>
      ({
        control: `Unexpected control character ${d.code}, expected plain text; remove the character (in quoted YAML it is often written as an escape sequence, e.g. \\e, \\0 or \\x1B).`,
        cr: `Unexpected lone carriage return ${d.code}, expected plain text; remove the character, or write a line break as \\n.`,
        noncharacter: `Unexpected noncharacter ${d.code}, expected plain text; remove the character (in quoted YAML it is often written as \\u or \\U followed by its code).`,
        bidi: `Unexpected bidirectional control ${d.code} (it shows the text in another order than it reads), expected plain text; remove the character.`,
        surrogate: `Unexpected half of a surrogate pair ${d.code}, expected whole characters; remove it or write the character by its own code (\\U and eight digits).`,
      })[d.kind],
    'unknown-person': (d) => `Unknown person ${q(d.id)}, expected an id from people.yml${d.known ? `; did you mean ${d.known}?` : '.'}`,
    'approval.absent': (d) =>
      `${q(d.id)} approved the protocol but did not take part in the meeting, expected someone who was there (present, partial, remote or substitute).`,
    'approval.approver-absent': (d) =>
      `The approver ${q(d.id)} did not take part in the meeting, expected an approver among those present.`,
    'approval.before-meeting': (d) => `Unexpected approval date ${d.date}, expected the meeting's date ${d.meeting} or later.`,
    'approval.missing': () =>
      'The protocol has been approved without a record of the approval, expected approval: { date, by, method } with status: justerat; run kd approve PROTOCOL --by ID, which writes both.',
    'approval.draft': () => 'Unexpected status utkast with an approval record in the front matter, expected status: justerat.',
    'confidential.correction': (d) =>
      `The correction concerns item ${d.item}, which is confidential, yet the public version prints it in full; expected confidential: { reason } on the correction too.`,
    'unknown-owner': (d) =>
      `Unknown owner ${q(d.id)}, expected an id from people.yml or a label under owners: in kd.yml${d.known ? `; did you mean ${d.known}?` : '.'}`,
    'unknown-network': (d) => `Unknown network ${q(d.id)}, expected a folder networks/${d.id}/ with network.yml.`,
    'unknown-municipality': (d) => `Unknown municipality ${q(d.name)}, expected one of the municipalities in kd.yml.`,
    'network-mismatch': (d) => `Unexpected network ${q(d.found)}, expected ${q(d.expected)} because the file is in its folder.`,
    'officer-absent': (d) =>
      `The ${d.role === 'chair' ? 'chair' : 'secretary'} ${q(d.id)} is not among those attending, expected attendance (present, partial or remote).`,
    'chair-missing': () => `The protocol has no chair, expected the key ${q('chair')} when kind is protokoll.`,
    'roster-unaccounted': (d) =>
      `${d.name} (${d.id}) is a member on the meeting's date but missing from the attendance, expected the person under present, partial, remote, substitutes, regrets or absent.`,
    'attendance-duplicate': (d) => `${q(d.id)} is under both ${d.first} and ${d.second}, expected the person in one place.`,
    'not-on-roster': (d) => `${q(d.id)} is under ${d.list} but is not a member on the meeting's date.`,
    'substitute.none': () => `The network has no substitutes (substitutes: none), expected an empty list.`,
    'substitute.personal': (d) =>
      `Unexpected substitute ${q(d.person)} for ${q(d.principal)}, expected the personal substitute ${q(d.expected)}.`,
    'substitute.no-personal': (d) => `${q(d.principal)} has no personal substitute in network.yml, expected no substitute.`,
    'substitute.principal': (d) => `${q(d.principal)} is substituted but is not a member on the meeting's date, expected a member.`,
    'number-duplicate': (d) => `The number ${d.number} is already used by ${d.other}, expected a unique number within the year.`,
    'number-gap': (d) => `Unexpected number ${d.found}, expected ${d.expected}: numbers run without gaps within the year.`,
    'number-order': (d) => `Number ${d.number} is dated before ${d.other} but has a higher number, expected numbers in date order.`,
    'file-name.number': (d) =>
      `Unexpected number ${d.found}, expected ${d.expected} as in the file name ${d.name} and in the year's order.`,
    'file-name': (d) => `Unexpected file name ${q(d.found)}, expected ${q(d.expected)} from network, date and number.`,
    'item-numbering': (d) => `Unexpected item number ${d.found}, expected ${d.expected}: items are numbered 1..n.`,
    'section-missing': (d) => `Item ${d.no} (${d.title}) has no section in the text, expected a heading ${q(`## ${d.no}. ${d.title}`)}.`,
    'section-extra': (d) =>
      `Unexpected section ${q(d.found)} without an item in the front matter, expected an item under items with the same number.`,
    'section-number': (d) =>
      `Unexpected number in the heading ${q(d.found)}, expected ## ${d.expected}. as the item with the same title under items.`,
    'section-title': (d) => `The heading of item ${d.no} is ${q(d.found)}, expected ${q(d.expected)} as in items.`,
    'decision-kind': (d) =>
      d.found === 'decisions'
        ? `Unexpected decisions in a network that does not decide, expected agreements.`
        : `Unexpected agreements in a deciding network, expected decisions.`,
    'time-range': (d) => `The time ${q(d.found)} is outside the meeting ${d.meeting}, expected a time within the meeting.`,
    'time-order': (d) => `From ${d.from} is not before until ${d.until}, expected a time that starts before it ends.`,
    'item-range': (d) => `The items ${q(d.found)} do not exist, expected numbers between 1 and ${d.count}.`,
    'due-date': (d) => `Unexpected due date ${d.due}, expected a date after the meeting on ${d.date}.`,
    'follows-up.unknown': (d) =>
      `Unknown decision ${q(d.ref)}, expected the id of a decision in the archive${d.known ? `; did you mean ${d.known}?` : '.'}`,
    'follows-up.later': (d) => `The decision ${q(d.ref)} was taken on ${d.date}, expected a decision from an earlier meeting.`,
    'follows-up.not-assignment': (d) => `The decision ${q(d.ref)} has no owner, expected an assignment.`,
    'roster-term': (d) => `The membership ends on ${d.to} before it starts on ${d.from}, expected to after from.`,
    'roster-overlap': (d) => `${q(d.id)} has two overlapping terms, expected one at a time.`,
    'frozen.changed': (d) =>
      `The protocol was approved in ${d.base} and may not change, expected unchanged text or new entries at the end of corrections (date, by, what). Undo the change with: git restore --source=${d.base} --staged --worktree -- ${d.file} (this also removes new corrections; then write them at the end of corrections).`,
    'frozen.deleted': (d) =>
      `An approved protocol (in ${d.base}) has been deleted, expected it to remain unchanged. Bring it back with: git restore --source=${d.base} --staged --worktree -- ${d.file}`,
    'frozen.renamed': (d) =>
      `An approved protocol has been renamed from ${d.from} (in ${d.base}), expected it to keep its name. Move it back with: git mv ${d.file} ${d.from}`,
    'term-overlap': (d) => `The term ${q(d.id)} overlaps ${q(d.other)}, expected terms one after another.`,
    'term-meetings': (d) =>
      `The term ${d.id} plans ${d.meetings} meetings but meetings_per_term says ${d.perTerm}, expected the same number of meetings per term (not per year).`,
    'term-order': (d) => `The term ends on ${d.to} before it starts on ${d.from}, expected to after from.`,
    'term-duplicate': (d) => `The term ${q(d.id)} already exists, expected unique ids.`,
    'roster-outside-terms': (d) => `The date ${d.date} is in no term under terms, expected a date within a term.`,
    'calendar-duplicate': (d) => `The date ${d.date} is already in the calendar.`,
  },

  expect: {
    id: 'an id of lower-case letters a–z, digits and hyphens (e.g. anna-berg)',
    text: 'a non-empty text',
    date: 'a date YYYY-MM-DD',
    'real-date': 'a day the calendar has (February has 28 days, 29 in a leap year; April, June, September and November have 30)',
    time: 'a time HH:MM',
    'time-range': 'a time HH:MM-HH:MM',
    'time-range-order': 'an end time after the start time',
    'item-range': 'item numbers such as 3, "1-4" or "2,5"',
    sha256: 'a SHA-256 sum of 64 hexadecimal characters',
    'approval-method': 'paper or e-signature',
    'decision-ref': 'a decision id such as "kd-gruppen 1/2019 §2:1"',
    'positive-int': 'a whole number greater than 0',
    decision: 'a decision text or {text, owner, due}',
    partial: 'at least one of from, until or items',
    'municipality-or-organisation': 'municipality or organisation',
    people: 'a mapping from id to person',
    role: 'chair, vice-chair, secretary or member',
    substitutes: 'none, personal or any',
    kind: 'protokoll or anteckningar',
    status: 'utkast or justerat',
    locale: 'sv or en',
    boolean: 'true or false',
    list: 'a list',
    'id-list': 'a list of person ids',
    'nonempty-list': 'a list with at least one element',
    valid: 'a valid value',
    control: 'text without control characters',
    email: 'an e-mail address',
    'site-url': 'a web address beginning with https:// or http://, without a login, ? or #',
    'term-id': 'a term id, e.g. 2019-2022',
    year: 'a year',
    half: 'a half-year of the form YYYYH1 or YYYYH2, e.g. 2019H1',
    share: 'a share such as 1/3 or 1/2',
  },

  types: {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value)',
    array: 'a list',
    record: 'a mapping (key: value)',
  },

  yamlCodes: {
    ALIAS_PROPS: 'An alias cannot have an anchor or a tag',
    BAD_ALIAS: 'Malformed alias',
    BAD_DIRECTIVE: 'Unknown YAML directive',
    BAD_DQ_ESCAPE: 'Invalid escape sequence in a quoted text',
    BAD_INDENT: 'Unexpected indentation',
    BAD_PROP_ORDER: 'Anchor and tag in the wrong order',
    BAD_SCALAR_START: 'A value cannot start with this character; put the value in quotes',
    BLOCK_AS_IMPLICIT_KEY: 'A block cannot be a key',
    BLOCK_IN_FLOW: 'A block cannot stand inside [ ] or { }',
    DUPLICATE_KEY: 'The key is already in the same mapping; each key may appear once',
    IMPOSSIBLE: 'The YAML text could not be read',
    KEY_OVER_1024_CHARS: 'The key is longer than 1024 characters',
    MISSING_CHAR: 'A character is missing (a closing quote or bracket)',
    MULTILINE_IMPLICIT_KEY: 'A key cannot span several lines',
    MULTIPLE_ANCHORS: 'A value can have only one anchor',
    MULTIPLE_DOCS: 'Several YAML documents in one file; expected one',
    MULTIPLE_TAGS: 'A value can have only one tag',
    NON_STRING_KEY: 'The key must be text',
    RESOURCE_EXHAUSTION: 'The YAML text is too complex',
    TAB_AS_INDENT: 'A tab is used as indentation; YAML requires spaces',
    TAG_RESOLVE_FAILED: 'Unknown or disallowed YAML tag',
    UNEXPECTED_TOKEN: 'Unexpected character in the YAML text',
    BAD_COLLECTION_TYPE: 'Wrong kind of collection for the tag',
  },

  ui: {
    entry: {
      items: 'item',
      decisions: 'decision',
      agreements: 'agreement',
      follows_up: 'follow-up',
      corrections: 'correction',
      guests: 'guest',
      roster: 'member',
      terms: 'term',
      meetings: 'meeting',
      municipalities: 'municipality',
    },
    entryOf: (d) => `${d.key} no. ${d.n}`,
    historySkipped: 'The history rule (frozen-protocol) was skipped: the archive is not in a git repository.',
    severity: { error: 'error', warning: 'warning' },
    summary: (d) =>
      `${d.errors} ${d.errors === 1 ? 'error' : 'errors'}, ${d.warnings} ${d.warnings === 1 ? 'warning' : 'warnings'} in ${d.files} ${d.files === 1 ? 'file' : 'files'}.`,
    clean: (d) => `No findings in ${d.files} ${d.files === 1 ? 'file' : 'files'}.`,
    atLeast: (n) => `at least ${n} ${n === 1 ? 'element' : 'elements'}`,
    atMost: (n) => `at most ${n}`,
    oneOf: (values) => `one of ${values}`,
    index: {
      written: (d) => `Wrote ${d.count} registers in ${d.dir}.`,
      unchanged: (d) => `The registers in ${d.dir} were already current.`,
      current: (d) => `All ${d.count} registers match the protocols.`,
      stale: 'Stale registers:',
    },
    lock: {
      staleTaken: (d) =>
        `Took over the lock ${d.file} from process ${d.pid} on ${d.host} (started ${d.started}); that run has ended or is too old to still be running.`,
    },
    cache: {
      ignored: (d) =>
        `The cache ${d.path} is not used (${d.why}); kd reads every file afresh, which only takes longer. Give a folder of your own with KD_CACHE_DIR or turn the cache off with KD_CACHE=off.`,
      why: {
        'not-dir': 'not a regular folder',
        special: 'a system folder such as /proc or /sys',
        owner: 'owned by another user',
        writable: 'anyone can write there',
        'not-file': 'not a regular file',
        'too-large': 'larger than 256 MB',
      },
    },
    preCommit: {
      blocked: 'Commit stopped: correct the errors above and commit again. CI runs the same check.',
      updated: (d) =>
        `The registers in index/ now match what is committed; ${d.count === 1 ? 'one file was' : `${d.count} files were`} written and added to the commit:`,
    },
    newProtocol: {
      written: (d) => `Created ${d.file}`,
      todo: 'To fill in after the meeting:',
      todoItems: [
        'attendance: move those who did not come to regrets or absent, and those who came and left to partial',
        'guests under guests, with organisation and role',
        'decisions under each item (decisions, or agreements in a network that does not decide)',
        'follows_up for the assignments reported on',
        'the text under each heading',
        'then: npx kd check, and git add and git commit; the pre-commit hook brings the registers in index/ up to date (without the hook: npx kd index before committing)',
      ],
      openCount: (n) =>
        n === 0
          ? 'No open assignments.'
          : n === 1
            ? '1 open assignment is listed under item 1.'
            : `${n} open assignments are listed under item 1.`,
      askDate: 'Meeting date (YYYY-MM-DD)',
      askTime: 'Time (HH:MM-HH:MM)',
      askPlace: 'Place',
      invalidAnswer: (expected) => `Expected ${expected}.`,
    },
  },

  scaffold: {
    followUpTitle: 'Follow-up of assignments',
    acting: 'acting',
    followsUpHint: 'Remove the # on the line below and keep the assignments reported on at the meeting:',
    kindTitle: { protokoll: 'minutes', anteckningar: 'notes' },
  },

  registers: {
    presence: { present: 'P', partial: 'PT', remote: 'R', represented: 'S', regrets: 'Reg', absent: 'A' },
    presenceWord: {
      present: 'present',
      partial: 'partly present',
      remote: 'remote',
      represented: 'substituted (a substitute took part)',
      regrets: 'sent regrets',
      absent: 'absent without notice',
    },
    notMember: '·',
    notMemberWord: 'not a member',
    columns: {
      name: 'Name',
      municipality: 'Municipality',
      attended: 'Attended',
      rate: 'Rate',
      inactive: 'Inactive',
      meetings: 'Meetings',
      represented: 'Represented',
      representationRate: 'Represented rate',
      substituted: 'Substituted',
      id: 'Id',
      date: 'Date',
      item: 'Item',
      text: 'Text',
      owner: 'Owner',
      due: 'Due',
      status: 'Status',
      doneIn: 'Followed up in',
      network: 'Network',
      kind: 'Kind',
      person: 'Person id',
      partial: 'Partial',
      remote: 'Remote',
      regrets: 'Regrets',
      absent: 'Absent',
      protocol: 'Protocol',
      takeHome: 'Take home',
      presence: 'Participation',
      detail: 'Part of the meeting',
      substitute: 'Substitute',
    },
    takeHomeMark: 'yes',
    yes: 'yes',
    status: { open: 'open', overdue: 'overdue', done: 'done' },
    kind: { decision: 'decision', agreement: 'agreement' },
    attendanceTitle: (network) => `Attendance: ${network}`,
    municipalitiesTitle: 'Attendance by municipality',
    wholeHistory: (d) =>
      `${d.meetings === 1 ? 'One meeting' : `${d.meetings} meetings`}, ${d.from} – ${d.to}. Each year's meetings are under the year, the latest first.`,
    noMeetings: 'No meetings yet.',
    yearTitle: (year) => `Meetings in ${year}`,
    decisionsTitle: 'Decisions and agreements',
    assignmentsTitle: 'Assignments',
    meetingsLine: (list) => `Meetings: ${list}.`,
    legend: (list) => `Key: ${list}.`,
    inactive: (names) => `Inactive (missed three or more meetings in a row): ${names}.`,
    asOf: (date) => `Status as of ${date}.`,
    noMemberFrom: (d) =>
      d.period
        ? `No one from ${d.municipality} was a member of ${d.network} in the period.`
        : `No one from ${d.municipality} has been a member of ${d.network}.`,
    personNotMember: (d) =>
      d.period ? `${d.person} was not a member of ${d.network} in the period.` : `${d.person} has not been a member of ${d.network}.`,
    noRows: 'No rows match the selection.',
    noDecisions: 'No decisions or agreements.',
    noAssignments: 'No assignments.',
    generated: 'Made by kd index from the protocols; do not edit by hand.',
    protocolStatus: { utkast: 'draft', justerat: 'approved' },
    draftMark: 'not approved',
    draftLegend: '"Not approved": the protocol is not yet approved, and what it says may change when it is.',
  },

  report: {
    title: (d) => `Summary of ${d.period}`,
    halfName: (d) => `the ${d.half === 1 ? 'first' : 'second'} half of ${d.year}`,
    halfShort: (d) => `${d.half === 1 ? 'Jan–Jun' : 'Jul–Dec'} ${d.year}`,
    periodLine: (d) => `Period: ${d.from} – ${d.to}.`,
    asOfLine: (d) => `As of ${d.date}: later meetings count as coming.`,
    builtFrom: (d) =>
      d.commit
        ? `Built from the archive at commit ${d.commit}${d.dirty ? ' with uncommitted changes' : ''}, kd ${d.version}.`
        : `Built from the archive (not in git), kd ${d.version}.`,
    networksLine: (names) => `Networks: ${names}.`,
    overview: 'Overview',
    measure: 'Measure',
    change: 'Change',
    rows: {
      meetings: 'Meetings held',
      planned: 'Meetings planned in the calendar',
      cancelled: 'of which cancelled',
      attendance: 'Attendance (members from the municipalities)',
      decisions: 'Decisions',
      agreements: 'Agreements',
      takeHome: 'of which for the municipalities to take home',
      guests: 'Guests',
      opened: 'New assignments',
      done: 'Assignments completed',
      open: 'Open assignments at the end of the period',
      overdue: 'of which overdue',
    },
    points: (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)} ${Math.abs(n) === 1 ? 'percentage point' : 'percentage points'}`,
    termLine: (d) =>
      `${d.network}, term ${d.term}: ${d.held}${d.planned !== undefined ? ` of ${d.planned} planned` : ''} meetings held so far.`,
    noComparison: (d) => `No comparison with ${d.previous}: the archive has no protocols from that half-year.`,
    municipalities: 'Attendance by municipality',
    municipalitiesIntro:
      'Over all networks: the meetings where the municipality had a member. Attended means a member took part; represented that a member or a substitute did.',
    meetingsChart: 'Meetings by network',
    meetingsChartIntro: 'Each dot is a meeting in the half-year.',
    municipalityChartLabel: (d) => `${d.municipality}: ${d.rate}`,
    meetings: 'Meetings',
    attendance: 'Attendance',
    guests: 'Guests',
    decisions: 'Decisions',
    agreements: 'Agreements',
    assignments: 'Assignments',
    assignmentsIntro: 'Assignments given in the period or open when it began, with their status at its end.',
    columns: {
      number: 'No',
      date: 'Date',
      place: 'Place',
      theme: 'Theme',
      present: 'Present',
      name: 'Name',
      organisation: 'Organisation',
      role: 'Role',
      meeting: 'Meeting',
    },
    mission: 'Mission',
    noMeetings: 'The archive has no protocols from the period.',
    noGuests: 'No guests.',
    planned: (d) => `${d.held} of ${d.planned} planned meetings were held.`,
    plannedSoFar: (d) => `${d.held} of ${d.planned} meetings planned up to ${d.date} were held.`,
    coming: (d) => `Coming: ${d.list}.`,
    content: 'What the meetings dealt with',
    summary: 'Summary',
    summaryLine: (d) =>
      `${d.planned !== undefined ? `${d.held} of ${d.planned} planned meetings were held${d.cancelled > 0 ? ` (${d.cancelled} cancelled)` : ''}` : `${d.held} ${d.held === 1 ? 'meeting was held' : 'meetings were held'}`}, with ${d.rate} attendance.`,
    summaryNothing: 'No decisions to take home and no overdue assignments.',
    summaryTakeHome: 'To take home:',
    summaryOverdue: 'Overdue assignment:',
    summaryOwner: (d) => `– ${d.owner}, due ${d.due}`,
    meetingHeading: (d) => `${d.id}, ${d.date}${d.theme ? ` – ${d.theme}` : ''}${d.draft ? ` (${d.draft})` : ''}`,
    decisionLine: (d) => `${d.kind[0]!.toLocaleUpperCase('en')}${d.kind.slice(1)}: ${d.text} (${[d.id, ...d.marks].join(', ')})`,
  },

  init: {
    configComment: 'The archive’s settings: organisation, language (sv or en) and the municipalities, in Swedish order.',
    peopleComment: 'Every person once: id -> name, municipality or organisation, title.',
    networkComment: 'The network: name, mission, whether it decides, substitutes, and the roster with terms.',
    calendarComment: 'Planned meetings: date, time, place, theme and agenda. kd new-protocol takes the next meeting from here.',
    mission: 'Describe the network’s mission here.',
    created: (d) => `Created a new archive in ${d.dir}:`,
    next: 'Left to do:',
    steps: (d) => [
      ...(d.cd ? [`cd ${d.cd}`] : []),
      'npm install   (installs kd in the archive and writes package-lock.json, which is committed: CI runs the same version)',
      ...(d.gitInit ? ['git init'] : []),
      ...(d.hooks ? ['git config core.hooksPath .githooks   (a check and current registers at every commit)'] : []),
      `add the members: the people to people.yml and the roster to networks/${d.network}/network.yml, or npx kd import --roster FILE --network ${d.network} --date YYYY-MM-DD`,
      'git add -A && git commit -m "New protocol archive"',
      `before each meeting: npx kd new-protocol --network ${d.network}`,
    ],
    packageDescription: (d) => `Protocol archive of ${d.organisation}, checked with kd`,
    gitignoreComment: 'kd and its dependencies are installed by npm install, and the website is built by kd site; neither is committed.',
    ask: {
      organisation: 'Organisation (e.g. Skåne Nordost)',
      municipalities: 'Member municipalities, separated by commas',
      municipalitiesExpected: 'at least one municipality',
      networkName: 'Network name',
      networkNameDefault: 'Municipal directors’ group',
      network: 'Network id (a–z, 0–9 and hyphens)',
      decides: 'Does the network take decisions? Answer no if it only makes agreements (y/n)',
      yes: ['y', 'yes', 'j', 'ja'],
      no: ['n', 'no', 'nej'],
      yesNoExpected: 'y or n',
      substitutes: 'Substitutes: none, personal (a personal substitute) or any (the municipality sends someone else)',
      secretary: 'The secretary’s name',
      secretaryFrom: 'Secretary since (YYYY-MM-DD; the oldest protocol’s date when the archive is filled backwards)',
    },
    ci: {
      githubHeader: [
        'Made by kd init. Checks the protocols and the registers on every push and',
        'pull request; findings are shown on the pull request’s lines. kd is installed',
        'by npm ci in the version package-lock.json names.',
      ],
      gitlabHeader: [
        'Made by kd init. Checks the protocols and the registers on every push and',
        'merge request; findings are shown as a JUnit report. kd is installed by',
        'npm ci in the version package-lock.json names.',
      ],
      hookHeader: [
        'Made by kd init: checks the changes as CI does before every commit and adds',
        'current registers (index/) to the commit. Turned on with:',
      ],
      install: 'Install kd (npm ci)',
      history: 'The whole history: the frozen-protocol rule compares with the base revision.',
      env: 'Values from the event go through the environment, never into the script text.',
      hookMissing: 'kd is not installed in the archive (node_modules/.bin/kd is missing). Run npm install here and commit again.',
      pagesHeader: [
        'Created by kd init. Builds the archive’s public website (kd site) on every push',
        'to main and publishes it with GitHub Pages. Turn Pages on under Settings >',
        'Pages > Source: GitHub Actions. Delete this file if the archive is not to be published.',
      ],
      sitePublic: 'Public version: confidential items and guests not to be published are left out.',
      gitlabPages:
        'The archive’s public website (kd site) on GitLab Pages, built from the default branch. Delete the job if the archive is not to be published.',
    },
  },

  approve: {
    done: (d) => `Approved ${d.file} (${d.id}): ${d.by}, ${d.date}.`,
    commit: (d) => `Next: git add ${d.file} && git commit -m "${d.message}"`,
    tag: (d) => `Sign the approval in git: git tag -s ${d.tag} -m "${d.message}"`,
    message: (d) => `Approve ${d.id}`,
    sha256: (d) =>
      `SHA-256 of the PDF/A protocol to be signed: ${d.hash} (kd render "${d.id}" --format pdf --lang ${d.lang} --out FILE gives it; kd verify FILE recognises it).`,
  },
  verify: {
    matches: (d) => `${d.file} is ${d.id}, approved${d.date !== undefined ? ` ${d.date}` : ''}, according to the archive.`,
    matchesPublic: (d) => `${d.file} is the public version of ${d.id}, approved, according to the archive.`,
    appended: (d) =>
      `After what was approved, ${d.bytes} bytes have been added (as an electronic signature is added); the approved content is unchanged.`,
    noMatch: (d) => `${d.file} matches no approved protocol in the archive.`,
    notPdf: (d) => `${d.file} is not a PDF, expected a PDF written by kd render --format pdf.`,
    unknown: (d) => `${d.file} says it is ${d.id}, but that protocol is not in the archive.`,
    notApproved: (d) => `${d.file} says it is ${d.id}, but the protocol is not approved in the archive.`,
    differs: (d) =>
      `${d.file} says it is ${d.id}, but does not match the archive's approved protocol: it has been changed, or was written before a correction or by another version of kd.`,
  },
  site: {
    archive: 'Protocol archive',
    asOf: (d) => `As of ${d.date}.`,
    home: 'Home',
    skip: 'Skip to content',
    navigation: 'Site',
    networks: 'Networks',
    network: 'Network',
    lastMeeting: (d) => `last meeting ${d.date}`,
    upcoming: 'Coming meetings',
    noUpcoming: 'No meetings are planned.',
    latestDecisions: 'Latest decisions',
    noDecisions: 'No decisions yet.',
    allDecisions: 'All decisions',
    overdue: 'Overdue assignments',
    noOverdue: 'No assignments are overdue.',
    allAssignments: 'All assignments',
    municipalities: 'Municipalities',
    reports: 'Half-year summaries',
    members: 'Members today',
    noMembers: 'The network has no members today.',
    municipalityOrOrganisation: 'Municipality or organisation',
    protocols: 'Protocols',
    noProtocols: 'No protocols yet.',
    networkDecisions: (d) => `Decisions in ${d.network}`,
    noNetworks: 'Not a member of any network.',
    span: (d) => (d.to !== undefined ? `${d.from}–${d.to}` : `from ${d.from}`),
    attendance: 'Attendance',
    noAttendance: 'No meetings as a member.',
    assignments: 'Assignments',
    representatives: 'Representatives and attendance',
    noRepresentatives: 'The municipality has no representatives who have had meetings.',
    takeHome: 'Decisions to take home',
    digests: 'Summaries for the municipality',
    networksDecisions: 'Each network’s decisions:',
    decisionsTitle: 'Decisions',
    assignmentsTitle: { index: 'Assignments in progress', overdue: 'Overdue assignments', done: 'Completed assignments' },
    search: 'Search',
    publicSite: 'Public version: information covered by secrecy is left out.',
    internalSite: 'Internal version – contains information that is not published.',
    builtBy: (d) => `${d.organisation}. Built with kd ${d.version}, as of ${d.date}.`,
    done: (d) =>
      `${d.public ? 'Public' : 'Internal'} site in ${d.dir}: ${d.pages} pages, ${d.written} files written${d.removed > 0 ? `, ${d.removed} removed` : ''}, the rest unchanged.`,
    searchLabels: {
      field: 'Search the protocols',
      submit: 'Search',
      noScript: 'Search needs JavaScript. The decisions and assignments are also listed under Decisions and Assignments in progress.',
      loading: 'Searching …',
      results: { one: '1 hit', other: '{n} hits' },
      resultsFolded: { one: '1 hit when å, ä and ö are read as a and o', other: '{n} hits when å, ä and ö are read as a and o' },
      noResults: 'No hits. Try a shorter word or fewer words.',
      more: {
        one: '1 more hit is not shown; make the search more precise.',
        other: '{n} more hits are not shown; make the search more precise.',
      },
      failed: 'The search could not be loaded: a file in search/ is missing. Copy the whole folder of the site.',
      kinds: { item: 'item', decision: 'decision', agreement: 'agreement' },
    },
  },
  import: {
    converted: 'The file was not UTF-8 but Windows-1252 and was converted; save the original as UTF-8 from now on.',
    unreadable: 'The file could not be read.',
    unknownOrganisation: 'unknown organisation',
    notUnderstoodHeading: 'Lines not understood',
    importedFrom: (file) => `Imported from ${file}`,
    needs: (options) =>
      `Nothing written: ${options} could not be read from the file; give ${options.includes(',') ? 'them' : 'it'} as an option.`,
    wrote: (d) => `${d.source} → ${d.file}`,
    wouldWrite: (d) => `${d.source} → ${d.file} (dry run, nothing written)`,
    notWritten: (d) => `${d.source}: nothing written`,
    counts: (s) =>
      `${s.present} present, ${s.partial} partly, ${s.remote} remote, ${s.regrets} regrets, ${s.absent} absent, ${s.guests} guests, ${s.items} items, ${s.decisions} decisions, of which ${s.assignments} assignments`,
    added: (n) => `${n} new ${n === 1 ? 'person was' : 'people were'} added to people.yml:`,
    unknown: (n) =>
      `${n} ${n === 1 ? 'name is' : 'names are'} not in people.yml and were left out of the attendance (run with --add-people to add them):`,
    ownersAdded: (labels) => `New assignment owners were added under owners in kd.yml: ${labels}`,
    ownersUnknown: (labels) =>
      `Assignment owners that are neither people nor under owners in kd.yml (kd check reports them; add them to people.yml or under owners in kd.yml, or run with --add-people): ${labels}`,
    notOnRoster: (ids) => `Not on the network's roster on the meeting's date (kd check warns): ${ids}`,
    unmentioned: (ids) => `Members the protocol does not mention (put them under regrets or absent): ${ids}`,
    missing: { chair: 'No chair was found: fill in chair.', secretary: 'No secretary was found: fill in secretary.' },
    notUnderstood: (n) =>
      `${n} ${n === 1 ? 'line was' : 'lines were'} not understood; ${n === 1 ? 'it remains' : 'they remain'} in the protocol's text:`,
    roster: (d) =>
      `${d.dryRun ? 'Dry run, nothing written: ' : ''}${d.members} ${d.members === 1 ? 'member' : 'members'} ${d.dryRun ? 'would be' : d.members === 1 ? 'was' : 'were'} added to ${d.file}${d.acting > 0 ? ` (${d.acting} acting)` : ''}; ${d.people} new ${d.people === 1 ? 'person' : 'people'} in people.yml.`,
    rosterEnded: (d) =>
      `${d.dryRun ? 'Would end' : 'Ended'} ${d.n} ${d.n === 1 ? 'membership' : 'memberships'} with to: ${d.to}, the day before the list's date:`,
    rosterEndedLine: (d) => `${d.name} (${d.seat}), ${d.by ? `replaced by ${d.by}` : 'not in the list'}`,
    rosterKept: 'Kept (a role in the network is no municipality’s seat; end the membership by hand if the person leaves):',
    rosterKeptLine: (d) => `${d.name} (${d.seat}, ${d.role}); the list has ${d.by}`,
    rosterSameDay: (d) =>
      `${d.name} (${d.seat}) joined on ${d.from}, the day the list starts, and cannot end the day before; correct the roster by hand.`,
    rosterUnlisted: (n) =>
      `${n} ${n === 1 ? 'member is' : 'members are'} not in the list, and no one in it takes ${n === 1 ? 'the seat' : 'their seats'}; ${n === 1 ? 'the membership goes' : 'the memberships go'} on:`,
    rosterComplete: (d) =>
      `Is the list the whole roster as of ${d.from}? Then run again with --complete, and those memberships end too, with to: ${d.to}.`,
    unknownMunicipalities: (list) => `Not among the municipalities in kd.yml, saved as organisation: ${list}`,
    skippedBefore: (n) => `${n} ${n === 1 ? 'line' : 'lines'} before the heading of the member list ${n === 1 ? 'was' : 'were'} not read.`,
    tooLarge: 'The file is larger than 20 MB and is not minutes; nothing was read.',
    docxTooLarge: (d) =>
      `The Word file unpacks to more than ${d.max}, or to more than ${d.xml} of XML, and is not minutes; nothing was read.`,
    textTooLong: (max) => `The text of the file is longer than ${max} characters, more than a protocol may be; nothing was read.`,
    pdfNoText: 'The PDF has no text layer (it is scanned); it must be OCR’d before it can be imported.',
    pdfUnreadable: 'The PDF could not be read (damaged or password-protected).',
    progress: (d) => `[${d.n}/${d.total}] ${d.file}`,
    already: (d) => `${d.source}: already imported as ${d.file}; nothing done.`,
    skipped: (list) => `Not read (not .txt, .md, .docx or .pdf): ${list}`,
    review: (n) =>
      `${n} ${n === 1 ? 'entry was' : 'entries were'} read as people but should be reviewed (a name right after a name may be an organisation):`,
    noise: (n) => `${n} ${n === 1 ? 'line was' : 'lines were'} taken out as page numbers, running headers and signature lines:`,
    todoHeading: 'Left for the secretary:',
    todo: {
      date: 'the meeting date is missing',
      time: 'fill in the time (time: TODO)',
      place: 'fill in the place (place: TODO)',
      chair: 'fill in the chair',
      secretary: 'fill in the secretary',
      unmentioned: 'place the members the protocol does not mention under regrets or absent (or import with --absent-unmentioned)',
      review: 'review the entries above',
      notUnderstood: 'go through the lines that were not understood; they remain in the text',
      none: 'review the draft and approve it',
    },
    table: {
      file: 'File',
      date: 'Date',
      present: 'Pres.',
      absent: 'Abs.',
      guests: 'Guests',
      items: 'Items',
      decisions: 'Decisions',
      review: 'Review',
      status: 'Result',
      written: 'written',
      dryRun: 'dry run',
      notWritten: 'not written',
      already: 'already imported',
    },
  },

  docs: {
    introTitle: (d) => `Welcome to ${d.network}`,
    introFor: (d) => `Introduction for ${d.name}.`,
    asOf: (d) => `As of ${d.date}.`,
    mission: 'Mission',
    rules: 'Rules',
    decidesYes: 'The network takes decisions; they are recorded under each item of the protocol.',
    decidesNo: 'The network takes no decisions; it makes agreements, which each municipality then decides on.',
    substitutes: {
      none: 'Members have no substitutes; an acting director counts as a member.',
      personal: 'Each member may have a personal substitute who attends when the member cannot.',
      any: 'When a member cannot attend, the municipality may send someone else.',
    },
    perTerm: (n) => `The network meets ${n} times a term.`,
    roster: 'Members',
    roles: { chair: 'chair', 'vice-chair': 'vice-chair', secretary: 'secretary', member: 'member' },
    acting: 'acting',
    upcoming: 'Coming meetings',
    noUpcoming: 'No meetings are planned in the coming twelve months.',
    noComing: 'No coming meetings are in the calendar.',
    recent: 'Decisions of the last four meetings',
    open: 'Open assignments',
    contact: 'Contact',
    you: 'For you',
    yourNetworks: 'You sit in',
    yourSubstitute: (d) => `Your personal substitute is ${d.name}.`,
    yourPrincipal: (d) => `You are the personal substitute for ${d.name} in ${d.network}.`,
    yourAssignments: 'Your assignments',
    digestTitle: (d) => `${d.municipality}: to take home from the networks, ${d.period}`,
    representatives: 'The municipality’s representatives in the networks',
    content: 'What the networks dealt with',
    representedIntro: 'The municipality’s representatives in the networks and their attendance in the period.',
    notRepresented: 'The municipality had no representative in any network in the period.',
    toAct: 'Decisions to anchor and carry out',
    toActIntro: 'Decisions addressed to all municipalities or naming this one come first, marked in the column Take home.',
    ourAssignments: 'Assignments of the municipality’s representatives',
    comingMeetings: 'Coming meetings',
    columns: {
      time: 'Time',
      place: 'Place',
      theme: 'Theme',
      agenda: 'Agenda',
      network: 'Network',
      protocol: 'Protocol',
      email: 'E-mail',
      phone: 'Phone',
      title: 'Title',
      organisation: 'Organisation',
      municipalityOrOrganisation: 'Municipality or organisation',
      role: 'Role',
      from: 'Since',
      substitute: 'Substitute',
    },
    calendarTitle: 'Meeting plan',
    cancelled: 'cancelled',
    ics: { theme: 'Theme', agenda: 'Agenda', protocol: 'Protocol', inArchive: 'in the archive' },
  },

  protocol: {
    title: (d) => `${d.network} – ${d.kind === 'protokoll' ? 'Minutes' : 'Notes'} ${d.id}`,
    subject: (d) => `Meeting of ${d.date}, ${d.place}`,
    date: 'Date',
    time: 'Time',
    place: 'Place',
    theme: 'Theme',
    clock: (t) => t,
    span: (d) => `${d.from}–${d.to}`,
    list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),
    draft: 'Not approved – draft',
    internal: 'Internal – contains information that is not published',
    publicVersion: 'Public version: information covered by secrecy is left out.',
    participants: 'Participants',
    present: 'Present',
    regrets: 'Sent regrets',
    absent: 'Absent',
    guests: 'Guests',
    nobody: '–',
    roles: { chair: 'chair', secretary: 'secretary' },
    from: (t) => `from ${t}`,
    until: (t) => `until ${t}`,
    items: (d) => (d.many ? `items ${d.list}` : `item ${d.list}`),
    remote: 'took part remotely',
    substituteFor: (name) => `substitute for ${name}`,
    unnamed: 'name not published',
    decisions: 'Decisions',
    agreements: 'Agreements',
    assignment: (d) => `Assignment ${d.id}: ${d.owner}${d.due !== undefined ? `, due ${d.due}` : ''}.`,
    followsUp: (ids) => `Follows up ${ids}.`,
    secret: (reason) => `Secrecy: ${reason}`,
    corrections: 'Corrections',
    correction: (d) => `${d.date}, ${d.by}: ${d.what}`,
    approval: 'Approval',
    keeper: 'Minutes taken by',
    approvers: 'To be approved by',
    approved: (d) => `Approved on ${d.date} by ${d.by} (${d.method}).`,
    approvedNoRecord: 'Approved.',
    ref: (ref) => `Registration number: ${ref}`,
    methods: { paper: 'signed on paper', 'e-signature': 'electronic signature' },
  },

  roster: {
    title: (d) => `Roster: ${d.network}`,
    onDate: (d) => `As of ${d.date}${d.term ? `, term ${d.term}` : ''}.`,
    overTerm: (d) => `Term ${d.term}, ${d.from} – ${d.to}.`,
    meetings: (d) => `Meetings: ${d.held} held${d.planned ? ` of ${d.planned} planned` : ''}; ${d.calendar} in the calendar.`,
    columns: {
      name: 'Name',
      municipality: 'Municipality',
      role: 'Role',
      acting: 'acting',
      substitute: 'Substitute',
      joined: 'Since',
      terms: 'Terms',
      attended: 'Attended',
      rate: 'Rate',
      substituteAttended: 'Substitute came',
    },
    rotateTitle: (d) => `Proposal for term ${d.next} (${d.from} – ${d.to}) of ${d.network}`,
    rotateSummary: (d) =>
      `${d.replace} of ${d.seats} seats change after term ${d.current}: longest-serving first, on equal time the lowest attendance, then name.`,
    leaving: 'Leaving',
    staying: 'Staying',
    incoming: 'Proposed to join (waited longest)',
    noCandidates: 'The network lists no candidates in network.yml; choose new members yourself.',
    never: 'never held a seat',
    lastSeat: (d) => `last ${d.date}`,
    tenure: (d) => `${Math.round((d.days / 365.25) * 10) / 10} years`,
    written: (d) => `Wrote term ${d.term} to ${d.file}.`,
    chooseFor: (d) => `Choose a person from ${d.municipality} and add them under roster.`,
    turn: (d) => `${d.year}: regular ${d.regular}, reserve ${d.reserve}.`,
    noRotation: 'The network has no turn order (rotation) in network.yml.',
    noTerms: 'The network has no terms in network.yml.',
  },

  cli: {
    description: 'kd keeps the protocols of municipal director networks in a versioned archive and checks them.',
    usageWords: { options: '[options]', command: '[command]' },
    titles: {
      'Usage:': 'Usage:',
      'Options:': 'Options:',
      'Arguments:': 'Arguments:',
      'Commands:': 'Commands:',
      'Global Options:': 'Global options:',
    },
    options: {
      archive: 'the archive folder (otherwise kd.yml is looked for upwards from the current folder, or KD_ARCHIVE)',
      lang: 'language of the output: sv or en',
      color: 'no colour (also NO_COLOR)',
      help: 'show help',
      version: 'show the version',
      format: 'output format',
      strict: 'warnings also give exit code 1',
      changed: 'report only on files changed against --base, and what they touch',
      base: 'the revision to compare with (otherwise the merge-base with the main branch, or HEAD)',
      at: 'read the archive as it was at a commit (branch, tag or id), without touching the working tree',
      network: 'the network’s id or name (otherwise the only one, or default_network in kd.yml)',
      date: 'meeting date YYYY-MM-DD (otherwise the next meeting in calendar.yml)',
      time: 'meeting time HH:MM-HH:MM',
      place: 'place',
      agenda: 'a file with one item a line (otherwise the calendar’s agenda)',
      dryRun: 'print the protocol instead of saving it',
      edit: 'open the file in $VISUAL or $EDITOR',
      person: 'only this person (id or name)',
      municipality: 'only this municipality, with or without "kommun"/"stad"',
      half: 'half-year, e.g. 2019H1 (1 Jan–30 Jun) or 2019H2',
      from: 'from date YYYY-MM-DD, included',
      to: 'to date YYYY-MM-DD, included',
      grep: 'only decisions whose text contains TEXT',
      owner: 'only this owner: a person (id or name) or a label from owners in kd.yml',
      open: 'only open assignments (overdue ones too)',
      overdue: 'only overdue assignments',
      done: 'only done assignments',
      asOf: 'status as of date YYYY-MM-DD (otherwise today)',
      initDir: 'the folder for the new archive (otherwise the current folder)',
      organisation: 'the organisation’s name',
      networkId: 'the network’s id (a–z, 0–9 and hyphens)',
      networkName: 'the network’s name',
      decides: 'the network takes decisions',
      noDecides: 'the network only makes agreements',
      substitutesOption: 'substitutes: none, personal or any',
      secretary: 'the secretary’s name',
      secretaryFrom: 'secretary since YYYY-MM-DD (the oldest protocol’s date when the archive is filled backwards)',
      municipalityList: 'a member municipality (give the option once per municipality)',
      absentUnmentioned: 'members the protocol does not mention are placed under absent',
      importFiles: 'files or folders to import (.txt, .md, .docx, .pdf)',
      addPeople: 'add unknown names to people.yml',
      roster: 'read a member list ("Name, [tf,] Municipality") into the network\'s roster',
      rosterComplete:
        'with --roster: the list is the whole roster as of --date, so members it does not name leave too (otherwise only those someone in the list replaces)',
      importDate: 'meeting date when the file lacks it (with --roster: the date the members start)',
      importFormat: 'format of the summary: text or json',
      introPerson: 'for one person (id or name): their assignments, substitute and networks',
      introAsOf: 'as of date YYYY-MM-DD (otherwise today)',
      docFormat: 'md (default) or html',
      calendarFormat: 'ics (default), md or json',
      baseUrl:
        'the web address the archive’s pages are published at (otherwise site_url in kd.yml): meetings link to their protocols’ pages there',
      digestMunicipality: 'the municipality, with or without "kommun"/"stad"',
      on: 'as of date YYYY-MM-DD',
      term: 'the term id',
      nextTerm: "the next term's id",
      share: 'share of seats to change (default 1/3)',
      write: 'write the new term to network.yml',
      year: 'the year',
      reportHalf: 'the half-year: 2019H1 (1 Jan–30 Jun) or 2019H2 (1 Jul–31 Dec)',
      reportAsOf:
        'the state on the day the summary is presented, YYYY-MM-DD within the half-year (otherwise today if it is in the half-year, else its last day); later planned meetings are coming',
      reportFormat: 'md (default), html or json',
      out: 'write to FILE instead of standard output',
      force: 'overwrite FILE if it exists',
      reportNetwork: 'only this network (id or name)',
      indexCheck: 'write nothing; exit 1 naming the registers that do not match the protocols',
      indexAsOf: 'status date of the assignment register (otherwise the date of the archive’s latest protocol)',
      approveBy: 'who approved, ids or names, separated by commas',
      approveDate: 'the day of approval YYYY-MM-DD (otherwise today)',
      approveMethod: 'paper (the default) or e-signature',
      approveRef: 'registry number or the e-signature’s reference',
      siteOut: 'the folder the site is written to (default site); only kd’s own files there are rewritten or removed',
      sitePublic: 'the public version, also the default: confidential items and unpublished guests are left out',
      siteInternal: 'internal version with everything, confidential items and unpublished guests included (the default is public)',
      siteAsOf: 'as of that day YYYY-MM-DD: coming meetings and overdue assignments (otherwise today)',
      public:
        'public version: confidential items and decisions show only their number, title and reason, and guests not to be published are left unnamed',
    },
    commands: {
      check: 'check the archive’s files and protocols',
      checkPaths: 'files or folders to report on (the whole archive is read all the same)',
      schema: 'print the JSON Schema of a kind of file, for editors',
      rules: 'the rules of kd check: severity and what each checks',
      explain: 'what a rule checks, with examples of what it accepts and what it reports',
      explainRule: "the rule's id, as kd check writes it (e.g. roster-unaccounted)",
      schemaKind: 'config, people, network, calendar or protocol',
      newProtocol: 'create the next protocol from the roster, the calendar and the open assignments',
      roster: 'the roster on a date or over a term, with tenure and attendance',
      rotate: 'a proposal for the next term: which seats change and who has waited longest',
      turn: 'whose turn it is by the turn order',
      intro: 'the introduction package for someone joining a network',
      digest: 'to take home: a municipality’s summary of the networks’ half-year',
      calendar: 'the meeting plan as iCalendar, Markdown or JSON',
      import: 'bring older protocols (text, Markdown, Word) into the archive as drafts',
      init: 'create a new archive with CI files and a pre-commit hook',
      report: 'the half-year summary over all networks (June and December)',
      attendance: 'attendance by person, meeting and municipality',
      decisions: 'decisions and agreements with stable ids',
      assignments: 'assignments: open, overdue and done',
      index: 'write the registers (attendance, decisions, assignments) to index/ in the archive',
      preCommit: 'what the archive’s pre-commit hook runs: checks the changes as CI does and adds current registers to the commit',
      approve: 'approve a protocol: status justerat and the record of the approval in one write',
      approveProtocol: 'the protocol’s file or id, e.g. "kd-gruppen 7/2019"',
      help: 'show help for a command',
      verify: 'tells whether a PDF is an approved protocol in the archive, and which (by SHA-256)',
      verifyFile: 'the PDF file to check',
      render: 'the protocol as a document, as members receive it (Markdown, HTML or PDF/A)',
      site: 'the whole archive as a static website with search, public unless told otherwise',
      renderProtocol: 'the protocol’s file or id, e.g. "kd-gruppen 3/2019"',
    },
    errors: {
      'already-approved': (d) => `The protocol ${d.id} is already approved; an approved protocol changes only through corrections.`,
      'approver-absent': (d) => `${q(d.id)} did not take part in the meeting ${d.protocol}, expected an approver among those present.`,
      'approval-before-meeting': (d) => `Unexpected approval date ${d.date}, expected the meeting's date ${d.meeting} or later.`,
      'protocol-unreadable': (d) => `${d.file} has no front matter between two --- lines, expected a protocol.`,
      'no-archive': (d) => `No archive found: no kd.yml in ${d.cwd} or any folder above it. Give --archive DIR or KD_ARCHIVE.`,
      'archive-not-found': (d) => `The archive folder ${d.dir} has no kd.yml.`,
      'path-outside': (d) => `The path ${d.path} is outside the archive.`,
      'path-missing': (d) => `The path ${d.path} does not exist.`,
      'unknown-option': (d) => `Unknown option ${d.option}${d.suggestion ? `; did you mean ${d.suggestion}?` : '.'} See kd --help.`,
      'unknown-command': (d) => `Unknown command ${d.command}${d.suggestion ? `; did you mean ${d.suggestion}?` : '.'} See kd --help.`,
      'missing-argument': (d) => `The argument ${d.name} is missing.`,
      'option-missing-argument': (d) => `The option ${d.option} needs a value.`,
      'excess-arguments': (d) => `Too many arguments: expected ${d.expected}, got ${d.found}.`,
      'invalid-choice': (d) => `Unexpected value ${q(d.found)} for ${d.option}, expected ${d.allowed}.`,
      io: (d) =>
        `Could not read or write${d.file ? ` ${d.file}` : ''} (${d.code}); nothing in the archive was changed. Check space and permissions and try again.`,
      internal: 'kd ran into an unexpected error. Please report it with the output below:',
      'network-required': (d) => `The archive has several networks; give --network with one of: ${d.networks}.`,
      'unknown-network-option': (d) =>
        `Unknown network ${q(d.found)}, expected the id or name of one of the archive's networks${suggest(d)}`,
      'network-unreadable': (d) => `${d.file} has errors and cannot be used. Run kd check and correct it first.`,
      'half-required': (d) => `Give the half-year with --half, for example: ${d.example} (H1 is January–June, H2 July–December).`,
      'options-required': (d) => `Missing: ${d.options}. For example: ${d.example}`,
      'missing-options': (d) =>
        `Missing: ${d.options}. Give them as options, put the meeting in calendar.yml, or run kd in a terminal to be asked.`,
      'invalid-option-value': (d) => `Unexpected ${q(d.found)} for ${d.option}, expected ${d.expected}.`,
      'date-before-existing': (d) =>
        `The meeting on ${d.date} is before ${d.file} in the same year; numbers follow dates, so the protocol cannot go here.`,
      'no-secretary': (d) =>
        `The network ${d.network} has no secretary (role: secretary) on its roster on ${d.date}; add one in network.yml.`,
      'agenda-unreadable': (d) => `The agenda ${d.file} could not be read as UTF-8 text.`,
      'file-exists': (d) =>
        `${d.file} already exists and is never overwritten. Choose another date, or move the file yourself if it is to be replaced.`,
      'no-editor': () => `Neither $VISUAL nor $EDITOR is set; open the file yourself.`,
      'no-input': () => `The input ended before everything was filled in.`,
      'needs-out': (d) =>
        `Unexpected --format ${d.format} without --out, expected --out FILE: ${d.format === 'pdf' ? 'a PDF' : 'a Word document'} is written only to a file.`,
      'site-blocked': (d) =>
        `The site is not built: ${d.count} errors in the archive (above). Its readers must be able to trust it; correct them and run again.`,
      'site-out-file': (d) => `${d.dir} is a file, expected a folder to write the site to; choose another with --out.`,
      'site-not-kd': (d) =>
        `The folder ${d.dir} exists and has files but no .kd-site.json, expected an empty folder or one kd site wrote; kd does not overwrite others’ files. Choose another folder with --out.`,
      'archive-changed': (d) =>
        `${d.file} changed while kd was reading the archive: what kd read first no longer matches the file. Run the command again when nothing is writing to the archive.`,
      'site-changed': () =>
        'The archive changed while the site was built: the threads building it read different archives. Run kd site again when nothing is writing to the archive.',
      'out-exists': (d) => `${d.file} already exists; give --force to overwrite it.`,
      'report-blocked': (d) =>
        `The report is not built: ${d.count} errors in the archive (above) concern the period. A summary must not rest on broken protocols; correct them and run again.`,
      'unknown-revision': (d) => `Unknown revision ${q(d.rev)}, expected a commit, branch or tag in the archive's git repository.`,
      'not-in-git': () => `The archive is not in a git repository, so --at and --changed cannot be used.`,
      'init-exists': (d) => `Overwriting nothing: ${d.files} already exists. Choose another folder.`,
      'history-unavailable': () =>
        `The history rule (frozen-protocol) could not run: the archive is not in a git repository that git can read (git is missing, or git refuses the repository, e.g. "dubious ownership"). It was asked for (--base, --changed or CI), so the check stops instead of passing without it.`,
      'people-invalid': (d) =>
        `${d.file} has errors (run kd check) and is not written to, since people could be lost; correct the file and run again.`,
      blocked: (d) =>
        `No answer: ${d.count} ${d.count === 1 ? 'error' : 'errors'} in the archive (above) concern what was asked, and a broken protocol would count as if the meeting never took place. Correct them and run again.`,
      'template-invalid': (d) =>
        `The template ${d.file} cannot be used: unexpected ${d.found}, expected a plain Mustache template (at most 64 kB, no partials or delimiter changes, no section inside a section of the same name).`,
      'scaffold-invalid': (d) =>
        `The new protocol would not pass kd check (${d.file}:${d.line}:${d.column}: ${d.message}); nothing was written. Correct the template in templates/.`,
      'init-missing': (d) => `Missing for the new archive: ${d.options}. Give them as options, or run kd init in a terminal to be asked.`,
      'unknown-municipality-option': (d) => `Unknown municipality ${q(d.found)}, expected one of the municipalities in kd.yml${suggest(d)}`,
      'unknown-person-option': (d) => `Unknown person ${q(d.found)}, expected an id or name from people.yml${suggest(d)}`,
      'unknown-owner-option': (d) =>
        `Unknown owner ${q(d.found)}, expected a person from people.yml${d.labels.length > 0 ? ` or ${or(d.labels)} (owners in kd.yml)` : ''}${suggest(d)}`,
      'ambiguous-option': (d) =>
        `${q(d.found)} for ${d.option} could be ${or(d.candidates)}; ${d.byId ? 'give the id' : 'write the name as the archive does'}.`,
      'unknown-term': (d) => `Unknown term ${q(d.id)}, expected one of: ${d.known}.`,
      'term-exists': (d) => `The term ${q(d.id)} already exists in network.yml and is never overwritten.`,
      'no-terms': (d) => `The network ${d.network} has no terms to start from.`,
      'conflicting-options': (d) => `The options ${d.options} cannot be used together.`,
      'stale-index': (d) =>
        `${d.count} ${d.count === 1 ? 'register does' : 'registers do'} not match the protocols. Run kd index and commit the result; with the pre-commit hook on (git config core.hooksPath .githooks) this happens by itself.`,
      'hook-not-in-git': () =>
        `The archive is not in a git repository; kd pre-commit is run by git before each commit (git config core.hooksPath .githooks).`,
      'staged-unreadable': () =>
        `git could not read or update what is to be committed (git write-tree, git add). Resolve any conflicts and try again.`,
      'archive-locked': (d) =>
        `The archive is being written by another run of kd (process ${d.pid} on ${d.host}, started ${d.started}); try again when it is done, or remove ${d.file} if that process no longer exists.`,
      'unknown-rule': (d) => `Unknown rule ${q(d.id)}${d.known ? `; did you mean ${d.known}?` : '.'} See kd rules.`,
      'as-of-outside': (d) => `--as-of ${d.date} lies outside the half-year, expected a date from ${d.from} to ${d.to}.`,
      'unknown-protocol': (d) =>
        `Unknown protocol ${q(d.found)}, expected a protocol file or an id such as "kd-gruppen 3/2019"${suggest(d)}`,
      interrupted: (d) => `Interrupted (${d.signal}); what had been written was removed again, so nothing changed in the archive.`,
    },
  },
  rules: {
    file: {
      title: 'Files can be read',
      description:
        "Every file of the archive can be read: it lies inside the archive (no symbolic link out), is a regular file under the 1 MiB limit, and folders and file names follow the archive's pattern.",
    },
    encoding: {
      title: 'Text encoding',
      description:
        'The file is UTF-8 text (a BOM and CRLF are fine) without control characters, which would mean a binary or damaged file.',
    },
    'front-matter': {
      title: 'Front matter',
      description:
        'The protocol starts with exactly `---` on its first line and the front matter ends with a `---` line of its own; `---js` and other executable variants are refused.',
    },
    'yaml-syntax': {
      title: 'YAML syntax',
      description:
        'The front matter and the YAML files are valid YAML 1.2 without duplicate keys. Common slips are pointed out where they are, with what to do: a colon in a text, text after a quote, a quote or bracket never closed, a colon without a space, a key without a colon, wrong indentation, a missing dash, a tab or non-breaking space in the indentation, quotation marks from Word, `#` at the start of a value.',
    },
    'yaml-slip': {
      title: 'Ambiguous YAML',
      description:
        'Text that YAML reads otherwise than it looks, though it may be meant: a `#` followed straight by a word after a text, which makes the rest of the line a comment; typographic quotation marks from Word around a text, which stay in the text; a line without a dash that reads as the rest of the item above.',
    },
    'yaml-alias': {
      title: 'YAML aliases',
      description: 'The YAML files use no anchors and aliases (`&` and `*`), which can blow a small file up into a huge one.',
    },
    schema: {
      title: 'Schema',
      description:
        'Every file follows the schema of its kind: the right keys, required details filled in, and values of the right sort (dates, times, ids).',
    },
    body: {
      title: 'Protocol text',
      description: "The protocol's text after the front matter can be read within kd's limits of depth and length.",
    },
    todo: { title: 'TODO left', description: 'No `TODO` is left where `kd import` found no time or place in the source.' },
    'frozen-protocol': {
      title: 'Approved protocols',
      description:
        'A protocol that was approved in the base revision is unchanged, except for new corrections at the end of `corrections:`.',
    },
    'unknown-person': {
      title: 'Unknown person',
      description: 'Everyone named (chair, secretary, attendance, substitutes, rosters, corrections) is in people.yml.',
    },
    'approval-record': {
      title: 'Approved without a record',
      description:
        'A protocol approved in the change has a record of its approval (approval: who, when, how). Protocols approved before kd kept the record, or added already approved, are left as they are.',
    },
    confidential: {
      title: 'Correction of a confidential item',
      description:
        'A correction that names a confidential item (punkt 3, § 3, item 3) is itself marked `confidential`, so that the public version does not print it.',
    },
    approval: {
      title: 'Approval',
      description:
        'The approval record holds: those who approved and those named to approve (approvers) took part in the meeting, it is dated on or after the meeting, and only an approved protocol has one.',
    },
    'unknown-owner': {
      title: 'Unknown owner',
      description: "An assignment's owner is a person in people.yml or a label that kd.yml lists under owners, such as the secretariat.",
    },
    'network-mismatch': {
      title: 'Wrong network folder',
      description: 'The protocol lies in the folder of the network it names under `network:`.',
    },
    'unknown-network': { title: 'Unknown default network', description: '`default_network` in kd.yml is a network of the archive.' },
    'unknown-municipality': {
      title: 'Unknown municipality',
      description: "Each person's municipality in people.yml is on kd.yml's list of municipalities.",
    },
    'officer-absent': {
      title: 'Chair or secretary absent',
      description: 'The chair and the secretary are among those who attended the meeting.',
    },
    'chair-missing': { title: 'Chair missing', description: 'A protocol (not notes) says who chaired the meeting.' },
    'attendance-duplicate': {
      title: 'Listed twice',
      description: 'Nobody is listed more than once in the attendance (present, partial, remote, substitutes, regrets, absent).',
    },
    'roster-unaccounted': {
      title: 'Member missing from attendance',
      description: "Every member of the network on the meeting's date is in the attendance: present, substituted, with regrets or absent.",
    },
    'not-on-roster': {
      title: 'Regrets from a non-member',
      description:
        "Whoever sent regrets or was absent is a member on the meeting's date (a warning: it may be right, but is worth a look).",
    },
    substitute: {
      title: 'Substitutes',
      description: "Substitutes follow the network's rule (no substitutes, personal substitutes, or anyone) and stand in for a member.",
    },
    'number-duplicate': {
      title: 'Protocol number used twice',
      description: "Within a network's year every protocol has a number of its own.",
    },
    'number-gap': { title: 'Gap in the numbering', description: "Within a network's year protocols are numbered 1, 2, 3 … without gaps." },
    'number-order': { title: 'Numbers out of order', description: "Protocol numbers follow the meetings' dates within a network's year." },
    'file-name': {
      title: 'File name',
      description: 'File name and folder match network, date and number: `networks/<network>/protocols/<year>/<date>-<number>.md`.',
    },
    'item-numbering': { title: 'Item numbering', description: 'The items under `items:` are numbered 1, 2, 3 … in order.' },
    'section-extra': {
      title: 'Section without an item',
      description: 'Every `## N.` section of the text belongs to an item under `items:`, and no item has two sections.',
    },
    'section-missing': {
      title: 'Item without a section',
      description: 'Every item under `items:` has its `## N.` section in the text (a heading in a code block does not count).',
    },
    'section-title': {
      title: 'Section heading',
      description: "The section's heading matches the item's title (a warning: a deliberately different wording is fine).",
    },
    'time-range': {
      title: 'Times of partial attendance',
      description: "Whoever attended part of the meeting came and left within the meeting's hours, and came before leaving.",
    },
    'item-range': {
      title: 'Items of partial attendance and guests',
      description: 'The items given for partial attendance and for guests exist in the protocol.',
    },
    'decision-kind': {
      title: 'Decision or agreement',
      description: 'A deciding network makes decisions (`decisions:`), other networks make agreements (`agreements:`).',
    },
    'due-date': { title: 'Due date', description: "An assignment's due date lies after the meeting." },
    'follows-up': {
      title: 'Follow-up',
      description: '`follows_up` points at an assignment (a decision with an owner) of an earlier meeting that is in the archive.',
    },
    'roster-term': { title: 'Membership dates', description: 'A membership of the network ends after it starts.' },
    'roster-overlap': { title: 'Overlapping memberships', description: "One person's memberships of the same network do not overlap." },
    'calendar-duplicate': { title: 'Date planned twice', description: 'The calendar plans each date once.' },
    'term-duplicate': { title: 'Term of office twice', description: 'Every term of office has an id of its own.' },
    'term-meetings': {
      title: 'Planned meetings per term',
      description: "A term's planned meetings (`meetings:`) match the network's `meetings_per_term` when both are given.",
    },
    'term-order': { title: 'Term dates', description: 'A term of office ends after it starts.' },
    'term-overlap': { title: 'Overlapping terms', description: 'Terms of office follow each other without overlap.' },
    'roster-outside-terms': {
      title: 'Membership outside the terms',
      description: "When the network has terms of office, the roster's dates lie within one of them.",
    },
  },
  ruleDocs: {
    columns: { rule: 'rule', severity: 'severity', checks: 'checks' },
    warningOnly: 'warning',
    messages: 'Findings the rule can give',
    ok: 'Example that passes',
    notOk: 'Example that gives a finding',
    committed: (d) => `${d.file}, as it was approved in the previous commit:`,
    file: (d) => `${d.file}:`,
    removed: (d) => `${d.file} is removed.`,
    gives: 'kd check says:',
  },
};

function yamlCode(code: ErrorCode): string {
  return en.yamlCodes[code];
}

function quoteAdvice(quote: '"' | "'"): string {
  return quote === '"'
    ? `Put the whole text inside straight quotes, "…" (if the text itself holds ", use '…').`
    : `Put the whole text inside straight single quotes, '…', since it holds " or \\ itself (a ' in the text is then written '').`;
}

function expectation(e: Expectation): string {
  return wordExpectation(en, q, e);
}
