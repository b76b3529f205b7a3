import type { Arg, Env, Property } from 'dockerfile-ast';
import { defineRule } from '../define';

/**
 * `ARG DB_PASSWORD=hunter2` / `ENV API_TOKEN=abc`: the value is written into the image (ENV) or its
 * history (`docker history` shows ARG values used by RUN), readable by anyone who can pull it.
 * Build secrets belong in `RUN --mount=type=secret`; runtime secrets in the orchestrator.
 * Only literal values are reported (`ARG TOKEN`, `ENV TOKEN=$TOKEN` carry no value in the file).
 */
export const secretInBuildArg = defineRule({
  id: 'secret-in-build-arg',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  equivalents: ['buildkit:SecretsUsedInArgOrEnv'],
  references: [
    { title: 'Docker build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    { title: 'BuildKit check SecretsUsedInArgOrEnv', url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/' },
  ],
  docs: {
    summary: 'ENV or ARG whose name looks secret (PASSWORD, TOKEN, SECRET, API_KEY …) with a literal value.',
    risk: 'ENV values are stored in the image configuration and ARG values in its history: anyone who can pull the image can read them.',
    fix: 'Pass build secrets with RUN --mount=type=secret (docker build --secret), and runtime secrets through the orchestrator (Kubernetes Secret), never as a default in the Dockerfile.',
  },
  messages: {
    message: '{instruction} {name} holds a literal value that looks like a secret.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const ins of model.instructions) {
      const k = ins.getKeyword();
      let props: Property[] = [];
      if (k === 'ARG') {
        const p = (ins as Arg).getProperty?.();
        if (p) props = [p];
      } else if (k === 'ENV') props = (ins as Env).getProperties?.() ?? [];
      else continue;
      for (const p of props) {
        const name = p.getName();
        const value = p.getValue();
        if (value === null || !looksSecretName(name) || !literalSecretValue(value)) continue;
        ctx.report({ range: model.range(p.getRange()), message: m('message', { instruction: k, name }) });
      }
    }
  },
});

const SECRET_WORDS = /(^|_)(PASSWORD|PASSWD|PASSPHRASE|PASS|PWD|SECRET|SECRETS|TOKEN|CREDENTIALS?|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|API_?KEY|AUTH_?KEY|CLIENT_?SECRET|ENCRYPTION_?KEY|SIGNING_?KEY|MASTER_?KEY)($|_)/;
/** Names that refer to a secret without holding one. */
const NOT_A_VALUE = /(_FILE|_PATH|_DIR|_URL|_URI|_NAME|_USER|_USERNAME|_ID|_LENGTH|_ENABLED|_REQUIRED|_TYPE|_HEADER|_ENDPOINT|_HOST|_PORT|_MOUNT)$/;

/** Upper-cased, camelCase split: `dbPassword` → `DB_PASSWORD`. */
export function looksSecretName(name: string): boolean {
  const n = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  if (n === 'PWD' || n === 'OLDPWD') return false; // the shell's working directory
  if (NOT_A_VALUE.test(n)) return false;
  return SECRET_WORDS.test(n);
}

/** A literal that could be a secret: not empty, not a variable, not a boolean or a placeholder. */
function literalSecretValue(value: string): boolean {
  const v = value.trim();
  if (!v || v.includes('$')) return false;
  if (/^(true|false|yes|no|on|off|none|null|0|1|changeme|<.*>|\.\.\.)$/i.test(v)) return false;
  return true;
}
