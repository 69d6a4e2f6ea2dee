/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and UTF-16 surrogates that are not part
 * of a pair (the `u` flag makes a paired surrogate one code point, outside the range). None is ever meant in a
 * buyer's or an agent's text, and PostgreSQL refuses NUL in text outright.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDFFF]/u;
const CONTROLS = new RegExp(CONTROL.source, 'gu');

/** True when `text` holds a character that CONTROL refuses. */
export function hasControlText(text: string): boolean {
  return CONTROL.test(text);
}

/** `text` without the characters CONTROL refuses (for cells of imported files, where the row is kept). */
export function stripControlText(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * The path of the first string or object key inside `value` that holds a control character, such as
 * `body.items[2].name`, or undefined when there is none. Walks iteratively: deep JSON cannot overflow the stack.
 */
export function findControlText(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (CONTROL.test(item)) return path;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], `${path}[${i}]`]);
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (CONTROL.test(key)) return path;
        pending.push([child, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
