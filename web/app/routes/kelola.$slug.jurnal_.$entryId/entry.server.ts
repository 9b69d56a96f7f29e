import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { parseForm } from '~/schemas/form';
import { mayRecord } from '~/utils/books';
import { bookFailure, bookStep } from '~/utils/books-action.server';
import { getJournalEntry, listAccounts, reversalIdOf, reverseJournalEntry } from '~/utils/books.server';
import { isApiError, notFound } from '~/utils/http.server';
import { staffNotice } from '~/utils/staff-action.server';
import { requireStaff, type StaffContext, staffCall } from '~/utils/staff.server';

const ENTRY_ID = /^je_[A-Za-z0-9_.:-]{1,120}$/;

const ReverseSchema = z.object({
  memo: z
    .string({ error: 'books.errors.reverseMemo' })
    .trim()
    .min(3, 'books.errors.reverseMemo')
    .max(300, 'errors.tooLong'),
});

function entryIdOf(raw: string | undefined): string {
  if (!raw || !ENTRY_ID.test(raw)) throw notFound('journalEntry');
  return raw;
}

/** The entry, or null when the ledger has none of that id in this cooperative. */
async function entryOrNull(request: Request, ctx: StaffContext, entryId: string) {
  return staffCall(request, ctx, async () => {
    try {
      return await getJournalEntry(ctx.auth.tokens.ledger, ctx.cooperativeId, entryId);
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }
  });
}

/** One journal entry (pengurus, pengawas): its lines, what it reverses or what reversed it. */
export async function loadEntry({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'jurnal');
  const entryId = entryIdOf(params.entryId);
  const [entry, accounts] = await Promise.all([
    entryOrNull(request, ctx, entryId),
    staffCall(request, ctx, () => listAccounts(ctx.auth.tokens.ledger)),
  ]);
  if (!entry) throw notFound('journalEntry');
  const reversal = entry.kind === 'reversal' ? null : await entryOrNull(request, ctx, reversalIdOf(entryId));
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      entry,
      reversal,
      accounts,
      me: ctx.auth.person.personId,
      canReverse: mayRecord(ctx.grant) && entry.kind !== 'reversal' && reversal === null,
      isBendahara: mayRecord(ctx.grant),
      notice,
    },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** intent=reverse (the bendahara): the reversing entry, booked today, with the memo saying why. */
export async function entryAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'jurnal');
  const entryId = entryIdOf(params.entryId);
  const form = await request.formData();
  const step = {
    intent: 'reverse',
    target: entryId,
    values: { memo: String(form.get('memo') ?? '').slice(0, 400) },
  };
  if (!mayRecord(ctx.grant))
    return bookFailure(step, { status: 403, errors: { form: 'books.errors.bendaharaOnly' } });
  const parsed = parseForm(ReverseSchema, form);
  if (!parsed.ok) return bookFailure(step, { status: 400, errors: parsed.errors });
  return bookStep(
    request,
    ctx,
    step,
    () => reverseJournalEntry(ctx.auth.tokens.ledger, ctx.cooperativeId, entryId, parsed.data.memo),
    { key: 'books.entry.reversed' },
    { fields: ['memo'] },
  );
}
