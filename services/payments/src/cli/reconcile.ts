/**
 * `pnpm --filter @pasar/payments reconcile --from 2026-12-01 [--to 2026-12-07] [--cooperative karangbesuki] [--json FILE]`
 * Compares every online payment created in the range (Asia/Jakarta days, `to` inclusive) with its
 * provider (the Midtrans status API, Stripe) and with what payments knows of the order; prints each
 * mismatch. Exit 0: none; 3: mismatches found; 2: bad arguments; 1: failed. Read-only.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '@pasar/events';
import { connectMongo, loadConfig } from '@pasar/service-kit';
import { PaymentsConfigSchema } from '../config';
import { createNotificationLog, createPaymentRepository } from '../db/payment.repository';
import { createProviders } from '../providers';
import { jakartaRange } from '../routes/payments.routes';
import { reconcile } from '../use-cases/reconcile';

const USAGE = 'usage: reconcile --from YYYY-MM-DD [--to YYYY-MM-DD] [--cooperative ID] [--json FILE]';
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      cooperative: { type: 'string' },
      json: { type: 'string' },
    },
  }).values;
}
try {
  args = parse();
  if (
    !args.from ||
    !/^\d{4}-\d{2}-\d{2}$/.test(args.from) ||
    (args.to && !/^\d{4}-\d{2}-\d{2}$/.test(args.to))
  )
    throw new Error('--from (and --to) must be dates YYYY-MM-DD');
} catch (err) {
  console.error(`[reconcile] ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const config = loadConfig(PaymentsConfigSchema);
const conn = await connectMongo(config.MONGO_URL);
let code = 0;
try {
  const { providers } = createProviders(config);
  const deps = {
    payments: createPaymentRepository(conn),
    notifications: createNotificationLog(conn),
    providers,
    logger: createLogger('payments-reconcile', 'warn'),
    onEventsWritten: () => {},
    storefrontUrl: config.STOREFRONT_URL,
  };
  const report = await reconcile(deps, {
    cooperativeId: args.cooperative ?? null,
    ...jakartaRange(args.from, args.to),
  });
  console.log(`[reconcile] ${report.from} → ${report.to}: ${report.checked} online payments checked`);
  for (const m of report.mismatches)
    console.log(`[reconcile] MISMATCH ${m.kind}  ${m.orderId}  ${m.paymentId}  ${m.detail}`);
  for (const u of report.unreachable)
    console.log(`[reconcile] UNREACHABLE ${u.orderId}  ${u.paymentId}  ${u.error}`);
  console.log(
    `[reconcile] ${report.mismatches.length === 0 ? 'no mismatches' : `${report.mismatches.length} mismatches`}`,
  );
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  code = report.mismatches.length > 0 ? 3 : 0;
} catch (err) {
  console.error('[reconcile] failed:', err);
  code = 1;
} finally {
  await conn.close();
}
process.exit(code);
