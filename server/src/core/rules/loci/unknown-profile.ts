import { msg } from '../../messages/catalog';
import { MOD_OAUTH2 } from '../../loci/args';
import { nearestToken, tokenCanMatch } from '../../loci/profiles';
import { usefulProfiles, type BuildFacts } from '../../loci/facts';
import { BINDEP_REFERENCE, LOCI_REFERENCE, lociRule } from './framework';

/** Why a token can never match bindep's selector grammar `[a-z0-9:.-]+` (R2). */
export function neverMatchReason(token: string): 'quote' | 'comma' | 'slash' | 'uppercase' | 'underscore' | 'invalid' {
  if (/["'`]/.test(token)) return 'quote';
  if (token.includes(',')) return 'comma';
  if (token.includes('/')) return 'slash';
  if (/[A-Z]/.test(token)) return 'uppercase';
  if (token.includes('_')) return 'underscore';
  return 'invalid';
}

/** The profiles worth suggesting for this build: those that do something for PROJECT, else every profile. */
function candidates(f: BuildFacts): string[] {
  if (f.project !== undefined) {
    const useful = usefulProfiles(f).map((p) => p.token);
    if (useful.length) return useful;
  }
  return f.valid.profiles;
}

/** The replacement for a token that can never match: `'lvm` → `lvm`, `lvm,ceph` → `lvm ceph`, `LVM` → `lvm`. */
function repair(f: BuildFacts, token: string): string | undefined {
  const parts = token
    .replace(/["'`]/g, '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length && parts.every((p) => f.valid.kind.has(p))) return parts.join(' ');
  const dashed = parts.map((p) => p.replace(/_/g, '-'));
  if (dashed.length && dashed.every((p) => f.valid.kind.has(p))) return dashed.join(' ');
  return nearestToken(token, candidates(f)) ?? nearestToken(token, f.valid.all);
}

/**
 * R1 (a PROFILES token defined nowhere) and R2 (a token that can never match because it does not fit
 * `[a-z0-9:.-]+`: quotes, commas, `/`, upper case, `_`). Suggests the nearest valid token with a quick fix.
 */
export const unknownProfile = lociRule({
  id: 'loci-unknown-profile',
  category: 'loci',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [LOCI_REFERENCE, BINDEP_REFERENCE],
  check(f, report) {
    const e = f.profilesEntry;
    if (!e?.value || f.build.kind !== 'main' || f.target === 'requirements') return;
    for (const w of f.profileWords) {
      if (!w.static) continue;
      const token = w.token;
      const range = f.valueRange(e.value, w.start, w.end);
      let message;
      let suggestion: string | undefined;
      if (!tokenCanMatch(token)) {
        // keystone's oauth2 script looks for this substring; R21 covers other projects.
        if (token.includes(MOD_OAUTH2.token)) continue;
        suggestion = repair(f, token);
        const reason = neverMatchReason(token);
        message = suggestion
          ? msg(`rule.loci-unknown-profile.${reason}Suggest`, { token, suggestion })
          : msg(`rule.loci-unknown-profile.${reason}`, { token });
      } else {
        if (f.valid.kind.has(token) || f.extrasUnknown) continue;
        suggestion = nearestToken(token, candidates(f)) ?? nearestToken(token, f.valid.profiles);
        message = suggestion
          ? msg('rule.loci-unknown-profile.unknownSuggest', { token, suggestion })
          : msg('rule.loci-unknown-profile.unknown', { token });
      }
      report({
        range,
        message,
        fixes: suggestion ? [{ title: msg('rule.loci-unknown-profile.fixTitle', { token, suggestion }), edits: [{ range, newText: suggestion }] }] : undefined,
      });
    }
  },
});
