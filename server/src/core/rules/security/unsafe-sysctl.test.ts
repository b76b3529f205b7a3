import { test, describe } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { unsafeSysctl } from './unsafe-sysctl';

test('unsafe-sysctl: entries outside the safe set (by version), removed by the fix', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    sysctls:\n      - name: net.ipv4.tcp_rmem\n        value: "4096 87380 16777216"\n      - name: net.core.somaxconn\n        value: "1024"\n');
  const f = only(sec(text), 'unsafe-sysctl');
  assert.deepEqual(f.map(r), [[11, 8, 12, 21]]);
  assert.equal(roundTrip(text, f[0]), text.replace('      - name: net.core.somaxconn\n        value: "1024"\n', ''));
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.31' } }), 'unsafe-sysctl').map((x) => x.message.args!.sysctl), ['net.ipv4.tcp_rmem', 'net.core.somaxconn']);
});

describe('unsafe-sysctl per Kubernetes version', () => {
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_notsent_lowat\n        value: "16384"\n      - name: net.ipv4.tcp_slow_start_after_idle\n        value: "0"\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;
  test('tcp_notsent_lowat and tcp_slow_start_after_idle are allowed from 1.37 only', () => {
    assert.deepEqual(only(sec(pod), 'unsafe-sysctl').map(r), [[7, 8, 8, 22], [9, 8, 10, 18]]);
    assert.deepEqual(only(sec(pod, { kubernetes: { version: '1.36' } }), 'unsafe-sysctl').length, 2);
    assert.deepEqual(only(sec(pod, { kubernetes: { version: '1.37' } }), 'unsafe-sysctl'), []);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(unsafeSysctl, {
  valid: [
    GOOD.replace('    seccompProfile:\n', '    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n    seccompProfile:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('    seccompProfile:\n', '    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n      - name: kernel.msgmax\n        value: "65536"\n    seccompProfile:\n'),
      errors: [{ messageId: "message", range: [11, 8, 12, 22], args: {"sysctl": "kernel.msgmax"} }],
      output: GOOD.replace('    seccompProfile:\n', '    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n    seccompProfile:\n'),
    },
  ],
});
