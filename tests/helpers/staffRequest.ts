/** Plain requests and fakes for the staff pages' controller tests: no server, no restify. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StaffPrincipal } from '../../staff/accounts';
import { openStaffServices } from '../../staff/index';
import { openStore } from '../../store/index';
import type { StaffRole } from '../../staff/roles';
import type { PageResult, StaffRequest, StaffResult } from '../../staff/shared/route';

/** A signed-in member of each role, as the adapter would pass them. */
export const member = (role: StaffRole, id = `staff_${role}`): StaffPrincipal => ({ id, name: `A ${role}`, role });

/**
 * A request as the adapter builds it; a participation worker is signed in unless `staff: undefined` is given.
 * @example staffRequest({ params: { id: 'wellbeing-check-in' } })
 */
export function staffRequest(overrides: Partial<StaffRequest> = {}): StaffRequest {
  return {
    params: {},
    query: {},
    body: {},
    staff: { principal: member('participation'), via: 'bearer' },
    requestId: 'req-test',
    locale: 'en-GB',
    wantsHtml: true,
    cookies: {},
    clientAddress: '127.0.0.1',
    origin: 'http://127.0.0.1:3978',
    ...overrides,
  };
}

/** An audit log that remembers what was recorded. */
export function fakeAudit() {
  const entries: Array<{ actor: string; action: string; target?: string; detail?: string }> = [];
  return {
    entries,
    async record(actor: { name: string }, action: string, target?: string, detail?: string) {
      entries.push({ actor: actor.name, action, target, detail });
    },
    async recent() {
      return [];
    },
  };
}

/**
 * The result as a page (fails the test when it is not one).
 * @example const { data, status } = asPage(await controller.list(req));
 */
export function asPage(result: StaffResult): PageResult {
  if (result.kind !== 'page') throw new Error(`Expected a page, got ${result.kind}`);
  return result;
}

/**
 * Staff services (accounts, sessions, audit) on a fresh embedded store in a temporary directory.
 * @example const { staff, close } = await openTestStaff(); … await close();
 */
export async function openTestStaff() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-staff-'));
  const store = await openStore({ dataDir });
  const staff = await openStaffServices(store);
  return {
    staff,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
