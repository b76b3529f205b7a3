/**
 * What counts as a secret, in one place for every file kind: Kubernetes env values and ConfigMap
 * entries (`env-var-secret`, `sensitive-configmap`) and Dockerfile ARG/ENV (`secret-in-build-arg`).
 *
 * - A **name** says it holds a secret (`DB_PASSWORD`, `aws_secret_access_key`, `private_key`,
 *   `oci_cli_key_content`, `apiToken`) — not a reference to one (`PASSWORD_FILE`, `KEY_ID`, `TOKEN_URL`)
 *   and not a setting about one (`ALLOW_EMPTY_PASSWORD`, `PASSWORD_RESET_ENABLED`).
 * - A **literal value** can be a secret: not empty, not a boolean / number, not templated
 *   (`{{ }}`, `${X}`, `$(X)`, `$X`), not a path or a placeholder (`changeme`, `<password>`, `***`,
 *   `INSERT_TOKEN`, `your-password-here`).
 *   `CEPH_GET_ADMIN_KEY: "1"` is a flag whatever its name says.
 * - A **value holds a credential** whatever the name: a PEM private key, a kubeconfig with a client key
 *   or token, a cloud key pair or cloud secret key, `user:password@` in a URL.
 *
 * Pure and linear: every pattern is anchored or bounded, no backtracking over unbounded input.
 */

/** Words that make a name secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'APIKEY']);
/** `KEY` is secret next to one of these (`PRIVATE_KEY`, `SECRET_ACCESS_KEY`, `KEY_CONTENT`); a bare `CACHE_KEY` is not. */
const KEY_BEFORE: ReadonlySet<string> = new Set(['PRIVATE', 'SECRET', 'ACCESS', 'API', 'AUTH', 'ENCRYPTION', 'ENCRYPT', 'SIGNING', 'MASTER', 'CLIENT', 'ADMIN', 'SSH', 'ACCOUNT', 'STORAGE', 'SHARED', 'SESSION', 'HMAC', 'JWT', 'FERNET', 'TLS', 'SSL', 'LICENSE', 'CLI', 'SERVICE', 'ROOT', 'DEPLOY', 'APP', 'CONSUMER', 'WEBHOOK']);
const KEY_AFTER: ReadonlySet<string> = new Set(['CONTENT', 'CONTENTS', 'DATA', 'MATERIAL', 'VALUE', 'PEM', 'B64', 'BASE64']);
/** A last word that makes the name a reference to a secret or a setting about it. */
const NOT_SECRET_LAST: ReadonlySet<string> = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'NAME', 'NAMES', 'REF', 'URL', 'URI', 'TYPE', 'ID', 'LENGTH', 'LEN', 'TTL', 'EXPIRY', 'EXPIRATION', 'TIMEOUT',
  'ALGORITHM', 'ENABLED', 'DISABLED', 'REQUIRED', 'ALLOWED', 'HEADER', 'FIELD', 'SIZE', 'USER', 'USERNAME', 'ENDPOINT', 'HOST', 'PORT', 'MOUNT',
  'POLICY', 'MIN', 'MAX', 'COUNT', 'RETRIES', 'PREFIX', 'SUFFIX', 'FORMAT', 'MODE', 'STRATEGY', 'BACKEND', 'PROVIDER', 'DRIVER', 'VERSION',
  'LOCATION', 'REGION', 'KIND', 'SOURCE', 'SECRET_NAME', 'FINGERPRINT', 'ENV', 'VAR', 'KEYRING', 'ROTATION', 'INTERVAL',
]);
/** A first word that makes the name a switch (`ALLOW_EMPTY_PASSWORD`, `ENABLE_TOKEN_AUTH`). */
const FLAG_FIRST: ReadonlySet<string> = new Set(['ALLOW', 'ENABLE', 'DISABLE', 'USE', 'REQUIRE', 'SKIP', 'FORCE', 'NO', 'IGNORE', 'VERIFY', 'VALIDATE', 'CHECK', 'GENERATE', 'RANDOM', 'ROTATE', 'SHOW', 'HIDE', 'IS', 'HAS']);
const PUBLIC: ReadonlySet<string> = new Set(['PUBLIC', 'PUB']);

/** The words of a name: camelCase, kebab-case, dots and underscores split, upper-cased. */
export function nameWords(name: string): string[] {
  return name
    .slice(0, 256)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** Whether a variable / key / ARG name says it holds a secret. */
export function looksSecretName(name: string): boolean {
  const w = nameWords(name);
  if (!w.length) return false;
  if (w.length === 1 && (w[0] === 'PWD' || w[0] === 'OLDPWD')) return false; // the shell's working directory
  if (NOT_SECRET_LAST.has(w[w.length - 1]) || FLAG_FIRST.has(w[0]) || w.some((x) => PUBLIC.has(x))) return false;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (SECRET_WORDS.has(x) && !(x === 'PWD' && w.length > 1 && i === w.length - 1 && w[i - 1] === 'OLD')) return true;
    if (/(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|CREDENTIAL)$/.test(x)) return true;
    if (x === 'KEY' && ((i > 0 && KEY_BEFORE.has(w[i - 1])) || (i + 1 < w.length && KEY_AFTER.has(w[i + 1])))) return true;
    if (/^(PRIVATEKEY|SECRETKEY|ACCESSKEY|APIKEYS?)$/.test(x)) return true;
  }
  // Azure's SDKs and CLIs name their account keys AZURE_<service>_KEY (AZURE_BATCH_KEY, AZURE_SEARCH_KEY).
  const last = w[w.length - 1];
  if (w[0] === 'AZURE' && last.endsWith('KEY') && (w.length > 2 || last !== 'KEY')) return true;
  return false;
}

