/*
 * The addresses of the archive's pages. The site mirrors the archive: a
 * protocol at networks/<id>/protocols/<year>/<date>-<n>.md has its page at
 * <base>/networks/<id>/protocols/<year>/<date>-<n>.html. The calendar links
 * there today; `kd site` will serve the same addresses, so a link given out
 * now keeps working.
 */

/** The page of an archive file: its path with `.md` made `.html`. */
export function sitePage(file: string): string {
  return file.replace(/\.md$/, '.html');
}

/** The absolute address of an archive file's page under `base` (an address isSiteUrl accepts). */
export function pageUrl(base: string, file: string): string {
  const root = new URL(base);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return new URL(sitePage(file).split('/').map(encodeURIComponent).join('/'), root).href;
}
