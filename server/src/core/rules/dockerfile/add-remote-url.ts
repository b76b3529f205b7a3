import { msg } from '../../messages/catalog';
import type { DockerfileRule } from '../registry';
import { copySources, hasFlag, instructionsWithKeyword } from './util';

const ADD = new Set(['ADD']);

/**
 * `ADD https://…` downloads at build time with nothing checking what arrived: a compromised or
 * changed server changes the image silently. `ADD --checksum=sha256:…` (BuildKit, dockerfile 1.6+)
 * verifies it; so does `RUN curl … && sha256sum -c`.
 */
export const addRemoteUrl: DockerfileRule = {
  id: 'add-remote-url',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' }],
  check(ctx) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, ADD)) {
      if (hasFlag(ins, 'checksum')) continue;
      for (const src of copySources(model, ins)) {
        if (!/^https?:\/\//i.test(src.value)) continue;
        ctx.report({ range: src.range, message: msg('rule.add-remote-url.message', { url: src.value }) });
      }
    }
  },
};
