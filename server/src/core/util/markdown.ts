/**
 * Workspace text in hover Markdown (issue #12): file contents, CRD descriptions and package names
 * come from strangers, so they are escaped (no links, images or HTML can be injected) or put in a
 * code span whose backtick fence is longer than any backtick run inside it (CommonMark).
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]()<>!#|~{}]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function codeSpan(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return fence + pad + flat + pad + fence;
}
