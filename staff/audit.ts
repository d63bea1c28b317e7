/** The audit log of staff actions: who did what to which survey or action, and when; never any young person's data. */
import { randomUUID } from 'node:crypto';
import type { Collection, StoredDocument } from '../store/port';
import type { StaffPrincipal } from './accounts';

export const AUDITED = [
  'survey.open',
  'survey.close',
  'results.export',
  'results.view',
  'action.add',
  'action.update',
  'staff.add',
  'staff.revoke',
  'assisted.record',
  'signin',
  'demo-data',
  'content.publish',
  'content.undo',
  'survey.invite',
  'signin.failed',
] as const;
export type AuditedAction = (typeof AUDITED)[number];

export interface AuditEntry extends StoredDocument {
  at: Date;
  actorId: string;
  actorName: string;
  role: string;
  action: AuditedAction;
  /** A survey id, action id or staff id: never text a young person wrote. */
  target?: string;
  detail?: string;
}

export class AuditLog {
  constructor(
    private readonly entries: Collection<AuditEntry>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.entries.ensureIndexes([{ key: { at: -1 }, name: 'by_time' }]);
  }

  /** @example await audit.record(principal, 'survey.open', 'wellbeing-check-in'); */
  async record(
    actor: Pick<StaffPrincipal, 'id' | 'name' | 'role'> | { id: string; name: string; role: string },
    action: AuditedAction,
    target?: string,
    detail?: string,
  ): Promise<void> {
    await this.entries.insertOne({
      _id: `aud_${randomUUID()}`,
      at: this.clock(),
      actorId: actor.id,
      actorName: actor.name,
      role: actor.role,
      action,
      ...(target ? { target } : {}),
      ...(detail ? { detail } : {}),
    });
  }

  async recent(limit = 100): Promise<AuditEntry[]> {
    return this.entries.find({}, { sort: { at: -1 }, limit });
  }
}

/** The command line acts as an admin named after the operating-system user. */
export function commandLinePrincipal(): StaffPrincipal {
  return { id: 'cli', name: `command line (${process.env.USER ?? 'unknown user'})`, role: 'admin' };
}