const BOOLEAN = /^(true|false|yes|no|on|off|y|n|enabled?|disabled?|none|null|nil|~)$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const PLACEHOLDER = /^(changeme|change[-_ ]?me|replace[-_ ]?me|todo|tbd|xxx+|\*+|\.\.\.|<[^<>]*>|\[[^[\]]*\]|redacted|notused|not[-_ ]set|unset|placeholder)$/i;
/** Fill-in instructions: `INSERT_ETCD_TOKEN`, `YOUR_API_KEY`, `your-password-here`, `ENTER-SECRET`. */
const FILL_IN = /^((insert|enter|your|fill[-_ ]?in|put)[-_ ][A-Za-z0-9_ -]{0,200}|[A-Za-z0-9_ -]{0,200}[-_ ]here)$/i;
/** `{{ x }}`, `${X}`, `$(X)`, `$X`, `%(x)s`: the value comes from elsewhere. */
const TEMPLATED = /\{\{|\{%|\$\{|\$\(|\$[A-Za-z_]|%\([A-Za-z_]+\)s|\uE000/;

/** A placeholder where a secret goes (`changeme`, `xxxxx`, `<password>`, `***`, `TODO`). */
export function placeholderValue(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** A literal that could be a secret: not empty, boolean, number, templated, a path or a placeholder. */
export function literalSecretValue(value: string): boolean {
  const v = value.trim();
  if (!v || BOOLEAN.test(v) || NUMBER.test(v) || PLACEHOLDER.test(v) || FILL_IN.test(v) || TEMPLATED.test(v)) return false;
  if (/^(\/|\.\.?\/|~\/|file:\/\/)[^\s]*$/.test(v)) return false; // a path to the secret, not the secret
  return true;
}

/** A name that says secret with a value that could be one (`DB_PASSWORD=hunter2`; not `ALLOW_EMPTY_PASSWORD=yes`). */
export function secretSetting(name: string, value: string): boolean {
  return looksSecretName(name) && literalSecretValue(value);
}

export type CredentialKind = 'privateKey' | 'kubeconfig' | 'awsKeyPair' | 'cloudKey' | 'urlPassword';

/** The armour line of a private key, also with its dashes cut short (`---BEGIN OPENSSH PRIVATE KEY---`). */
const PRIVATE_KEY = /-BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ED25519 )?PRIVATE KEY(?: BLOCK)?-/;
/** A kubeconfig (`kind: Config` or clusters + users) that carries a client key or a bearer token. */
const KUBECONFIG_MARK = /(^|\n)[ \t]*(kind:[ \t]*Config\b|users:[ \t]*$|clusters:[ \t]*$)/m;
const KUBECONFIG_SECRET = /(^|\n)[ \t]*(client-key-data|token|password):[ \t]*\S+/;
/** AWS access key id (AKIA/ASIA…) together with a 40-character secret access key. */
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;
const AWS_SECRET = /(?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)["']?[ \t]*[:=][ \t]*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i;
/** Cloud secret keys recognisable by their format alone. */
const CLOUD_KEYS: RegExp[] = [
  /AccountKey=[A-Za-z0-9/+]{86}==/, // Azure storage connection string
  /"type":[ \t]*"service_account"[\s\S]{0,4000}"private_key"/, // GCP service-account JSON
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}/, // GitHub tokens
  /\bxox[abpr]-[0-9A-Za-z-]{10,}/, // Slack tokens
  /\b(?:sk|rk)_live_[0-9A-Za-z]{20,}/, // Stripe live keys
  /\bglpat-[0-9A-Za-z_-]{20}\b/, // GitLab personal access token
];
/** `scheme://user:password@host` with a literal password. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/:@'"]{1,128}:([^\s/@'"]{1,256})@[^\s/@'"]/gi;

/** A password in a URL that is literal (not templated, not a placeholder). */
function urlPassword(value: string): boolean {
  // matchAll works on a copy of the pattern: the constant's lastIndex is never read or written.
  for (const m of value.matchAll(URL_PASSWORD)) {
    const p = decodeURIComponentSafe(m[1]);
    if (literalSecretValue(p) && !/^(\*+|x+|password|pass|secret|changeme)$/i.test(p)) return true;
  }
  return false;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The credential a value holds, or undefined. Only the first 1 MB of a value is read. */
export function credentialIn(value: string): CredentialKind | undefined {
  const v = value.length > 1 << 20 ? value.slice(0, 1 << 20) : value;
  if (PRIVATE_KEY.test(v)) return 'privateKey';
  if (KUBECONFIG_MARK.test(v) && KUBECONFIG_SECRET.test(v)) return 'kubeconfig';
  if (AWS_KEY_ID.test(v) && AWS_SECRET.test(v)) return 'awsKeyPair';
  if (CLOUD_KEYS.some((re) => re.test(v))) return 'cloudKey';
  if (v.includes('://') && v.includes('@') && urlPassword(v)) return 'urlPassword';
  return undefined;
}

/** What a value leaks whatever its name says: a private key or a cloud secret key (not a URL password). */
export function secretMaterialIn(value: string): 'privateKey' | 'awsKeyPair' | 'cloudKey' | undefined {
  const k = credentialIn(value);
  return k === 'privateKey' || k === 'awsKeyPair' || k === 'cloudKey' ? k : undefined;
}
