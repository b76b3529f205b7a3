import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { sensitiveHostPath } from './sensitive-host-path';
import assert from 'node:assert/strict';

test('sensitive-host-path and runtime-socket-mount: the path pair, one rule each, no fixes', () => {
  const s = only(sec(WITH_VOLUMES), 'sensitive-host-path');
  assert.deepEqual(s.map(r), [[39, 8, 39, 18], [42, 17, 42, 35]]);
  assert.deepEqual(s.map((x) => x.message.args), [
    { volume: 'dev', path: '/dev', prefix: '/dev' },
    { volume: 'modules', path: '/lib/modules', prefix: '/lib' },
  ]);
  assert.equal(s[0].fixes, undefined);
  const k = only(sec(WITH_VOLUMES), 'runtime-socket-mount');
  assert.deepEqual(k.map(r), [[48, 8, 48, 45]]);
  for (const p of ['/', '/var/run', '/run/', '/var/run/docker.sock', '/run/crio/crio.sock', '//etc//kubernetes/', '/var/lib/kubelet/pods', '/usr/../root']) {
    const text = GOOD + `  volumes:\n    - name: v\n      hostPath:\n        path: ${p}\n`;
    const all = sec(text);
    assert.equal(only(all, 'sensitive-host-path').length + only(all, 'runtime-socket-mount').length, 1, p);
  }
  for (const p of ['/run/lock/lvm', '/var/lib/nova', '/srv/data', '/etcd-backup', '/devices']) {
    const text = GOOD + `  volumes:\n    - name: v\n      hostPath:\n        path: ${p}\n`;
    assert.equal(only(sec(text), 'sensitive-host-path').length + only(sec(text), 'runtime-socket-mount').length, 0, p);
  }
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(sensitiveHostPath, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /srv/data\n'),
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /etcetera\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /etc/ssl\n'),
      errors: [{ messageId: "message", range: [25, 8, 25, 22], args: {"volume": "host", "path": "/etc/ssl", "prefix": "/etc"} }],
      output: null,
    },
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /\n'),
      errors: [{ messageId: "messageRoot", range: [25, 8, 25, 15], args: {"volume": "host", "path": "/", "prefix": "/"} }],
      output: null,
    },
  ],
});
