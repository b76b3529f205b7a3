import { ruleTester } from '../../../../../test/rule-tester';
import { aptListsNotCleaned } from './apt-lists-not-cleaned';

ruleTester(aptListsNotCleaned, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'a build stage whose output is only COPY --from\'d does not ship its lists',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /app\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python\n',
      errors: [{ messageId: 'message', range: [1, 22, 1, 37] }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a stage the final stage builds on ships',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS final\nUSER 1000\n',
      errors: [{ messageId: 'message', range: [1, 22, 1, 37] }],
    },
  ],
});
