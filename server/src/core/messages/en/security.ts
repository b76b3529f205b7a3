/** Messages of the security area. Ids: `rule.<rule-id>.*` for rules, `security.*` for the rest. */
export const security: Record<string, string> = {
  'rule.privileged-container.summary': 'A container runs privileged: it gets every Linux capability and access to all host devices.',
  'rule.privileged-container.risk': 'A privileged container can take over the node: load kernel modules, mount host filesystems, escape to the host.',
  'rule.privileged-container.fix': 'Set securityContext.privileged to false and grant only the capabilities the workload needs. Where privileges are really required (cinder-volume with LVM/iSCSI), suppress with a written reason.',
  'rule.privileged-container.message': 'Container "{container}" runs privileged (securityContext.privileged: true).',
  'rule.privileged-container.fixTitle': 'Set privileged to false',
};
