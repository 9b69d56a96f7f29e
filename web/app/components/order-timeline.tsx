import { formatDateTime } from '~/utils/datetime';
import { useI18n } from '~/utils/use-i18n';
/** Both the shopper's and the staff's view have this timeline. */
type Timeline = { status: string; at: string; note?: string | null }[];

/** Every step the order went through, oldest first. */
export function OrderTimeline({ timeline }: { timeline: Timeline }) {
  const { t, label, lang } = useI18n();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('order.timeline')}</h2>
      <ol className="timeline">
        {timeline.map((step) => (
          <li key={`${step.status}-${step.at}`}>
            <span className="timeline-status">{label('status', step.status)}</span>{' '}
            <time dateTime={step.at} className="muted">
              {formatDateTime(step.at, lang)}
            </time>
            {step.note ? <span className="timeline-note">{step.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
