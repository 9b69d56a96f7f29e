import type { MessageKey, MessageVars } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';
import { Notice } from './notice';

export function FlashNotice({
  notice,
}: {
  notice: { key: MessageKey; vars?: MessageVars } | null | undefined;
}) {
  const { t } = useI18n();
  if (!notice) return null;
  return <Notice>{t(notice.key, notice.vars)}</Notice>;
}
