import { ruleTester } from '../../../../../test/rule-tester';
import { rootUser } from './root-user';

ruleTester(rootUser, {
  valid: [
    'FROM debian:12\nUSER 1000\n',
    { name: 'USER inherited from the stage the final one builds on', code: 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN echo hi\n' },
    { name: 'a root build stage does not matter', code: 'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER 1000\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      name: 'USER of a build stage does not carry into an unrelated final stage',
      code: 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12\nCOPY --from=build /out /out\n',
      errors: [{ messageId: 'noUser', range: [2, 5, 2, 14], args: { stage: '#2' } }],
      output: 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12\nCOPY --from=build /out /out\nUSER 65532\n',
    },
    {
      name: 'the last USER along the stage chain is root',
      code: 'FROM debian:12 AS base\nUSER 1000\nFROM base AS final\nUSER root\n',
      errors: [{ messageId: 'rootUser', range: [3, 5, 3, 9], args: { user: 'root', stage: 'final' } }],
    },
  ],
});
