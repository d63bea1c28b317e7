/** Opens the staff side of the store: accounts and the audit log, with their indexes. */
import type { DocumentStore } from '../store/port';
import { StaffAccounts, type StaffAccount } from './accounts';
import { AuditLog, type AuditEntry } from './audit';
import { Sessions, type SessionDocument } from './sessions';

export interface StaffServices {
  accounts: StaffAccounts;
  audit: AuditLog;
  sessions: Sessions;
}

export async function openStaffServices(
  store: DocumentStore,
  clock: () => Date = () => new Date(),
): Promise<StaffServices> {
  const accounts = new StaffAccounts(store.collection<StaffAccount>('staff'), clock);
  const audit = new AuditLog(store.collection<AuditEntry>('audit'), clock);
  const sessions = new Sessions(store.collection<SessionDocument>('sessions'), clock);
  await accounts.ensureIndexes();
  await audit.ensureIndexes();
  await sessions.ensureIndexes();
  return { accounts, audit, sessions };
}
