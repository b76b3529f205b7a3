import { defineRule } from '../define';
import { copySources, instructionsWithKeyword } from './util';

const COPY_ADD: ReadonlySet<string> = new Set(['COPY', 'ADD']);

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
export const sensitiveFileCopy = defineRule({
  id: 'sensitive-file-copy',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  references: [
    { title: 'Docker build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    { title: 'Dockerfile reference: RUN --mount=type=ssh', url: 'https://docs.docker.com/reference/dockerfile/#run---mounttypessh' },
  ],
  docs: {
    summary: 'COPY/ADD of credentials into the image: .kube/config, id_rsa or .ssh/, .aws/credentials, .env, *.pem/*.key.',
    risk: 'Every layer is readable by whoever can pull the image, and deleting the file in a later layer does not remove it.',
    fix: 'Use RUN --mount=type=secret or --mount=type=ssh during the build, mount credentials at run time, and list these files in .dockerignore.',
  },
  messages: {
    kubeconfig: '{instruction} puts a kubeconfig ({path}) into the image.',
    sshDir: '{instruction} puts an SSH directory ({path}) into the image.',
    sshKey: '{instruction} puts an SSH private key ({path}) into the image.',
    aws: '{instruction} puts AWS credentials ({path}) into the image.',
    dockerConfig: '{instruction} puts Docker registry credentials ({path}) into the image.',
    credentialsFile: '{instruction} puts a credentials file ({path}) into the image.',
    envFile: '{instruction} puts an environment file ({path}), which usually holds secrets, into the image.',
    keyFile: '{instruction} puts a key or certificate file ({path}) into the image.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, COPY_ADD)) {
      for (const src of copySources(model, ins)) {
        if (/^(https?|git):\/\//i.test(src.value) || src.value.startsWith('<<')) continue;
        const kind = credentialKind(src.value);
        if (!kind) continue;
        ctx.report({ range: src.range, message: m(kind, { instruction: ins.getKeyword(), path: src.value }) });
      }
    }
  },
});
