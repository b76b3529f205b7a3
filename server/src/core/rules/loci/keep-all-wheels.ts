import { msg } from '../../messages/catalog';
import { argEntry } from '../../loci/sources';
import { isStatic } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

/** Values that read as true and act as true. */
const TRUTHY = new Set(['True', 'true', 'TRUE', 'yes', 'Yes', 'YES', 'y', 'Y', '1', 'on', 'On', 'ON']);
/** Values that read as false but act as true (only the exact string `False` is false). */
const FALSE_LOOKING = /^\s*(false|no|n|0|off|none|f)\s*$/i;

/**
 * R14: requirements.sh tests `== "False"` and project.sh `!= "False"`: only the exact string `False`
 * means false. `false`, `no`, `0`, ` False`, an empty value, and an unquoted `False` in a compose
 * `args:` map (YAML makes it a boolean, compose passes `false`) all keep every wheel and install with
 * `--no-index`.
 */
export const keepAllWheels = lociRule({
  id: 'loci-keep-all-wheels',
  category: 'loci',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [LOCI_REFERENCE],
  check(f, report) {
    const b = f.build;
    if (b.kind !== 'main') return;
    const e = argEntry(b, 'KEEP_ALL_WHEELS');
    if (!e?.value || !isStatic(e.value)) return;
    const v = e.value.text;
    if (v === 'False' || TRUTHY.has(v)) return;
    const range = v === '' ? f.range(e.nameSpan) : f.valueRange(e.value);
    const source = b.lines.text.slice(e.value.start, e.value.end);
    const yamlBoolean = e.yamlPlain === true && /^(false|False|FALSE)$/.test(source);
    if (yamlBoolean || FALSE_LOOKING.test(v) || v.trim() === 'False' || v === '') {
      const newText = e.yamlPlain ? '"False"' : 'False';
      const editRange = v === '' ? f.range({ start: e.value.start, end: e.value.end }) : f.valueRange(e.value);
      report({
        range,
        message: yamlBoolean ? msg('rule.loci-keep-all-wheels.yamlBoolean', { value: source }) : v === '' ? msg('rule.loci-keep-all-wheels.empty') : msg('rule.loci-keep-all-wheels.actsTrue', { value: v }),
        fixes: [{ title: msg('rule.loci-keep-all-wheels.fixTitle'), edits: [{ range: yamlBoolean ? f.range({ start: e.value.start, end: e.value.end }) : editRange, newText }] }],
      });
      return;
    }
    report({ range, message: msg('rule.loci-keep-all-wheels.unclear', { value: v }) });
  },
});
