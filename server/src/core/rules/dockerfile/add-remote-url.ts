import { defineRule } from '../define';
import { copySources, hasFlag, instructionsWithKeyword } from './util';

const ADD: ReadonlySet<string> = new Set(['ADD']);

/**
 * `ADD https://…` downloads at build time with nothing checking what arrived: a compromised or
 * changed server changes the image silently. `ADD --checksum=sha256:…` (BuildKit, dockerfile 1.6+)
 * verifies it; so does `RUN curl … && sha256sum -c`.
 */
export const addRemoteUrl = defineRule({
  id: 'add-remote-url',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' }],
  docs: {
    summary: 'ADD of an http(s) URL without --checksum.',
    risk: 'Nothing checks what the server sent: a compromised or changed download silently changes the image.',
    fix: 'Add --checksum=sha256:<digest> (BuildKit, Dockerfile syntax 1.6+), or download with RUN curl and verify with sha256sum -c.',
  },
  messages: {
    message: 'ADD downloads {url} without --checksum: the content is not verified.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, ADD)) {
      if (hasFlag(ins, 'checksum')) continue;
      for (const src of copySources(model, ins)) {
        if (!/^https?:\/\//i.test(src.value)) continue;
        ctx.report({ range: src.range, message: m('message', { url: src.value }) });
      }
    }
  },
});
