/**
 * The zh-cn glossary: an English term of the catalog and the one Chinese term it is translated
 * with, wherever it appears (test/core/messages/catalogs.test.ts checks every id: when the English
 * text uses the term, the Chinese text uses the glossary's Chinese). Field names, kinds, rule ids,
 * file names and commands are not translated (`hostPath`, `securityContext`, `PROFILES`,
 * `bindep.txt`), so the English side matches words in prose only: not inside `code`, not in
 * {placeholders}, not as part of an identifier, a flag (`--mount`) or a path.
 */
export interface GlossaryTerm {
  /** The English term, as a case-insensitive pattern over prose words. */
  en: string;
  /** The Chinese term the translation uses for it. */
  zh: string;
  /**
   * The term is a Kubernetes field name used as a noun (`securityContext`): matched where the English
   * names the field on its own (not `securityContext.privileged`, not in `code`), and the Chinese
   * keeps the field name and adds the term once, as the Kubernetes zh-cn docs do:
   * `securityContext（安全上下文）`.
   */
  field?: boolean;
  /** Match the case as written (for words that are also a kind or a name in capitals: Secret, CREDENTIAL). */
  exactCase?: boolean;
  /** Ids where the English word is used in another sense (kept short; the reason beside each). */
  except?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'privileged', zh: '特权', except: ['rule.privileged-container.fixTitle' /* the field `privileged` */] },
  { en: 'privileged containers?', zh: '特权容器' },
  { en: 'securityContext', zh: '安全上下文', field: true },
  { en: 'mount(?:s|ed|ing)?', zh: '挂载' },
  { en: 'read-only root filesystem', zh: '只读根文件系统' },
  { en: 'hostPath volumes?', zh: '主机路径卷', field: true },
  { en: 'service accounts?', zh: '服务账号' },
  { en: 'build[- ]arg(?:ument)?s?', zh: '构建参数' },
  { en: 'layers?', zh: '镜像层', except: ['dockerfile.layers.hint' /* the inlay hint stays short: 第 {n} 层 */] },
  { en: 'base images?', zh: '基础镜像' },
  {
    en: 'images?',
    zh: '镜像',
    // the subcommand `scaffold image` and the volume type `image`
    except: ['scaffold.cli.missingKind', 'scaffold.cli.unknownKind', 'rule.restricted-volume-type.summary'],
  },
  { en: 'containers?(?! Tools)', zh: '容器' /* not the product name Container Tools */ },
  { en: 'workloads?', zh: '工作负载' },
  { en: 'namespaces?', zh: '命名空间' },
  { en: 'privilege escalation', zh: '权限提升' },
  { en: 'capabilit(?:y|ies)', zh: '能力' },
  { en: 'quick fix(?:es)?', zh: '快速修复' },
  { en: 'fix all', zh: '全部修复' },
  { en: 'Pod Security Standards', zh: 'Pod 安全标准' },
  { en: 'control[- ]plane', zh: '控制平面' },
  { en: 'nodes?', zh: '节点', except: ['core.log.started' /* Node, the Node.js version */] },
  { en: 'volumes?', zh: '卷', except: ['scaffold.cli.help', 'scaffold.ui.service.cinder' /* the cinder component `volume` */] },
  { en: 'stages?', zh: '阶段' },
  { en: 'deprecated', zh: '弃用' },
  { en: 'severity', zh: '严重级别' },
  { en: 'suppress(?:ion|ed)?', zh: '忽略' },
  { en: 'rules?', zh: '规则' },
  { en: 'packages?', zh: '软件包' },
  { en: 'manifests?', zh: '清单', except: ['scaffold.cli.missingKind', 'scaffold.cli.unknownKind' /* the subcommand `scaffold manifests` */] },
  { en: 'registry', zh: '仓库', except: ['docs.rules.intro' /* the rule registry, 规则注册表 */] },
  {
    en: 'secrets?',
    zh: '机密',
    exactCase: true, // Secret, the kind, stays Secret
    except: ['rule.restricted-volume-type.summary', 'rule.rbac-secrets-access.summary' /* the volume type and the resource `secrets` */],
  },
  { en: 'credentials?', zh: '凭据', exactCase: true },
  { en: 'digest', zh: '摘要' },
  { en: 'tags?', zh: '标签' },
];

/** `code`, {placeholders}, flags, paths and identifiers are not prose: the glossary skips them. */
export function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{[a-zA-Z][a-zA-Z0-9_]*(?:, plural,[^]*?\}\s*\})?\}?/g, ' ')
    .replace(/"[^"\s]*"/g, ' ')
    .replace(/[\w.-]*[/=:@$|][\w./=:@$|*<>-]*/g, ' ')
    .replace(/[\w-]*[a-z][A-Z][\w.-]*/g, ' ')
    .replace(/\w+(?:\.\w+)+/g, ' ')
    .replace(/(?<!\w)--?[\w-]+/g, ' ');
}

/** Whether the English text uses the term in prose (a `field` term: the field named on its own). */
export function usesTerm(term: GlossaryTerm, english: string): boolean {
  if (term.field) return new RegExp(`(?<![\\w.\`-])${term.en}(?![\\w\`-]|\\.\\w)`).test(english.replace(/`[^`]*`/g, ' '));
  return new RegExp(`(?<![\\w.-])(?:${term.en})(?![\\w-])`, term.exactCase ? '' : 'i').test(prose(english));
}
