import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { listAudit } from '~/utils/membership.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** A before/after value as one short line of text (the page does not need the whole document). */
function compact(value: Record<string, unknown> | null | undefined): string | null {
  if (!value || Object.keys(value).length === 0) return null;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** Jejak audit (pengurus, pengawas): who did what to which record, when, before and after. */
export async function loadAudit({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'audit');
  const rawCursor = new URL(request.url).searchParams.get('cursor');
  const cursor = rawCursor && rawCursor.length <= 512 ? rawCursor : undefined;
  const page = await staffCall(request, ctx, () =>
    listAudit(ctx.auth.tokens.membership, ctx.cooperativeId, cursor),
  );
  return data(
    {
      entries: page.items.map((e, i) => ({
        key: e.id ?? `${e.at}-${i}`,
        who: e.actorName ?? e.actorId,
        roles: e.actorRoles,
        action: e.action,
        target: `${e.target.type} ${e.target.id}`,
        at: e.at,
        before: compact(e.before),
        after: compact(e.after),
      })),
      nextCursor: page.nextCursor,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
