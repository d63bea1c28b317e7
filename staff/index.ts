/** Opens the staff side of the store: accounts and the audit log, with their indexes. */
import type { DocumentStore } from '../store/port';
import { StaffAccounts, type StaffAccount } from './accounts';
import { AuditLog, type AuditEntry } from './audit';

export interface StaffServices {
  accounts: StaffAccounts;
  audit: AuditLog;
}

export async function openStaffServices(store: DocumentStore, clock: () => Date = () => new Date()): Promise<StaffServices> {
  const accounts = new StaffAccounts(store.collection<StaffAccount>('staff'), clock);
  const audit = new AuditLog(store.collection<AuditEntry>('audit'), clock);
  await accounts.ensureIndexes();
  await audit.ensureIndexes();
  return { accounts, audit };
}
