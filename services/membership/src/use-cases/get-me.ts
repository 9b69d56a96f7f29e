import { sessionExpired } from '../domain/errors';
import { type PersonView, toPersonView } from '../domain/person';
import type { AccountsDeps } from './ports';

export async function getMe(deps: AccountsDeps, personId: string): Promise<PersonView> {
  const person = await deps.people.findById(personId);
  if (!person) throw sessionExpired();
  return toPersonView(person);
}
