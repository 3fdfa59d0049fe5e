import { wordExpectation, type Expectation } from './expectation.js';
import type { Catalogue } from './index.js';

/** The English catalogue. Typed against the Swedish one: nothing can be missing. */

const q = (s: string) => `"${s}"`;

export const en: Catalogue = {
  messages: {
    'file.encoding': (d) =>
      `The file is not UTF-8: unexpected byte ${d.byte} (${q(d.char)} in Windows-1252). Save the file as UTF-8.`,
    'file.too-large': (d) =>
      `The file is ${d.size} bytes, larger than the limit of ${d.max} bytes. Split it or check that it is the right file.`,
    'file.symlink-outside': (d) =>
      `Symbolic link points out of the archive (${d.target}); kd reads only files inside the archive.`,
    'file.symlink-dir': () => `A symbolic link to a folder is not followed; put the files in the archive itself.`,
    'file.unreadable': (d) => `The file could not be read (${d.reason}).`,
    'file.missing': (d) => `The file ${d.file} is missing from the archive.`,
    'frontmatter.open': (d) => `Unexpected ${q(d.found)} on line 1, expected ${q('---')} to open the front matter.`,
    'frontmatter.executable': (d) =>
      `Front matter of type ${q(d.found)} runs as code and is not allowed; expected ${q('---')} followed by YAML.`,
    'frontmatter.unclosed': () => `The front matter is never closed: expected a line with only ${q('---')}.`,
    'yaml.error': (d) => `${yamlCode(d.code)}${d.found ? ` (at ${q(d.found)})` : ''}.`,
    'yaml.alias': (d) => `Unexpected YAML alias ${q(d.found)}: aliases are not allowed, write the value out.`,
    'yaml.key': (d) => `Unexpected key ${q(d.found)}, expected a plain text key.`,
    'schema.unknown-key': (d) => `Unknown key ${q(d.key)}.`,
    'schema.missing': (d) => `The key ${q(d.key)} is missing, expected ${expectation(d.expected)}.`,
    'schema.invalid': (d) =>
      `Unexpected ${d.found === '' ? 'empty value' : q(d.found)}, expected ${expectation(d.expected)}.`,
    'unknown-person': (d) => `Unknown person ${q(d.id)}, expected an id from people.yml.`,
    'unknown-network': (d) => `Unknown network ${q(d.id)}, expected a folder networks/${d.id}/ with network.yml.`,
    'unknown-municipality': (d) => `Unknown municipality ${q(d.name)}, expected one of the municipalities in kd.yml.`,
    'network-mismatch': (d) =>
      `Unexpected network ${q(d.found)}, expected ${q(d.expected)} because the file is in its folder.`,
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
    'substitute.no-personal': (d) =>
      `${q(d.principal)} has no personal substitute in network.yml, expected no substitute.`,
    'substitute.principal': (d) =>
      `${q(d.principal)} is substituted but is not a member on the meeting's date, expected a member.`,
    'number-duplicate': (d) => `The number ${d.number} is already used by ${d.other}, expected a unique number within the year.`,
    'number-gap': (d) => `Unexpected number ${d.found}, expected ${d.expected}: numbers run without gaps within the year.`,
    'number-order': (d) =>
      `Number ${d.number} is dated before ${d.other} but has a higher number, expected numbers in date order.`,
    'file-name': (d) =>
      `Unexpected file name ${q(d.found)}, expected ${q(d.expected)} from network, date and number.`,
    'item-numbering': (d) => `Unexpected item number ${d.found}, expected ${d.expected}: items are numbered 1..n.`,
    'section-missing': (d) =>
      `Item ${d.no} (${d.title}) has no section in the text, expected a heading ${q(`## ${d.no}. ${d.title}`)}.`,
    'section-extra': (d) =>
      `Unexpected section ${q(d.found)} without an item in the front matter, expected an item under items with the same number.`,
    'section-title': (d) => `The heading of item ${d.no} is ${q(d.found)}, expected ${q(d.expected)} as in items.`,
    'decision-kind': (d) =>
      d.found === 'decisions'
        ? `Unexpected decisions in a network that does not decide, expected agreements.`
        : `Unexpected agreements in a deciding network, expected decisions.`,
    'time-range': (d) => `The time ${q(d.found)} is outside the meeting ${d.meeting}, expected a time within the meeting.`,
    'time-order': (d) => `From ${d.from} is not before until ${d.until}, expected a time that starts before it ends.`,
    'item-range': (d) => `The items ${q(d.found)} do not exist, expected numbers between 1 and ${d.count}.`,
    'due-date': (d) => `Unexpected due date ${d.due}, expected a date after the meeting on ${d.date}.`,
    'follows-up.unknown': (d) => `Unknown decision ${q(d.ref)}, expected the id of a decision in the archive.`,
    'follows-up.later': (d) => `The decision ${q(d.ref)} was taken on ${d.date}, expected a decision from an earlier meeting.`,
    'follows-up.not-assignment': (d) => `The decision ${q(d.ref)} has no owner, expected an assignment.`,
    'roster-term': (d) => `The term ends on ${d.to} before it starts on ${d.from}, expected to after from.`,
    'roster-overlap': (d) => `${q(d.id)} has two overlapping terms, expected one at a time.`,
    'calendar-duplicate': (d) => `The date ${d.date} is already in the calendar.`,
  },

  expect: {
    id: 'an id of lower-case letters a–z, digits and hyphens (e.g. anna-berg)',
    text: 'a non-empty text',
    date: 'a date YYYY-MM-DD',
    time: 'a time HH:MM',
    'time-range': 'a time HH:MM-HH:MM',
    'time-range-order': 'an end time after the start time',
    'item-range': 'item numbers such as 3, "1-4" or "2,5"',
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
    half: 'a half-year such as 2019H1 or 2019H2',
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
    newProtocol: {
      written: (d) => `Created ${d.file}`,
      todo: 'To fill in after the meeting:',
      todoItems: [
        'attendance: move those who did not come to regrets or absent, and those who came and left to partial',
        'guests under guests, with organisation and role',
        'decisions under each item (decisions, or agreements in a network that does not decide)',
        'follows_up for the assignments reported on',
        'the text under each heading',
      ],
      openCount: (n) => (n === 0 ? 'No open assignments.' : n === 1 ? '1 open assignment is listed under item 1.' : `${n} open assignments are listed under item 1.`),
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
      represented: 'represented by a substitute',
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
    },
    yes: 'yes',
    status: { open: 'open', overdue: 'overdue', done: 'done' },
    kind: { decision: 'decision', agreement: 'agreement' },
    attendanceTitle: (network) => `Attendance: ${network}`,
    municipalitiesTitle: 'Attendance by municipality',
    decisionsTitle: 'Decisions and agreements',
    assignmentsTitle: 'Assignments',
    meetingsLine: (list) => `Meetings: ${list}.`,
    legend: (list) => `Key: ${list}.`,
    inactive: (names) => `Inactive (missed three or more meetings in a row): ${names}.`,
    asOf: (date) => `Status as of ${date}.`,
    none: 'Nothing found.',
    generated: 'Made by kd index from the protocols; do not edit by hand.',
  },

  cli: {
    description: 'kd keeps the protocols of municipal director networks in a versioned archive and checks them.',
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
      network: 'the network id (otherwise the only one, or default_network in kd.yml)',
      date: 'meeting date YYYY-MM-DD (otherwise the next meeting in calendar.yml)',
      time: 'meeting time HH:MM-HH:MM',
      place: 'place',
      agenda: 'a file with one item a line (otherwise the calendar’s agenda)',
      dryRun: 'print the protocol instead of saving it',
      edit: 'open the file in $VISUAL or $EDITOR',
      person: 'only this person (id)',
      municipality: 'only this municipality',
      half: 'half-year, e.g. 2019H1 (1 Jan–30 Jun) or 2019H2',
      from: 'from date YYYY-MM-DD, included',
      to: 'to date YYYY-MM-DD, included',
      grep: 'only decisions whose text contains TEXT',
      owner: 'only with this owner (person id or label)',
      open: 'only open assignments (overdue ones too)',
      overdue: 'only overdue assignments',
      done: 'only done assignments',
      asOf: 'status as of date YYYY-MM-DD (otherwise today)',
      indexCheck: 'write nothing; exit 1 naming the registers that do not match the protocols',
      indexAsOf: 'status date of the assignment register (otherwise the date of the archive’s latest protocol)',
    },
    commands: {
      check: 'check the archive’s files and protocols',
      checkPaths: 'files or folders to report on (the whole archive is read all the same)',
      schema: 'print the JSON Schema of a kind of file, for editors',
      schemaKind: 'config, people, network, calendar or protocol',
      newProtocol: 'create the next protocol from the roster, the calendar and the open assignments',
      attendance: 'attendance by person, meeting and municipality',
      decisions: 'decisions and agreements with stable ids',
      assignments: 'assignments: open, overdue and done',
      index: 'write the registers (attendance, decisions, assignments) to index/ in the archive',
      help: 'show help for a command',
    },
    errors: {
      'no-archive': (d) =>
        `No archive found: no kd.yml in ${d.cwd} or any folder above it. Give --archive DIR or KD_ARCHIVE.`,
      'archive-not-found': (d) => `The archive folder ${d.dir} has no kd.yml.`,
      'path-outside': (d) => `The path ${d.path} is outside the archive.`,
      'path-missing': (d) => `The path ${d.path} does not exist.`,
      'unknown-option': (d) => `Unknown option ${d.option}. See kd --help.`,
      'unknown-command': (d) => `Unknown command ${d.command}. See kd --help.`,
      'missing-argument': (d) => `The argument ${d.name} is missing.`,
      'option-missing-argument': (d) => `The option ${d.option} needs a value.`,
      'excess-arguments': (d) => `Too many arguments: expected ${d.expected}, got ${d.found}.`,
      'invalid-choice': (d) => `Unexpected value ${q(d.found)} for ${d.option}, expected ${d.allowed}.`,
      internal: 'kd ran into an unexpected error. Please report it with the output below:',
      'network-required': (d) => `The archive has several networks; give --network with one of: ${d.networks}.`,
      'unknown-network-option': (d) => `Unknown network ${q(d.id)}, expected one of: ${d.networks}.`,
      'network-unreadable': (d) => `${d.file} has errors and cannot be used. Run kd check and correct it first.`,
      'missing-options': (d) =>
        `Missing: ${d.options}. Give them as options, put the meeting in calendar.yml, or run kd in a terminal to be asked.`,
      'invalid-option-value': (d) => `Unexpected ${q(d.found)} for ${d.option}, expected ${d.expected}.`,
      'date-before-existing': (d) =>
        `The meeting on ${d.date} is before ${d.file} in the same year; numbers follow dates, so the protocol cannot go here.`,
      'no-secretary': (d) =>
        `The network ${d.network} has no secretary (role: secretary) on its roster on ${d.date}; add one in network.yml.`,
      'agenda-unreadable': (d) => `The agenda ${d.file} could not be read as UTF-8 text.`,
      'file-exists': (d) => `${d.file} already exists and is never overwritten. Choose another date, or move the file yourself if it is to be replaced.`,
      'no-editor': () => `Neither $VISUAL nor $EDITOR is set; open the file yourself.`,
      'no-input': () => `The input ended before everything was filled in.`,
      'conflicting-options': (d) => `The options ${d.options} cannot be used together.`,
      'unknown-person-option': (d) => `Unknown person ${q(d.id)}, expected an id from people.yml.`,
      'stale-index': (d) =>
        `${d.count} ${d.count === 1 ? 'register does' : 'registers do'} not match the protocols. Run kd index and commit the result.`,
    },
  },
};

function yamlCode(code: string): string {
  return en.yamlCodes[code] ?? `YAML error ${code}`;
}

function expectation(e: Expectation): string {
  return wordExpectation(en, q, e);
}
