import type { components } from '~/api/ledger';
import { type Answer, answerSchema } from '~/utils/contract.server';
import { getEnv } from '~/utils/env.server';
import { callService, serviceUrl } from '~/utils/http.server';

/**
 * The ledger's SHU endpoints (decision 0017) with the signed-in person's ledger token: the bylaws'
 * allocation, a year's run (draft → approved at the RAT → distributed), a member's own line, the
 * RAT pack files. Shared by /kelola/:slug/shu and /akun/shu.
 */
const shuPath = (cooperativeId: string, rest = '') =>
  `/cooperatives/${encodeURIComponent(cooperativeId)}/shu${rest}`;

export type ShuRun = Answer<'ledger', '/cooperatives/{cooperativeId}/shu/{year}', 'get'>;
export type MyShu = Answer<'ledger', '/cooperatives/{cooperativeId}/shu/{year}/mine', 'get'>;
export type ShuAllocation = components['schemas']['ShuAllocation'];
export type ShuAllocationView = Answer<'ledger', '/cooperatives/{cooperativeId}/shu/allocation', 'get'>;
export type ShuYears = Answer<'ledger', '/cooperatives/{cooperativeId}/shu', 'get'>['items'];

export const SHU_POOLS = [
  'cadangan',
  'jasaModal',
  'jasaUsaha',
  'danaPengurus',
  'danaKaryawan',
  'danaPendidikan',
  'danaSosial',
  'danaPembangunanDaerahKerja',
] as const satisfies readonly (keyof ShuAllocation)[];

export function getAllocation(token: string, cooperativeId: string): Promise<ShuAllocationView> {
  return callService('ledger', shuPath(cooperativeId, '/allocation'), {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/shu/allocation'),
  });
}

export function putAllocation(token: string, cooperativeId: string, allocation: ShuAllocation) {
  return callService('ledger', shuPath(cooperativeId, '/allocation'), {
    method: 'PUT',
    token,
    body: allocation,
    schema: answerSchema('ledger', 'put', '/cooperatives/{cooperativeId}/shu/allocation'),
  });
}

export async function listYears(token: string, cooperativeId: string): Promise<ShuYears> {
  const res = await callService('ledger', shuPath(cooperativeId), {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/shu'),
  });
  return res.items;
}

export function getRun(token: string, cooperativeId: string, year: number): Promise<ShuRun> {
  return callService('ledger', shuPath(cooperativeId, `/${year}`), {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/shu/{year}'),
  });
}

export function getMine(token: string, cooperativeId: string, year: number): Promise<MyShu> {
  return callService('ledger', shuPath(cooperativeId, `/${year}/mine`), {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/shu/{year}/mine'),
  });
}

export function computeDraft(token: string, cooperativeId: string, year: number) {
  return callService('ledger', shuPath(cooperativeId, `/${year}/draft`), {
    method: 'POST',
    token,
    schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/shu/{year}/draft'),
  });
}

export function approve(token: string, cooperativeId: string, year: number, ratDate: string) {
  return callService('ledger', shuPath(cooperativeId, `/${year}/approve`), {
    method: 'POST',
    token,
    body: { ratDate },
    schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/shu/{year}/approve'),
  });
}

export function distribute(
  token: string,
  cooperativeId: string,
  year: number,
  to: 'sukarela' | 'cash' | 'transfer',
) {
  return callService('ledger', shuPath(cooperativeId, `/${year}/distribute`), {
    method: 'POST',
    token,
    body: { to },
    schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/shu/{year}/distribute'),
  });
}

/** The RAT pack as a file (PDF or CSV) straight from the ledger, for the BFF to pass on. */
export function fetchRatPack(
  token: string,
  cooperativeId: string,
  year: number,
  format: 'pdf' | 'csv',
  signal: AbortSignal = AbortSignal.timeout(Math.max(getEnv().SERVICE_TIMEOUT_MS, 30_000)),
): Promise<Response> {
  return fetch(serviceUrl('ledger', shuPath(cooperativeId, `/${year}/rat-pack.${format}`)), {
    headers: { Authorization: `Bearer ${token}`, Accept: format === 'csv' ? 'text/csv' : 'application/pdf' },
    signal,
  });
}
