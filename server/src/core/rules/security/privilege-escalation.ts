import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, getSeq, isTrue, scalarString, type YScalar } from '../../model/yaml';
import { boolOf, containerAnchor, containerInsert, isWindowsPod, helmUnknown } from './common';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/**
 * `allowPrivilegeEscalation` must be explicitly `false` (PSS restricted, check_allowPrivilegeEscalation.go;
 * Windows pods are exempt since policy 1.25). Error when `true`, warning when absent.
 */
export const privilegeEscalation = defineRule({
  id: 'privilege-escalation',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'restricted',
  fixTiers: ['safe', 'review'],
  equivalents: ['kube-linter:privilege-escalation-container', 'polaris:privilegeEscalationAllowed', 'pss:restricted/allowPrivilegeEscalation'],
  references: [{ title: 'Pod Security Standards: Privilege Escalation', url: PSS_DOCS + '#restricted' }, psaRef('check_allowPrivilegeEscalation.go')],
  docs: {
    summary: 'A container does not set allowPrivilegeEscalation: false, so setuid binaries and file capabilities can raise its privileges (PSS restricted; Windows pods are exempt).',
    risk: 'A process can gain more privileges than its parent (sudo, setuid helpers, file capabilities), turning a foothold into root inside the container.',
    fix: 'Set securityContext.allowPrivilegeEscalation: false on every container (init and ephemeral too). Error when it is true, warning when it is absent. In the editor the finding underlines the offending line when set; when absent, the container\'s securityContext key, or its name when it has none. Adding the missing field joins "fix all"; turning an explicit true into false is a quick fix only. No fix is offered for privileged containers or ones that add SYS_ADMIN: the API rejects the combination.',
  },
  messages: {
    messageTrue: 'Container "{container}" allows privilege escalation (allowPrivilegeEscalation: true).',
    messageMissing: 'Container "{container}" does not set allowPrivilegeEscalation: false.',
    fixTitle: 'Set allowPrivilegeEscalation to false',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      if (isWindowsPod(c.pod)) continue;
      const pair = c.securityContext ? getPair(c.securityContext, 'allowPrivilegeEscalation') : undefined;
      const value = boolOf(pair?.value);
      if (value === false) continue;
      if (pair && value === undefined && pair.value && scalarString(pair.value) !== undefined) continue; // templated / not a boolean: schema's job
      if (!pair && helmUnknown(doc, c.path)) continue;
      const editor = new YamlEditor(doc);
      // The API rejects allowPrivilegeEscalation: false together with privileged: true or CAP_SYS_ADMIN: no fix then.
      const privileged = c.securityContext ? isTrue(getPair(c.securityContext, 'privileged')?.value) : false;
      const addsSysAdmin = (getSeq(getMap(c.securityContext, 'capabilities'), 'add')?.items ?? []).some((i) => /^(CAP_)?SYS_ADMIN$/.test(scalarString(i) ?? ''));
      const canFix = !privileged && !addsSysAdmin;
      const label = containerLabel(c);
      if (pair && value === true) {
        ctx.report({
          range: doc.pairRange(pair),
          severity: 'error',
          message: m('messageTrue', { container: label }),
          fixes: () => (canFix ? [{ title: m('fixTitle'), edits: [editor.setScalar(pair.value as YScalar, false)], tier: 'review' }] : []),
        });
      } else {
        ctx.report({
          range: containerAnchor(doc, c, 'securityContext'),
          message: m('messageMissing', { container: label }),
          fixes: () => (canFix ? [{ title: m('fixTitle'), edits: [editor.setPath(c.node, ['securityContext', 'allowPrivilegeEscalation'], false, containerInsert(c))], tier: 'safe' }] : []),
        });
      }
    }
  },
});
