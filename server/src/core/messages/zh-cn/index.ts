/**
 * Simplified Chinese catalog (planned; partial). Ids missing here fall back to English. Every
 * entry must use exactly the placeholders of its English original (a test checks).
 */
export const zhCn: Record<string, string> = {
  'cli.summary': '{files} 个文件，{errors} 个错误，{warnings} 个警告，{infos} 条提示',
  'cli.noProblems': '{files} 个文件，未发现问题',
  'cli.error.unreadable': '无法读取 {path}：{reason}',
  'core.suppression.title': '在此处忽略 {rule}',
  'core.ruleDocs.link': '规则文档：{rule}',
};
