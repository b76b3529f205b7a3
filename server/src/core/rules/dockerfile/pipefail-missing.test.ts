import { ruleTester } from '../../../../../test/rule-tester';
import { pipefailMissing } from './pipefail-missing';

ruleTester(pipefailMissing, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
    { name: 'set -o pipefail first', code: 'FROM alpine:3.20\nRUN set -o pipefail && wget -O - https://some.site | wc -l > /number\n' },
    { name: 'set -euo pipefail', code: 'FROM alpine:3.20\nRUN set -euo pipefail; a | b\n' },
    { name: 'SHELL inherited from the stage built on', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
    { name: '|| is not a pipe', code: 'FROM debian:12\nRUN a || b\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n', errors: [{ messageId: 'message', range: [1, 4, 1, 49], args: { first: 'wget', last: 'wc' }, severity: 'warning' }], output: null },
    { name: 'SHELL without pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', errors: [{ messageId: 'message', args: { first: 'a', last: 'b' } }] },
  ],
});
