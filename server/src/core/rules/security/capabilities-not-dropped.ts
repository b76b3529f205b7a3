import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, getSeq, isScalar } from '../../model/yaml';
import { containerAnchor, containerInsert, isWindowsPod, known, nodeRange, helmUnknown } from './common';
import { BASELINE_CAPABILITIES, CAPABILITY_ALL, psaRef, PSS_DOCS, RESTRICTED_ADD_CAPABILITY } from './psa';
import { defineRule } from '../define';

/**
 * PSS restricted capabilities (check_capabilities_restricted.go): `drop` must hold `ALL` and `add` may
 * hold only NET_BIND_SERVICE. Entries outside the baseline list are dangerous-capability's, so this
 * rule reports only baseline-allowed additions other than NET_BIND_SERVICE (CHOWN, SETUID …).
 * Ranges: the `drop` key (else `capabilities`, else `securityContext`, else the container's name);
 * an offending `add` entry itself.
 */
export const capabilitiesNotDropped = defineRule({
  id: 'capabilities-not-dropped',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'restricted',
  fixTiers: ['review'],
  equivalents: ['kube-linter:drop-net-raw-capability', 'polaris:insecureCapabilities', 'pss:restricted/capabilities'],
  references: [{ title: 'Pod Security Standards: Capabilities (restricted)', url: PSS_DOCS + '#restricted' }, psaRef('check_capabilities_restricted.go')],
  docs: {
    summary: 'A container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE (PSS restricted).',
    risk: 'The runtime\'s default capabilities (CHOWN, SETUID, NET_RAW …) stay available to an attacker inside the container.',
    fix: 'Set securityContext.capabilities.drop: [ALL] and add back only NET_BIND_SERVICE if needed. In the editor the finding underlines the `drop` key, else `capabilities`, else the container\'s securityContext key or name; an extra addition underlines its entry (additions outside the baseline list are dangerous-capability\'s). Quick fix only: dropping capabilities can break images that change users or file ownership at start.',
    differences: {
      'polaris:insecureCapabilities':
        'Polaris also passes `drop: [All]` in any letter case and a drop list that names the runtime\'s default capabilities one by one (NET_ADMIN, CHOWN … AUDIT_WRITE). Dockyard follows the Pod Security Standards: the restricted level needs `drop` to hold `ALL` spelled exactly, and Pod Security Admission rejects the other spellings and lists.',
    },
  },
  messages: {
    messageDrop: 'Container "{container}" does not drop ALL capabilities.',
    messageAdd: 'Container "{container}" adds {capability}; the restricted level allows only NET_BIND_SERVICE.',
    fixTitle: 'Add drop: [ALL]',
    fixTitleRemove: 'Remove {capability}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      if (isWindowsPod(c.pod)) continue;
      if (helmUnknown(doc, c.path)) continue;
      const caps = getMap(c.securityContext, 'capabilities');
      const dropPair = caps ? getPair(caps, 'drop') : undefined;
      const drop = getSeq(caps, 'drop');
      const label = containerLabel(c);
      const dropsAll = drop?.items.some((i) => known(i) === CAPABILITY_ALL) ?? false;
      if (!dropsAll && !(dropPair && drop === undefined && known(dropPair.value) !== undefined)) {
        const edit = () => {
          const editor = new YamlEditor(doc);
          return drop && (drop.items.length > 0 || drop.flow) ? editor.appendItem(drop, CAPABILITY_ALL) : editor.setPath(c.node, ['securityContext', 'capabilities', 'drop'], [CAPABILITY_ALL], containerInsert(c));
        };
        const range = dropPair
          ? doc.keyRange(dropPair)
          : caps
            ? doc.keyRange(getPair(c.securityContext!, 'capabilities')!)
            : containerAnchor(doc, c, 'securityContext');
        ctx.report({
          range,
          message: m('messageDrop', { container: label }),
          fixes: () => [{ title: m('fixTitle'), edits: [edit()] }],
        });
      }
      const add = getSeq(caps, 'add');
      add?.items.forEach((item, i) => {
        if (!isScalar(item)) return;
        const cap = known(item);
        if (cap === undefined || cap === RESTRICTED_ADD_CAPABILITY || !BASELINE_CAPABILITIES.has(cap)) return;
        ctx.report({
          range: nodeRange(doc, item),
          message: m('messageAdd', { container: label, capability: cap }),
          fixes: () => [{ title: m('fixTitleRemove', { capability: cap }), edits: [new YamlEditor(doc).removeItem(add, i)] }],
        });
      });
    }
  },
});
