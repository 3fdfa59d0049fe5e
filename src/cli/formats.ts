/**
 * The --format choices, in one light module: main.ts builds the help from
 * them without loading any command, and the commands type their options by them.
 */
export const CHECK_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export const QUERY_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export const DOC_FORMATS = ['md', 'html'] as const;
export const CALENDAR_FORMATS = ['ics', 'md', 'json'] as const;
export const SUMMARY_FORMATS = ['text', 'json'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
