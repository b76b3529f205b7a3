import { core } from './core';
import { cli } from './cli';
import { kubernetes } from './kubernetes';
import { security } from './security';
import { dockerfile } from './dockerfile';
import { loci } from './loci';
import { scaffold } from './scaffold';
import { settings } from './settings';
import { manifest } from './manifest';
import { rulesDockerfile } from './rules-dockerfile';
import { rulesLoci } from './rules-loci';
import { rulesKustomize } from './rules-kustomize';
import { helm } from './helm';

/**
 * Simplified Chinese catalog: every id of the English catalog (`../en`, including the rules made
 * with defineRule), with exactly its placeholders (test/core/messages/catalogs.test.ts checks both,
 * the glossary in `glossary.ts` and the ids listed in `identical.ts`). Split by area like the
 * English one, keyed by the same ids, so a rule's texts moving between English files changes nothing here.
 */
export const zhCnParts = { core, cli, kubernetes, security, dockerfile, loci, scaffold, settings, manifest, helm, rulesDockerfile, rulesLoci, rulesKustomize };
export const zhCn: Record<string, string> = Object.assign({}, core, cli, kubernetes, security, dockerfile, loci, scaffold, settings, manifest, helm, rulesDockerfile, rulesLoci, rulesKustomize);
