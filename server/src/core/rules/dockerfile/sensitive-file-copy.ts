import { msg } from '../../messages/catalog';
import type { DockerfileRule } from '../registry';
import { copySources, instructionsWithKeyword } from './util';

const COPY_ADD = new Set(['COPY', 'ADD']);

export type CredentialKind = 'kubeconfig' | 'sshDir' | 'sshKey' | 'aws' | 'dockerConfig' | 'credentialsFile' | 'envFile' | 'keyFile';

/** What a source path is, when it is a credential (a message id suffix); undefined otherwise. */
export function credentialKind(path: string): CredentialKind | undefined {
  const p = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const segs = p.split('/').filter((s) => s && s !== '.');
  const base = segs[segs.length - 1] ?? '';
  const joined = '/' + segs.join('/');
  if (/\/\.kube(\/config)?$/.test(joined) || /\/\.kube\//.test(joined) || base === 'kubeconfig') return 'kubeconfig';
  if (/\/\.ssh($|\/)/.test(joined)) return 'sshDir';
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(base)) return 'sshKey';
  if (/\/\.aws\/(credentials|config)$/.test(joined) || /\/\.aws$/.test(joined)) return 'aws';
  if (/\/\.docker\/config\.json$/.test(joined)) return 'dockerConfig';
  if (base === '.netrc' || base === '.git-credentials' || base === '.pgpass' || base === '.pypirc' || base === '.npmrc') return 'credentialsFile';
  if (base === '.env' || (/^\.env\./.test(base) && !/\.(example|sample|template|dist|defaults?)$/.test(base))) return 'envFile';
  if (/\.(pem|key|p12|pfx)$/i.test(base) && !/\.pub\./i.test(base)) return 'keyFile';
  return undefined;
}

/**
 * COPY/ADD of credentials (`.kube/config`, `id_rsa`, `.ssh/`, `.aws/credentials`, `.env`, `*.pem`,
 * `*.key` …): every layer is readable by whoever can pull the image, and deleting the file in a
 * later layer does not remove it. Use `RUN --mount=type=secret` / `--mount=type=ssh`, or mount the
 * credential at run time.
 */
export const sensitiveFileCopy: DockerfileRule = {
  id: 'sensitive-file-copy',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  references: [
    { title: 'Docker build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    { title: 'Dockerfile reference: RUN --mount=type=ssh', url: 'https://docs.docker.com/reference/dockerfile/#run---mounttypessh' },
  ],
  check(ctx) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, COPY_ADD)) {
      for (const src of copySources(model, ins)) {
        if (/^(https?|git):\/\//i.test(src.value) || src.value.startsWith('<<')) continue;
        const kind = credentialKind(src.value);
        if (!kind) continue;
        ctx.report({ range: src.range, message: msg(`rule.sensitive-file-copy.${kind}`, { instruction: ins.getKeyword(), path: src.value }) });
      }
    }
  },
};
