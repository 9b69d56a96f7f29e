import { createRouter, defineRoute, principalOf } from '@pasar/service-kit';
import type { Context } from 'hono';
import { erasePersonalData } from './erase-personal-data';
import { exportPersonalData } from './export-personal-data';
import type { NikViewDeps, PersonalDataDeps } from './ports';
import {
  ErasureResultSchema,
  MemberNikParams,
  NikViewSchema,
  PersonalDataExportSchema,
} from './privacy.schemas';
import { viewMemberNik } from './view-member-nik';

const json = <S>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const viewNikRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/members/{memberId}/nik',
  summary: "A member's full NIK (pengurus only; every view is audited)",
  access: { allow: ['pengurus'], scope: 'path' },
  request: { params: MemberNikParams },
  responses: {
    200: json(
      NikViewSchema,
      'The full NIK, or `nik: null` when none is stored (`nikStored` says what is kept)',
    ),
  },
});

export const exportRoute = defineRoute({
  method: 'get',
  path: '/me/export',
  summary: "The signed-in person's personal data as JSON (UU PDP right of access)",
  access: { allow: ['signed-in'] },
  responses: { 200: json(PersonalDataExportSchema, 'Their account and member registry records') },
});

export const erasureRoute = defineRoute({
  method: 'post',
  path: '/me/erasure',
  summary:
    "Erase the signed-in person's personal data (pseudonymised; records the cooperative must keep stay)",
  access: { allow: ['signed-in'] },
  responses: { 202: json(ErasureResultSchema, 'Erased: the kept records now point at the pseudonym') },
});

/** The route rule let only signed-in callers through; this narrows the type. */
function principal(c: Context) {
  const p = principalOf(c);
  if (!p) throw new Error('signed-in route reached without a principal');
  return p;
}

/** Never cached by a browser or proxy: these answers hold personal data. */
const noStore = (c: Context) => c.header('Cache-Control', 'no-store');

export function nikRoutes(deps: NikViewDeps) {
  const router = createRouter();
  router.openapi(viewNikRoute, async (c) => {
    const { cooperativeId, memberId } = c.req.valid('param');
    const view = await viewMemberNik(deps, principal(c), cooperativeId, memberId);
    noStore(c);
    return c.json(view, 200);
  });
  return router;
}

export function personalDataRoutes(deps: PersonalDataDeps) {
  const router = createRouter();
  router.openapi(exportRoute, async (c) => {
    const data = await exportPersonalData(deps, principal(c));
    noStore(c);
    c.header('Content-Disposition', 'attachment; filename="pasar-data-pribadi.json"');
    return c.json(data, 200);
  });
  router.openapi(erasureRoute, async (c) => {
    const result = await erasePersonalData(deps, principal(c));
    noStore(c);
    return c.json(result, 202);
  });
  return router;
}
