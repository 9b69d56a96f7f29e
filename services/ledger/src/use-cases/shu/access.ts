import type { Principal } from '@pasar/service-kit';
import { shuPositionRequired } from '../../domain/errors';

/**
 * The bylaws' allocation and the RAT's approval are the ketua's or the bendahara's (the route lets
 * every pengurus through: an access rule names one position only, so the second is checked here).
 */
export function requireKetuaOrBendahara(principal: Principal, cooperativeId: string): void {
  const g = principal.grants.find((x) => x.cooperativeId === cooperativeId);
  const ok = g?.roles.includes('pengurus') && (g.position === 'ketua' || g.position === 'bendahara');
  if (!ok) throw shuPositionRequired();
}

/** Board or supervisors of the cooperative: they see every run and every member's line. */
export function isBoardOrSupervisor(principal: Principal, cooperativeId: string): boolean {
  const g = principal.grants.find((x) => x.cooperativeId === cooperativeId);
  return !!g && (g.roles.includes('pengurus') || g.roles.includes('pengawas'));
}
