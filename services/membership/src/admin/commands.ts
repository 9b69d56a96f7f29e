import { parseArgs } from 'node:util';
import { BoardPositionSchema, MobilePhoneSchema } from '@pasar/contracts';
import { z } from 'zod';
import { OPERATOR } from '../use-cases/audit';
import { createPlatformAccount } from '../use-cases/create-platform-account';
import { invitePerson } from '../use-cases/invite-person';
import type { AccountsDeps } from '../use-cases/ports';
import { setPassword } from '../use-cases/set-password';

export const USAGE = `usage: pnpm --filter @pasar/membership admin <command> [options]
  create-pengurus --cooperative <id> --name <name> --phone <08…> --position ketua|sekretaris|bendahara [--password <pw>]
      the first board member of a cooperative (roles anggota + pengurus); prints a one-time reset code
  create-dinas --name <name> --phone <08…> [--password <pw>]
      an account of the city cooperative office (platform role dinas); prints a one-time reset code
  --password sets the password directly instead (development only: refused when NODE_ENV=production)
env: MONGO_URL (membership's database)`;

export class UsageError extends Error {}

const Common = z.object({
  name: z.string().trim().min(2).max(80),
  phone: MobilePhoneSchema,
  password: z.string().optional(),
});
const Pengurus = Common.extend({ cooperative: z.string().min(1), position: BoardPositionSchema });

function parse<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const r = schema.safeParse(values);
  if (!r.success)
    throw new UsageError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

/** Runs one operator command; returns the lines to print. Throws UsageError for bad arguments. */
export async function runAdmin(
  argv: string[],
  deps: AccountsDeps,
  env = process.env.NODE_ENV,
): Promise<string[]> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      cooperative: { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      position: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (values.password !== undefined && env === 'production')
    throw new UsageError('--password is for development only; use the reset code in production');
  const finish = async (personId: string, code: string | null, expiresAt: string | null, what: string) => {
    if (values.password !== undefined) {
      await setPassword(deps, personId, values.password);
      return [`${what}: ${personId}`, 'password set (development only)'];
    }
    if (!code) return [`${what}: ${personId}`, 'the account already has a password: no reset code issued'];
    return [
      `${what}: ${personId}`,
      `one-time reset code: ${code} (valid until ${expiresAt})`,
      'give it to the person: they set their password at the sign-in page ("Lupa kata sandi?") or POST /auth/reset',
    ];
  };
  switch (command) {
    case 'create-pengurus': {
      const a = parse(Pengurus, values);
      const r = await invitePerson(deps, OPERATOR, a.cooperative, {
        name: a.name,
        phone: a.phone,
        roles: ['anggota', 'pengurus'],
        position: a.position,
      });
      return finish(
        r.person.personId,
        r.resetCode,
        r.resetCodeExpiresAt,
        `pengurus (${a.position}) of ${a.cooperative}`,
      );
    }
    case 'create-dinas': {
      const a = parse(Common, values);
      const r = await createPlatformAccount(deps, { name: a.name, phone: a.phone, platform: ['dinas'] });
      return finish(r.personId, r.resetCode, r.resetCodeExpiresAt, 'dinas account');
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}
