import { type CooperativeView, toCooperativeView } from '../domain/cooperative';
import type { MembershipDeps } from './ports';

export async function listCooperatives(deps: MembershipDeps): Promise<CooperativeView[]> {
  return (await deps.cooperatives.list()).map(toCooperativeView);
}
