import { core } from './core';
import { cli } from './cli';
import { kubernetes } from './kubernetes';
import { dockerfile } from './dockerfile';
import { loci } from './loci';
import { scaffold } from './scaffold';
import { settings } from './settings';
import { manifest } from './manifest';
import { ruleMessages } from './rules.generated';
import { helm } from './helm';

/** English catalog, split by area only to keep files short; ids are unique across areas (a test checks). */
export const enParts = { core, cli, kubernetes, dockerfile, loci, scaffold, settings, manifest, helm, rules: ruleMessages };
export const en: Record<string, string> = Object.assign({}, core, cli, kubernetes, dockerfile, loci, scaffold, settings, manifest, helm, ruleMessages);
