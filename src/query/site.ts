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

/** A network's page. */
export function networkPage(id: string): string {
  return `networks/${id}/index.html`;
}

/** A person's page, by id (ids never change; names do). */
export function personPage(id: string): string {
  return `people/${id}.html`;
}

/** A municipality's page: its name folded to a-z, 0-9 and hyphens ("Hässleholm" is hassleholm). */
export function municipalityPage(name: string): string {
  const slug = name
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `municipalities/${slug || 'kommun'}.html`;
}

/** A municipality's digest of a half-year: "reports/2019H2/osby.html". */
export function digestPage(half: string, municipality: string): string {
  return `reports/${half}/${municipalityPage(municipality).slice('municipalities/'.length)}`;
}

/** The link from one page to another, both given from the site's root: "../../people/anna-ahl.html". */
export function relativeHref(from: string, to: string): string {
  const a = from.split('/');
  a.pop();
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const path = '../'.repeat(a.length - i) + b.slice(i).join('/');
  // Each segment as a URL path segment; an anchor after # as written (§ and : are allowed there).
  const [file, anchor] = path.split('#') as [string, string | undefined];
  const encoded = UNRESERVED.test(file)
    ? file
    : file
        .split('/')
        .map((x) => (x === '..' ? x : encodeURIComponent(x)))
        .join('/');
  return anchor !== undefined ? `${encoded}#${anchor}` : encoded;
}

/** A path whose segments encodeURIComponent leaves as they are (most of a site's, which are made of ids). */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()/]*$/;
