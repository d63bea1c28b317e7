/** The audit log page: the last staff actions, never anything a young person wrote. */
import type { AuditLog } from '../audit';
import { staffTranslator } from '../shared/i18n';
import { page, type StaffResult } from '../shared/route';

/**
 * @example const audit = createAuditController({ staff }); await audit.list()
 */
export function createAuditController(deps: { staff: { audit: Pick<AuditLog, 'recent'> } }) {
  const t = staffTranslator('en-GB');
  return {
    async list(): Promise<StaffResult> {
      const entries = (await deps.staff.audit.recent(200)).map((entry) => ({
        ...entry,
        when: entry.at.toISOString().replace('T', ' ').slice(0, 16),
      }));
      return page('audit.njk', 'staff', { title: t('audit.title'), entries });
    },
  };
}
