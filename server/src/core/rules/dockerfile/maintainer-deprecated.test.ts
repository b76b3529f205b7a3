import { ruleTester } from '../../../../../test/rule-tester';
import { maintainerDeprecated } from './maintainer-deprecated';

ruleTester(maintainerDeprecated, {
  valid: ['FROM busybox\nLABEL maintainer="Lukas Martinelli <me@lukasmartinelli.ch>"\n'],
  invalid: [
    {
      code: 'FROM busybox\nMAINTAINER Lukas Martinelli <me@lukasmartinelli.ch>\n',
      errors: [{ messageId: 'message', range: [1, 0, 1, 10], severity: 'warning' }],
      output: 'FROM busybox\nLABEL maintainer="Lukas Martinelli <me@lukasmartinelli.ch>"\n',
    },
    { name: 'quotes escaped', code: 'FROM busybox\nMAINTAINER a "b"\n', errors: [{ messageId: 'message' }], output: 'FROM busybox\nLABEL maintainer="a \\"b\\""\n' },
  ],
});
