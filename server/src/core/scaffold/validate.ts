import { msg } from '../messages/catalog';
import { nearest } from '../util/strings';
import {
  ALL_PROFILE_TOKENS,
  CODENAMES,
  effectiveProfiles,
  isCodename,
  isMatchableToken,
  isRelease,
  isService,
  type ScaffoldService,
} from './profiles';
import type { OptionProblem } from './types';

/**
 * Option checks shared by the generators, the CLI and the editor commands. Every value that ends up
 * in a generated file is checked here, so the templates can write values without escaping: the
 * output stays valid YAML / shell / Dockerfile and passes `dockyard lint`.
 */

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const REGISTRY_RE = new RegExp(`^(?:${HOST}|${COMPONENT})(?:/${COMPONENT})*$`);
const REFERENCE_RE = new RegExp(`^((?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$`);
const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function checkService(value: string): OptionProblem[] {
  return isService(value) ? [] : [{ option: 'service', message: msg('scaffold.option.unknownService', { value }) }];
}

export function checkRelease(value: string): OptionProblem[] {
  return isRelease(value) ? [] : [{ option: 'release', message: msg('scaffold.option.badRelease', { value }) }];
}

export function checkCodename(value: string): OptionProblem[] {
  return isCodename(value) ? [] : [{ option: 'codename', message: msg('scaffold.option.badCodename', { value, allowed: CODENAMES.join(', ') }) }];
}

export function checkRegistry(value: string): OptionProblem[] {
  return REGISTRY_RE.test(value) && value.length <= 200 ? [] : [{ option: 'registry', message: msg('scaffold.option.badRegistry', { value }) }];
}

/** An image reference with a tag other than `latest`, or a digest. */
export function checkPinnedImage(option: string, value: string): OptionProblem[] {
  const m = REFERENCE_RE.exec(value);
  if (!m || value.length > 255) return [{ option, message: msg('scaffold.option.badImage', { value }) }];
  const [, , tag, digest] = m;
  if (!digest && (!tag || tag === 'latest')) return [{ option, message: msg('scaffold.option.unpinnedImage', { value }) }];
  return [];
}

/** The base image for Dockerfile.base must be pinned and must not name the other Ubuntu codename. */
export function checkBase(value: string, codename: string): OptionProblem[] {
  const p = checkPinnedImage('base', value);
  if (p.length) return p;
  const hints: Record<string, string[]> = { noble: ['noble', '24.04'], jammy: ['jammy', '22.04'] };
  for (const [name, words] of Object.entries(hints)) {
    if (name !== codename && words.some((w) => value.includes(w))) {
      return [{ option: 'base', message: msg('scaffold.option.baseCodename', { value, found: name, codename }) }];
    }
  }
  return [];
}

export function checkNamespace(value: string): OptionProblem[] {
  return DNS_LABEL_RE.test(value) && value.length <= 63 ? [] : [{ option: 'namespace', message: msg('scaffold.option.badNamespace', { value }) }];
}

export const MAX_REPLICAS = 50;

export function checkReplicas(value: number): OptionProblem[] {
  return Number.isInteger(value) && value >= 1 && value <= MAX_REPLICAS
    ? []
    : [{ option: 'replicas', message: msg('scaffold.option.badReplicas', { value: String(value), max: MAX_REPLICAS }) }];
}

export const BACKENDS: Record<ScaffoldService, readonly string[]> = {
  cinder: ['ceph', 'lvm'],
  glance: ['ceph', 'file'],
};

export function checkBackend(service: ScaffoldService, value: string): OptionProblem[] {
  return BACKENDS[service].includes(value)
    ? []
    : [{ option: 'backend', message: msg('scaffold.option.badBackend', { value, service, allowed: BACKENDS[service].join(', ') }) }];
}

/** A path written into a compose file and a shell script: no quoting hazards, no option look-alike. */
export function checkLociPath(value: string): OptionProblem[] {
  const ok = value.length > 0 && value.length <= 1024 && !/["'$`\\\r\n\t#]/.test(value) && !/^[-\s]|\s$/.test(value) && !/: /.test(value);
  return ok ? [] : [{ option: 'loci-path', message: msg('scaffold.option.badPath', { value }) }];
}

/** Package names people write where the profile is meant (REFERENCE §2.4: loci CI's glance `qemu-utils`). */
const PROFILE_ALIASES: Record<string, string> = { 'qemu-utils': 'qemu', lvm2: 'lvm', 'ceph-common': 'ceph', apache2: 'apache', 'fluent-logger': 'fluent' };

/**
 * PROFILES tokens: each must be able to match (REFERENCE §2.1), be defined in loci's data (R1) and
 * add something for the service (R3), so the generated build has no loci-profile finding.
 */
export function checkProfiles(service: ScaffoldService, tokens: readonly string[]): OptionProblem[] {
  const out: OptionProblem[] = [];
  const effective = effectiveProfiles(service);
  for (const value of tokens) {
    if (!isMatchableToken(value)) {
      out.push({ option: 'profiles', message: msg('scaffold.option.profileUnmatchable', { value }) });
    } else if (!ALL_PROFILE_TOKENS.includes(value)) {
      const suggestion =
        PROFILE_ALIASES[value] ?? effective.find((p) => value.startsWith(`${p}-`)) ?? nearest(value, effective, 2) ?? nearest(value, ALL_PROFILE_TOKENS, 2);
      out.push({
        option: 'profiles',
        message: suggestion
          ? msg('scaffold.option.profileUnknownSuggest', { value, suggestion })
          : msg('scaffold.option.profileUnknown', { value }),
      });
    } else if (!effective.includes(value)) {
      out.push({ option: 'profiles', message: msg('scaffold.option.profileNoEffect', { value, service, profiles: effective.join(' ') }) });
    }
  }
  return out;
}

/** Split a PROFILES string the way loci does (whitespace), dropping duplicates but keeping order. */
export function splitProfiles(value: string): string[] {
  const out: string[] = [];
  for (const t of value.split(/\s+/)) if (t && !out.includes(t)) out.push(t);
  return out;
}
