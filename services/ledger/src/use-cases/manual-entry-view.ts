import { ACCOUNTS } from '../domain/accounts';
import { badLines } from '../domain/errors';
import { balancedLines, type JournalLine, UnbalancedEntry } from '../domain/journal';

/** The lines a bendahara typed, checked as the journal checks them, refused as a 400 on `lines`. */
export function checkedLines(
  lines: readonly { account: string; debit: number; credit: number }[],
): JournalLine[] {
  for (const l of lines)
    if (!ACCOUNTS.has(l.account)) throw badLines(`akun ${l.account} tidak ada di bagan akun`);
  try {
    return balancedLines(lines as JournalLine[]);
  } catch (err) {
    if (err instanceof UnbalancedEntry)
      throw badLines(
        `debit (${err.debit}) dan kredit (${err.credit}) harus sama, lebih dari nol, minimal dua baris`,
      );
    throw badLines((err as Error).message);
  }
}
