import type { Message } from '../types';
import { en } from './en';
import { zhCn } from './zh-cn';

/**
 * The one message catalog. Every user-visible string (diagnostics, hovers, fix titles, prompts,
 * CLI output) is an id here with named `{placeholders}`; code never glues sentences together.
 * A translation is a catalog file with the same ids; missing ids fall back to English.
 */
export type Lang = 'en' | 'zh-cn';
export type Catalog = Record<string, string>;

const catalogs: Record<Lang, Catalog> = { en, 'zh-cn': zhCn };

export const LANGS: readonly Lang[] = ['en', 'zh-cn'];

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** Pick the language from a locale string such as `zh_CN.UTF-8`, `zh-cn` or `en_US`. */
export function langFromLocale(locale: string | undefined): Lang {
  if (!locale) return 'en';
  const l = locale.toLowerCase().replace('_', '-');
  if (l.startsWith('zh-cn') || l.startsWith('zh-hans') || l === 'zh') return 'zh-cn';
  return 'en';
}

export function hasMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(en, id);
}

export function messageIds(lang: Lang = 'en'): string[] {
  return Object.keys(catalogs[lang]);
}

export function template(id: string, lang: Lang = 'en'): string | undefined {
  return catalogs[lang][id] ?? en[id];
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/**
 * The argument names a template uses: `{name}` and the `{name, plural, …}` selectors. The texts
 * inside plural cases are not arguments (`one {was} other {were}` names no `was`).
 */
export function placeholders(s: string): string[] {
  const names: string[] = [];
  const rest = s.replace(PLURAL, (_whole, name: string) => {
    names.push(name);
    return '';
  });
  for (const m of rest.matchAll(PLACEHOLDER)) names.push(m[1]);
  return [...new Set(names)];
}

/** Render a message. An unknown id renders as the id itself (and a test keeps that from shipping). */
export function format(message: Message, lang: Lang = 'en'): string {
  const text = t(message.id, message.args, lang);
  return message.notes?.length ? [text, ...message.notes.map((n) => format(n, lang))].join(' ') : text;
}

/**
 * ICU-style plural: `{count, plural, one {# file} other {# files}}`; `#` is the number. The form is
 * chosen with Intl.PluralRules for the catalog's language (Chinese has only `other`).
 */
const PLURAL = /\{([a-zA-Z][a-zA-Z0-9_]*), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function plural(tpl: string, args: Record<string, string | number> | undefined, lang: Lang): string {
  if (!tpl.includes(', plural,')) return tpl;
  const rules = new Intl.PluralRules(lang === 'zh-cn' ? 'zh-CN' : 'en');
  return tpl.replace(PLURAL, (whole, name: string, cases: string) => {
    const n = Number(args?.[name]);
    if (!Number.isFinite(n)) return whole;
    const forms = new Map<string, string>();
    for (const m of cases.matchAll(PLURAL_CASE)) forms.set(m[1], m[2]);
    const text = forms.get(`=${n}`) ?? forms.get(rules.select(n)) ?? forms.get('other') ?? '';
    return text.replace(/#/g, String(n));
  });
}

export function t(id: string, args?: Record<string, string | number>, lang: Lang = 'en'): string {
  const tpl = template(id, lang);
  if (tpl === undefined) return id;
  return plural(tpl, args, lang).replace(PLACEHOLDER, (whole, name: string) => {
    const v = args?.[name];
    return v === undefined ? whole : String(v);
  });
}

export function msg(id: string, args?: Record<string, string | number>): Message {
  return args ? { id, args } : { id };
}
