import { formatDateTime } from '~/utils/datetime';
import { changeValue } from '~/utils/changes';
import type { HistoryEntry } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';

/** Every change of price, stock and text, by whom and when, newest first. */
export function ListingHistory({ entries, me }: { entries: HistoryEntry[]; me: string }) {
  const { t, lang, label } = useI18n();
  const who = (by: HistoryEntry['by']) => {
    if (!by) return t('sell.history.system');
    if (by.personId === me) return t('sell.history.you');
    return by.roles.map((r) => label('role', r)).join(', ') || t('sell.history.someone');
  };
  if (entries.length === 0) return <p>{t('sell.history.empty')}</p>;
  return (
    <ol className="history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{label('historyKind', e.kind)}</strong>{' '}
            <span className="muted">
              {formatDateTime(e.at, lang)} · {who(e.by)}
            </span>
          </p>
          <ul>
            {e.changes.map((c) => (
              <li key={c.field}>
                {label('listingField', c.field)}: {changeValue(c.field, c.before)} →{' '}
                {changeValue(c.field, c.after)}
              </li>
            ))}
          </ul>
          {e.reason || e.note ? (
            <p className="muted">
              {[e.reason ? label('stockReason', e.reason) : '', e.note ?? ''].filter(Boolean).join(' — ')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
