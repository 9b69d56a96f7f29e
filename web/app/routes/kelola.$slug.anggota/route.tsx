import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldMessage, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { useRoleNames } from '~/components/role-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadPeople, peopleAction } from './people.server';

export const loader = (args: LoaderFunctionArgs) => loadPeople(args);
export const action = formAction((args: ActionFunctionArgs) => peopleAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.people.title') }];

type Option = string;

function PositionSelect({ id, options, value }: { id: string; options: Option[]; value?: string | null }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('staff.invite.position')}</label>
      <select id={id} name="position" defaultValue={value ?? ''}>
        <option value="">{t('staff.invite.noPosition')}</option>
        {options.map((p) => (
          <option key={p} value={p}>
            {t(`position.${p as 'ketua'}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function PeoplePage() {
  const { people, nextCursor, isKetua, roleOptions, positionOptions, notice, selfId } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useI18n();
  const roleNames = useRoleNames();
  const inviteErrors = actionData?.intent === 'invite' ? actionData.errors : undefined;
  return (
    <>
      <h1>{t('staff.people.title')}</h1>
      <FlashNotice notice={notice} />
      {actionData?.issued ? (
        <section className="notice notice-info" aria-labelledby="reset-code-title" role="status">
          <h2 id="reset-code-title">{t('staff.resetCode.title', { name: actionData.issued.name })}</h2>
          <p className="reset-code" data-testid="reset-code">
            <code>{actionData.issued.resetCode}</code>
          </p>
          <p>
            {t('staff.resetCode.body', {
              name: actionData.issued.name,
              until: formatDateTime(actionData.issued.expiresAt, lang),
            })}
          </p>
        </section>
      ) : null}
      {actionData && actionData.intent !== 'invite' ? <FormErrors errors={actionData.errors} /> : null}
      {isKetua ? null : <p className="muted">{t('staff.people.readOnly')}</p>}

      {people.length === 0 ? (
        <p>{t('staff.people.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('staff.people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.people.name')}</th>
                <th scope="col">{t('staff.people.phone')}</th>
                <th scope="col">{t('staff.people.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.personId} data-testid="person-row">
                  <th scope="row">{p.name}</th>
                  <td>{p.phoneMasked}</td>
                  <td>
                    {roleNames(p.roles, p.position)}
                    {isKetua ? (
                      <details className="person-actions">
                        <summary>{t('staff.people.changeRoles', { name: p.name })}</summary>
                        <Form method="post">
                          <input type="hidden" name="intent" value="roles" />
                          <input type="hidden" name="personId" value={p.personId} />
                          <input type="hidden" name="name" value={p.name} />
                          <fieldset>
                            <legend>{t('staff.people.changeRoles', { name: p.name })}</legend>
                            {roleOptions.map((role) => (
                              <div className="field-check" key={role}>
                                <input
                                  id={`roles-${p.personId}-${role}`}
                                  type="checkbox"
                                  name="roles"
                                  value={role}
                                  defaultChecked={p.roles.includes(role as never)}
                                  // The ketua cannot take the board role from themselves here.
                                  disabled={p.personId === selfId && role === 'pengurus'}
                                />
                                <label htmlFor={`roles-${p.personId}-${role}`}>
                                  {t(`role.${role as 'kasir'}`)}
                                </label>
                              </div>
                            ))}
                            {p.personId === selfId ? (
                              <input type="hidden" name="roles" value="pengurus" />
                            ) : null}
                          </fieldset>
                          <PositionSelect
                            id={`position-${p.personId}`}
                            options={positionOptions}
                            value={p.position}
                          />
                          <button type="submit">{t('staff.people.saveRoles')}</button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="intent" value="reset-code" />
                          <input type="hidden" name="personId" value={p.personId} />
                          <input type="hidden" name="name" value={p.name} />
                          <button type="submit" className="button-secondary">
                            {t('staff.people.issueCode')}
                          </button>
                        </Form>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(nextCursor)}`} className="button button-secondary">
            {t('list.more')}
          </Link>
        </p>
      ) : null}

      {isKetua ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('staff.invite.title')}</h2>
          <p className="muted">{t('staff.invite.help')}</p>
          <Form method="post" noValidate>
            <FormErrors errors={inviteErrors} />
            <input type="hidden" name="intent" value="invite" />
            <TextField
              name="name"
              label={t('staff.invite.name')}
              autoComplete="off"
              required
              defaultValue={inviteErrors ? actionData?.values.name : undefined}
              error={inviteErrors?.name}
            />
            <TextField
              name="phone"
              type="tel"
              inputMode="tel"
              label={t('staff.invite.phone')}
              autoComplete="off"
              required
              defaultValue={inviteErrors ? actionData?.values.phone : undefined}
              error={inviteErrors?.phone}
            />
            <div className="field">
              <label htmlFor="invite-role">{t('staff.invite.role')}</label>
              <select
                id="invite-role"
                name="role"
                defaultValue="anggota"
                aria-invalid={inviteErrors?.role ? true : undefined}
                aria-describedby={inviteErrors?.role ? 'invite-role-error' : undefined}
              >
                {roleOptions.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role as 'kasir'}`)}
                  </option>
                ))}
              </select>
              <FieldMessage id="invite-role-error" error={inviteErrors?.role} />
            </div>
            <PositionSelect id="invite-position" options={positionOptions} />
            <TextField
              name="memberId"
              label={t('staff.invite.memberId')}
              hint={t('staff.invite.memberIdHint')}
              autoComplete="off"
              defaultValue={inviteErrors ? actionData?.values.memberId : undefined}
              error={inviteErrors?.memberId}
            />
            <button type="submit">{t('staff.invite.submit')}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
