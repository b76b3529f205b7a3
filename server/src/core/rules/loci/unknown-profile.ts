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
  docs: {
    summary: 'A PROFILES token that no bindep.txt / pydep.txt entry uses, or one that can never match because bindep tokens are [a-z0-9:.-]+ only.',
    risk: 'An unknown token silently matches nothing: the packages you meant to install are missing from the image, and nothing in the build says so.',
    fix: 'Use a profile defined in loci\'s bindep.txt / pydep.txt (or in your EXTRA_BINDEP / EXTRA_PYDEP files), space-separated, lower case, without quotes inside the value.',
  },
  messages: {
    unknown: 'Profile "{token}" is not defined in bindep.txt or pydep.txt: it matches nothing.',
    unknownSuggest: 'Profile "{token}" is not defined in bindep.txt or pydep.txt: it matches nothing. Did you mean "{suggestion}"?',
    quote: 'Profile "{token}" contains a quote character, which stays part of the value here: it can never match.',
    quoteSuggest: 'Profile "{token}" contains a quote character, which stays part of the value here: it can never match. Did you mean "{suggestion}"?',
    comma: 'Profile "{token}" contains a comma: PROFILES is space-separated, so this is one token that can never match.',
    commaSuggest: 'Profile "{token}" contains a comma: PROFILES is space-separated, so this is one token that can never match. Did you mean "{suggestion}"?',
    slash: 'Profile "{token}" contains "/": bindep profiles are [a-z0-9:.-]+, so it can never match.',
    slashSuggest: 'Profile "{token}" contains "/": bindep profiles are [a-z0-9:.-]+, so it can never match. Did you mean "{suggestion}"?',
    uppercase: 'Profile "{token}" has upper-case letters: bindep profiles are lower case, so it can never match.',
    uppercaseSuggest: 'Profile "{token}" has upper-case letters: bindep profiles are lower case, so it can never match. Did you mean "{suggestion}"?',
    underscore: 'Profile "{token}" contains "_": bindep profiles are [a-z0-9:.-]+, so it can never match.',
    underscoreSuggest: 'Profile "{token}" contains "_": bindep profiles are [a-z0-9:.-]+, so it can never match. Did you mean "{suggestion}"?',
    invalid: 'Profile "{token}" has characters bindep profiles cannot have ([a-z0-9:.-]+ only): it can never match.',
    invalidSuggest: 'Profile "{token}" has characters bindep profiles cannot have ([a-z0-9:.-]+ only): it can never match. Did you mean "{suggestion}"?',
    fixTitle: 'Replace "{token}" with "{suggestion}"',
  },
  check(f, report, _all, m) {
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
          ? m(`${reason}Suggest`, { token, suggestion })
          : m(`${reason}`, { token });
      } else {
        if (f.valid.kind.has(token) || f.extrasUnknown) continue;
        suggestion = nearestToken(token, candidates(f)) ?? nearestToken(token, f.valid.profiles);
        message = suggestion
          ? m('unknownSuggest', { token, suggestion })
          : m('unknown', { token });
      }
      report({
        range,
        message,
        fixes: suggestion ? [{ title: m('fixTitle', { token, suggestion }), edits: [{ range, newText: suggestion }] }] : undefined,
      });
    }
  },
});
