import { t, type Lang } from '../../server/src/core/messages/catalog';

/** What the server reports in `dockyard/status`: its published diagnostics counted by severity. */
export interface StatusCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/**
 * The status bar's count is what the Problems panel lists: errors, warnings and infos (VS Code shows
 * hints only in the editor); the tooltip names each, in the editor's display language.
 */
export function statusText(c: StatusCounts, lang: Lang): { count: number; tooltip: string } {
  return {
    count: c.errors + c.warnings + c.information,
    tooltip: t('core.status.tooltipCounts', { errors: c.errors, warnings: c.warnings, infos: c.information, hints: c.hints }, lang),
  };
}
