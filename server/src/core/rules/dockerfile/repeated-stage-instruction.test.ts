import { ruleTester } from '../../../../../test/rule-tester';
import { repeatedStageInstruction } from './repeated-stage-instruction';

ruleTester(repeatedStageInstruction, {
  valid: [
    'FROM busybox\nCMD ["/bin/true"]\n',
    { name: 'one per stage', code: 'FROM busybox AS a\nCMD ["a"]\nFROM busybox\nCMD ["b"]\nENTRYPOINT ["x"]\nHEALTHCHECK CMD ["true"]\n' },
  ],
  invalid: [
    {
      code: 'FROM busybox\nCMD ["/bin/true"]\nCMD ["/bin/false"]\n',
      errors: [{ messageId: 'message', range: [1, 0, 1, 3], args: { instruction: 'CMD' }, severity: 'warning' }],
      output: 'FROM busybox\nCMD ["/bin/false"]\n',
    },
    {
      name: 'ENTRYPOINT and HEALTHCHECK',
      code: 'FROM busybox\nENTRYPOINT ["a"]\nHEALTHCHECK CMD ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK NONE\n',
      errors: [
        { messageId: 'message', range: [1, 0, 1, 10], args: { instruction: 'ENTRYPOINT' } },
        { messageId: 'message', range: [2, 0, 2, 11], args: { instruction: 'HEALTHCHECK' } },
      ],
      output: 'FROM busybox\nENTRYPOINT ["b"]\nHEALTHCHECK NONE\n',
    },
  ],
});
