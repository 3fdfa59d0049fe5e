/*
 * Chart labels are SVG text, which never wraps: a label wider than the
 * chart is cut at its edge. Without a browser to measure in, kd estimates
 * a label's width from its characters in the chart's font (system-ui at
 * the size given) and wraps it at the spaces. The estimate errs wide, so
 * a label laid out to fit does fit.
 */

/** Widths in em, on the wide side of the common system-ui faces (Segoe UI, Roboto, DejaVu Sans, San Francisco). */
function em(ch: string): number {
  if (ch === ' ') return 0.34;
  if (/[ilj.,:;'’!|]/.test(ch)) return 0.34;
  if (/[ftrI()[\]\-–]/.test(ch)) return 0.46;
  if (/[mwMW]/.test(ch)) return 0.98;
  if (/\p{Lu}/u.test(ch)) return 0.8;
  return 0.66;
}

/** About how wide `text` is, in the units of a font of `size`. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += em(ch);
  return w * size;
}

/** `text` as lines no wider than `width`, broken at spaces; a word wider than a line is broken with a hyphen. */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/)) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (textWidth(joined, size) <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    // A word that alone is too wide: as much as fits, with a hyphen, line by line.
    while (textWidth(word, size) > width) {
      let cut = 1;
      const chars = [...word];
      while (cut < chars.length - 1 && textWidth(`${chars.slice(0, cut + 1).join('')}-`, size) <= width) cut++;
      lines.push(`${chars.slice(0, cut).join('')}-`);
      word = chars.slice(cut).join('');
    }
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}
