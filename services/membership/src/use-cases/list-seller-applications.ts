import { applicationNotFound } from '../domain/errors';
import {
  type ApplicationStatus,
  type SellerApplicationView,
  toApplicationView,
} from '../domain/seller-application';
import type { SellersDeps } from './ports';

/** The board's queue (or every application with a status), newest first. */
export async function listSellerApplications(
  deps: SellersDeps,
  cooperativeId: string,
  status?: ApplicationStatus,
): Promise<SellerApplicationView[]> {
  return (await deps.applications.listByCooperative(cooperativeId, status)).map(toApplicationView);
}

/** The caller's own applications in the cooperative, with status and decline reason. */
export async function listMyApplications(
  deps: SellersDeps,
  cooperativeId: string,
  personId: string,
): Promise<SellerApplicationView[]> {
  return (await deps.applications.listByPerson(cooperativeId, personId)).map(toApplicationView);
}

/**
 * One application: for the board (`staff`), or for the person who applied. Anyone else — another
 * member of the same cooperative included — gets the same 404 as for a missing one.
 */
export async function getSellerApplication(
  deps: SellersDeps,
  cooperativeId: string,
  applicationId: string,
  viewer: { personId: string; staff: boolean },
): Promise<SellerApplicationView> {
  const a = await deps.applications.findById(applicationId);
  if (!a || a.cooperativeId !== cooperativeId) throw applicationNotFound();
  if (!viewer.staff && a.personId !== viewer.personId) throw applicationNotFound();
  return toApplicationView(a);
}
