/**
 * One format of one kind of result: the text it prints (or writes with
 * --out). Each kind has a map `Record<Format, Reporter<Result>>`, so a
 * command picks its reporter by the format's name.
 */
export type Reporter<R, C = void> = (result: R, ctx: C) => string | Promise<string>;

/** JSON as kd writes it everywhere: two-space indent, a line end after. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
