/** The kinds of file in an archive; each has one schema (`schema/index.ts`). */
export const FILE_KINDS = ['config', 'people', 'network', 'calendar', 'protocol'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
