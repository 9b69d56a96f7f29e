import { type CooperativeView, toCooperativeView } from '../domain/cooperative';
import { cooperativeNotFound } from '../domain/errors';
import type { MembershipDeps } from './ports';

export async function getCooperative(deps: MembershipDeps, cooperativeId: string): Promise<CooperativeView> {
  const c = await deps.cooperatives.findById(cooperativeId);
  if (!c) throw cooperativeNotFound(cooperativeId);
  return toCooperativeView(c);
}
