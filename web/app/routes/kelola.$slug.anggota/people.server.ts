import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { PeopleFormSchema, POSITION_OPTIONS, ROLE_OPTIONS } from '~/schemas/staff.schema';
import { isApiError } from '~/utils/http.server';
import { invitePerson, issueResetCode, listPeople, setRoles } from '~/utils/membership.server';
import { commitSession, flashNotice, getSession, takeNotice } from '~/utils/session.server';
import { isKetuaGrant } from '~/utils/staff';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** Anggota & peran: pengurus see the people and their roles; only the ketua invites and changes roles. */
export async function loadPeople({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'anggota');
  const rawCursor = new URL(request.url).searchParams.get('cursor');
  const cursor = rawCursor && rawCursor.length <= 512 ? rawCursor : undefined;
  const page = await staffCall(request, ctx, () =>
    listPeople(ctx.auth.tokens.membership, ctx.cooperativeId, cursor),
  );
  const session = await getSession(request);
  const notice = takeNotice(session);
  return data(
    {
      people: page.items.map((p) => ({ ...p, position: p.position ?? null })),
      nextCursor: page.nextCursor,
      isKetua: isKetuaGrant(ctx.grant),
      roleOptions: [...ROLE_OPTIONS],
      positionOptions: [...POSITION_OPTIONS],
      notice,
      selfId: ctx.auth.person.personId,
    },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}

/** What a refused invite means for the form. */
function inviteErrorsOf(error: {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}): FieldErrors {
  const named = `${error.code} ${error.message} ${JSON.stringify(error.details ?? '')}`;
  if (error.code === 'MEMBER.NOT_FOUND') return { memberId: 'errors.memberId' };
  if (error.code === 'MEMBER.ALREADY_LINKED') return { memberId: 'errors.memberLinked' };
  if (/phone/i.test(named)) return { phone: 'errors.phone' };
  if (/name/i.test(named)) return { name: 'errors.nameLength' };
  if (/role|position/i.test(named)) return { role: 'errors.role' };
  return { form: 'errors.generic' };
}

type Issued = { name: string; resetCode: string; expiresAt: string };

export async function peopleAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'anggota');
  const form = await request.formData();
  const values = {
    name: String(form.get('name') ?? ''),
    phone: String(form.get('phone') ?? ''),
    memberId: String(form.get('memberId') ?? ''),
  };
  const fail = (status: 400 | 403 | 409, errors: FieldErrors, intent: string) =>
    data({ errors, values, intent, issued: null as Issued | null }, { status });
  if (!isKetuaGrant(ctx.grant)) return fail(403, { form: 'errors.notAllowed' }, 'none');
  const parsed = parseForm(PeopleFormSchema, form, ['roles']);
  if (!parsed.ok) return fail(400, parsed.errors, String(form.get('intent') ?? 'invite'));
  const input = parsed.data;
  const token = ctx.auth.tokens.membership;
  try {
    if (input.intent === 'invite') {
      const invited = await staffCall(request, ctx, () =>
        invitePerson(token, ctx.cooperativeId, {
          name: input.name,
          phone: input.phone,
          roles: [input.role],
          ...(input.role === 'pengurus' && input.position ? { position: input.position } : {}),
          ...(input.memberId ? { memberId: input.memberId } : {}),
        }),
      );
      // The code is shown once, in this answer only: never put in a cookie or a URL.
      return data(
        {
          errors: {} as FieldErrors,
          values: { name: '', phone: '', memberId: '' },
          intent: 'invite',
          issued: {
            name: input.name,
            resetCode: invited.resetCode,
            expiresAt: invited.resetCodeExpiresAt,
          } as Issued | null,
        },
        { status: 201, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    if (input.intent === 'roles') {
      const position = input.roles.includes('pengurus') ? input.position : undefined;
      await staffCall(request, ctx, () =>
        setRoles(token, ctx.cooperativeId, input.personId, input.roles, position),
      );
      const session = await getSession(request);
      flashNotice(session, 'staff.people.rolesSaved', { name: input.name || input.personId });
      return redirect(new URL(request.url).pathname, {
        headers: { 'Set-Cookie': await commitSession(session) },
      });
    }
    const code = await staffCall(request, ctx, () =>
      issueResetCode(token, ctx.cooperativeId, input.personId),
    );
    return data(
      {
        errors: {} as FieldErrors,
        values,
        intent: 'reset-code',
        issued: {
          name: input.name || input.personId,
          resetCode: code.resetCode,
          expiresAt: code.resetCodeExpiresAt,
        } as Issued | null,
      },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (isApiError(error) && (error.status === 400 || error.status === 409 || error.status === 422)) {
      return fail(
        400,
        input.intent === 'invite' ? inviteErrorsOf(error) : { form: 'errors.generic' },
        input.intent,
      );
    }
    throw error;
  }
}
