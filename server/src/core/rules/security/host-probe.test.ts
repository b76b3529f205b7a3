import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostProbe } from './host-probe';

test('host-probe: host in probes and lifecycle handlers (1.34+), removed by the fix', () => {
  const text = GOOD + `      readinessProbe:
        httpGet:
          host: 10.0.0.1
          port: 8080
      lifecycle:
        preStop:
          tcpSocket: {host: metadata.internal, port: 80}
      livenessProbe:
        tcpSocket:
          host: ""
          port: 80
`;
  const f = only(sec(text), 'host-probe');
  assert.deepEqual(f.map(r), [[24, 10, 24, 24], [28, 22, 28, 45]]);
  assert.equal(roundTrip(text, f[0]), text.replace('          host: 10.0.0.1\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('{host: metadata.internal, port: 80}', '{port: 80}'));
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.33' } }), 'host-probe'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostProbe, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      livenessProbe:\n        httpGet:\n          host: 169.254.169.254\n          path: /healthz\n          port: 8080\n'),
      errors: [{ messageId: "message", range: [24, 10, 24, 31], args: {"container": "app", "handler": "livenessProbe.httpGet", "host": "169.254.169.254"} }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n'),
    },
  ],
});
