/**
 * The --format choices of each kind of result. The reporter maps are typed
 * by them (a format without a reporter does not compile) and the commands
 * declare their --format option from them.
 */
export const CHECK_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export const QUERY_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export const DOC_FORMATS = ['md', 'html'] as const;
/** kd render: the document formats, PDF/A and Word, the last two bytes and written only to a file. */
export const PROTOCOL_FORMATS = [...DOC_FORMATS, 'pdf', 'docx'] as const;
export const CALENDAR_FORMATS = ['ics', 'md', 'json'] as const;
export const SUMMARY_FORMATS = ['text', 'json'] as const;
export const RULES_FORMATS = ['text', 'md', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type QueryFormat = (typeof QUERY_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type DocFormat = (typeof DOC_FORMATS)[number];
export type ProtocolFormat = (typeof PROTOCOL_FORMATS)[number];
export type CalendarFormat = (typeof CALENDAR_FORMATS)[number];
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];
export type RulesFormat = (typeof RULES_FORMATS)[number];
