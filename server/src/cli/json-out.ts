/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces of about `chunk` characters instead of
 * one string: `dockyard lint --format json` on a 200k-line Dockerfile has 80,000 findings, and the
 * one 37 MB string (with V8's pieces of it while it is built) was the CLI's memory peak. Same bytes as
 * JSON.stringify for the plain data the CLI writes (objects, arrays, strings, numbers, booleans,
 * null; `toJSON`; undefined and functions left out of objects and `null` in arrays; a cycle throws);
 * a MappedArray is written as the array its map makes.
 */
/**
 * An array written as `items.map(map)` without making that array: each element is made when it is
 * written and dropped after (the JSON output's 80,000 diagnostics objects are never all alive).
 */
export class MappedArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

export function writeJson(value: unknown, write: (s: string) => void, chunk = 1 << 16): void {
  const parts: string[] = [];
  let size = 0;
  const emit = (s: string) => {
    parts.push(s);
    size += s.length;
    if (size >= chunk) flush();
  };
  const flush = () => {
    if (!parts.length) return;
    write(parts.join(''));
    parts.length = 0;
    size = 0;
  };
  const ancestors = new Set<object>();
  /** The value as JSON.stringify sees it, or undefined when it is left out. */
  const prepare = (v: unknown, key: string): unknown => {
    if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(k: string): unknown }).toJSON(key);
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
  };
  const walk = (v: unknown, pad: string): void => {
    if (v === null || typeof v !== 'object') {
      emit(JSON.stringify(v));
      return;
    }
    if (ancestors.has(v)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(v);
    const inner = pad + '  ';
    if (Array.isArray(v) || v instanceof MappedArray) {
      const items: readonly unknown[] = v instanceof MappedArray ? v.items : v;
      if (!items.length) emit('[]');
      else {
        emit('[\n');
        for (let i = 0; i < items.length; i++) {
          if (i) emit(',\n');
          emit(inner);
          const x = prepare(v instanceof MappedArray ? v.map(items[i]) : items[i], String(i));
          walk(x === undefined ? null : x, inner);
        }
        emit('\n' + pad + ']');
      }
    } else {
      let first = true;
      for (const k of Object.keys(v)) {
        const x = prepare((v as Record<string, unknown>)[k], k);
        if (x === undefined) continue;
        emit(first ? '{\n' : ',\n');
        first = false;
        emit(inner + JSON.stringify(k) + ': ');
        walk(x, inner);
      }
      emit(first ? '{}' : '\n' + pad + '}');
    }
    ancestors.delete(v);
  };
  const top = prepare(value, '');
  if (top === undefined) return;
  walk(top, '');
  emit('\n');
  flush();
}
