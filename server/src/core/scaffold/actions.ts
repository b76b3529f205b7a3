import { msg } from '../messages/catalog';
import { basename, isDockerfileName, isYamlName } from '../model/detect';
import type { Message } from '../types';
import { SERVICES, type ScaffoldService } from './profiles';

/**
 * Which "scaffold here" actions an editor offers for a document: only for empty or nearly empty
 * Dockerfiles and YAML files (whitespace and comments only), so they never get in the way of real
 * content. Pure: the client turns these into code actions that run the scaffold commands.
 */
export interface ScaffoldAction {
  title: Message;
  command: 'dockyard.scaffoldImage' | 'dockyard.scaffoldManifests';
  service: ScaffoldService;
}

export const NEARLY_EMPTY_MAX_CHARS = 2000;

/** Only blank lines and `#` comments (a YAML `---` marker too). */
export function isNearlyEmpty(text: string): boolean {
  if (text.length > NEARLY_EMPTY_MAX_CHARS) return false;
  return text.split(/\r?\n/).every((l) => {
    const s = l.trim();
    return s === '' || s.startsWith('#') || s === '---';
  });
}

function isComposeName(p: string): boolean {
  return /^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(basename(p));
}

/** Services in the order to offer them: one the file name mentions first. */
function servicesFor(fileName: string): ScaffoldService[] {
  const b = basename(fileName).toLowerCase();
  const named = SERVICES.filter((s) => b.includes(s));
  return [...named, ...SERVICES.filter((s) => !named.includes(s))];
}

export function scaffoldActionsFor(doc: { languageId: string; fileName: string; text: string }): ScaffoldAction[] {
  if (!isNearlyEmpty(doc.text)) return [];
  const lang = doc.languageId.toLowerCase();
  const order = servicesFor(doc.fileName);
  const image = (service: ScaffoldService): ScaffoldAction => ({
    title: msg('scaffold.action.image', { service }),
    command: 'dockyard.scaffoldImage',
    service,
  });
  if (lang === 'dockerfile' || isDockerfileName(doc.fileName)) return order.map(image);
  if (lang === 'yaml' || lang === 'dockercompose' || isYamlName(doc.fileName)) {
    if (lang === 'dockercompose' || isComposeName(doc.fileName)) return order.map(image);
    return order.map((service) => ({
      title: msg('scaffold.action.manifests', { what: service === 'glance' ? 'glance-api' : 'cinder' }),
      command: 'dockyard.scaffoldManifests',
      service,
    }));
  }
  return [];
}
