import { ruleTester } from '../../../../../test/rule-tester';
import { wgetAndCurl } from './wget-and-curl';

ruleTester(wgetAndCurl, {
  valid: ['FROM debian:12\nRUN curl -fsSL http://a.example/x -o x\nRUN curl -fsSL http://b.example/y -o y\n', { name: 'different stages', code: 'FROM debian:12 AS a\nRUN curl -fo x http://a\nFROM debian:12\nRUN wget http://b\n' }],
  invalid: [
    { code: 'FROM debian:12\nRUN wget http://google.com\nRUN curl http://bing.com\n', errors: [{ messageId: 'message', range: [2, 4, 2, 8], args: { tool: 'curl', other: 'wget' }, severity: 'information' }], output: null },
  ],
});
