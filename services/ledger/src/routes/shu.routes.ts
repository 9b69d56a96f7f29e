import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { ratPackCsv, ratPackFileName, ratPackPdf } from '../reports/rat-pack';
import type { LedgerDeps } from '../use-cases/ports';
import { getAllocation, setAllocation } from '../use-cases/shu/allocation';
import { approveShu } from '../use-cases/shu/approve-shu';
import { distributeShu } from '../use-cases/shu/distribute-shu';
import { draftShu } from '../use-cases/shu/draft-shu';
import { ratPack } from '../use-cases/shu/rat-pack';
import { getMyShu, getShuRun, listShuRuns, runView } from '../use-cases/shu/read-shu';
import { BENDAHARA, KETUA_OR_BENDAHARA, MEMBER, READERS, SHU_YEARS } from './access';
import { signedInPrincipal } from './journal.routes';
import { CooperativeParam, json } from './schemas';
import {
  AllocationSchema,
  AllocationViewSchema,
  ApproveBody,
  DistributeBody,
  MyShuSchema,
  ShuRunListSchema,
  ShuRunSchema,
  ShuYearParams,
} from './shu.schemas';

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const base = '/cooperatives/{cooperativeId}/shu';

const getAllocationRoute = defineRoute({
  method: 'get',
  path: `${base}/allocation`,
  summary: "The cooperative's SHU allocation from its AD/ART (basis points; null until set)",
  access: READERS,
  request: { params: CooperativeParam },
  responses: { 200: json(AllocationViewSchema, 'The allocation') },
});

const putAllocationRoute = defineRoute({
  method: 'put',
  path: `${base}/allocation`,
  summary:
    'The ketua or the bendahara sets the SHU allocation (eight pools in basis points summing to 10000; 400 naming the sum otherwise)',
  access: KETUA_OR_BENDAHARA,
  request: { params: CooperativeParam, ...body(AllocationSchema) },
  responses: { 200: json(AllocationViewSchema, 'Saved (audited)') },
});

const listRoute = defineRoute({
  method: 'get',
  path: base,
  summary: 'The years with an SHU run: every one for the board and the pengawas, approved ones for members',
  access: SHU_YEARS,
  request: { params: CooperativeParam },
  responses: { 200: json(ShuRunListSchema, 'Newest year first') },
});

const draftRoute = defineRoute({
  method: 'post',
  path: `${base}/{year}/draft`,
  summary:
    "The bendahara computes the year's SHU draft from the closed books (409 naming the first open month); recomputing replaces a draft",
  access: BENDAHARA,
  request: { params: ShuYearParams },
  responses: { 200: json(ShuRunSchema, 'The draft') },
});

const getRoute = defineRoute({
  method: 'get',
  path: `${base}/{year}`,
  summary: "A year's SHU: status, pools, every member's JM and JU, the rounding note",
  access: READERS,
  request: { params: ShuYearParams },
  responses: { 200: json(ShuRunSchema, 'The run') },
});

const mineRoute = defineRoute({
  method: 'get',
  path: `${base}/{year}/mine`,
  summary: "A member's own SHU of a year the RAT approved: their line and the pools, no other member's",
  access: MEMBER,
  request: { params: ShuYearParams },
  responses: { 200: json(MyShuSchema, 'The member’s SHU') },
});

const approveRoute = defineRoute({
  method: 'post',
  path: `${base}/{year}/approve`,
  summary:
    'The ketua or the bendahara records the RAT’s approval (its date): posts the appropriation (Dr 3-3100 / Cr 3-2100 cadangan, Cr 2-1300)',
  access: KETUA_OR_BENDAHARA,
  request: { params: ShuYearParams, ...body(ApproveBody) },
  responses: { 200: json(ShuRunSchema, 'Approved (audited)') },
});

const distributeRoute = defineRoute({
  method: 'post',
  path: `${base}/{year}/distribute`,
  summary:
    "The bendahara distributes the members' JM + JU once (Dr 2-1300 / Cr 2-1200 sukarela, or Kas / Bank) and publishes ShuDistributed",
  access: BENDAHARA,
  request: { params: ShuYearParams, ...body(DistributeBody) },
  responses: { 200: json(ShuRunSchema, 'Distributed (audited)') },
});

const fileResponse = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
});

const ratPackPdfRoute = defineRoute({
  method: 'get',
  path: `${base}/{year}/rat-pack.pdf`,
  summary:
    'The RAT pack as PDF: neraca, laba rugi, SHU allocation, per-member SHU, savings, member count changes, charts',
  access: READERS,
  request: { params: ShuYearParams },
  responses: fileResponse('application/pdf', 'The RAT pack (A4, Bahasa Indonesia)'),
});

const ratPackCsvRoute = defineRoute({
  method: 'get',
  path: `${base}/{year}/rat-pack.csv`,
  summary: 'The RAT pack as CSV: the same sections, one after another (UTF-8 with BOM, integer rupiah)',
  access: READERS,
  request: { params: ShuYearParams },
  responses: fileResponse('text/csv', 'The RAT pack as sections of rows'),
});

const download = (type: string, fileName: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${fileName}"`,
  'Cache-Control': 'private, no-store',
});

export function shuRoutes(deps: LedgerDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  // `/shu/allocation` before `/shu/{year}`: the static path answers first.
  app.openapi(getAllocationRoute, async (c) =>
    c.json(await getAllocation(deps, c.req.valid('param').cooperativeId), 200),
  );
  app.openapi(putAllocationRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    await setAllocation(deps, signedInPrincipal(c), cooperativeId, c.req.valid('json'));
    return c.json(await getAllocation(deps, cooperativeId), 200);
  });
  app.openapi(listRoute, async (c) =>
    c.json({ items: await listShuRuns(deps, signedInPrincipal(c), c.req.valid('param').cooperativeId) }, 200),
  );
  app.openapi(draftRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    return c.json(runView(await draftShu(deps, signedInPrincipal(c), cooperativeId, year)), 200);
  });
  app.openapi(getRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    return c.json(await getShuRun(deps, cooperativeId, year), 200);
  });
  app.openapi(mineRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    return c.json(await getMyShu(deps, signedInPrincipal(c), cooperativeId, year), 200);
  });
  app.openapi(approveRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    const { ratDate } = c.req.valid('json');
    return c.json(runView(await approveShu(deps, signedInPrincipal(c), cooperativeId, year, ratDate)), 200);
  });
  app.openapi(distributeRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    const { to } = c.req.valid('json');
    return c.json(runView(await distributeShu(deps, signedInPrincipal(c), cooperativeId, year, to)), 200);
  });
  app.openapi(ratPackPdfRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    const pack = await ratPack(deps, cooperativeId, year);
    return c.body(
      new Uint8Array(await ratPackPdf(pack)),
      200,
      download('application/pdf', `${ratPackFileName(pack)}.pdf`),
    ) as never;
  });
  app.openapi(ratPackCsvRoute, async (c) => {
    const { cooperativeId, year } = c.req.valid('param');
    const pack = await ratPack(deps, cooperativeId, year);
    return c.body(
      ratPackCsv(pack),
      200,
      download('text/csv; charset=utf-8', `${ratPackFileName(pack)}.csv`),
    ) as never;
  });
  return app;
}
