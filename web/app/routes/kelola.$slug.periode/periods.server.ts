import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { parseForm } from '~/schemas/form';
import { mayRecord, periodName, yearChoices, yearClosable, yearMonths } from '~/utils/books';
import { bookFailure, bookStep, requestLang } from '~/utils/books-action.server';
import { closePeriod, currentPeriod, listPeriods, periodOf } from '~/utils/books.server';
import { translate } from '~/utils/i18n';
import { staffNotice } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

const CloseSchema = z.object({
  intent: z.literal('close', { error: 'errors.invalidForm' }),
  period: z.string({ error: 'errors.invalidForm' }).regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'errors.invalidForm'),
});

/** Periode buku (pengurus, pengawas): the months of a year, open or closed; the bendahara closes. */
export async function loadPeriods({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'periode');
  const { period, errors } = periodOf(new URL(request.url), 'year');
  const now = currentPeriod();
  const records = await staffCall(request, ctx, () => listPeriods(ctx.auth.tokens.ledger, ctx.cooperativeId));
  const months = yearMonths(period.year, records, now);
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      year: period.year,
      years: yearChoices(Number(now.slice(0, 4)), period.year),
      errors,
      months,
      current: now,
      yearClosable: yearClosable(months),
      canClose: mayRecord(ctx.grant),
      me: ctx.auth.person.personId,
      notice,
    },
    { status: errors ? 400 : 200, headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** intent=close, period=YYYY-MM (a month) or YYYY (the year): the ledger refuses one that has not ended. */
export async function periodsAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'periode');
  const form = await request.formData();
  const raw = String(form.get('period') ?? '').slice(0, 10);
  const step = { intent: 'close', target: raw, values: {} };
  if (!mayRecord(ctx.grant))
    return bookFailure(step, { status: 403, errors: { form: 'books.errors.bendaharaOnly' } });
  const parsed = parseForm(CloseSchema, form);
  if (!parsed.ok) return bookFailure(step, { status: 400, errors: { form: 'errors.invalidForm' } });
  const { period } = parsed.data;
  const lang = await requestLang(request);
  const name =
    period.length === 4 ? translate(lang, 'books.period.yearOf', { year: period }) : periodName(period, lang);
  return bookStep(request, ctx, step, () => closePeriod(ctx.auth.tokens.ledger, ctx.cooperativeId, period), {
    key: 'books.periods.closed',
    vars: { period: name },
  });
}
