import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { DEFAULT_LANG, isLang, type Lang, labelOf, type Translate, translator } from './i18n';

export interface I18n {
  lang: Lang;
  t: Translate;
  /** Label of a category / unit / status value, falling back to the raw value. */
  label: (
    prefix:
      | 'category'
      | 'unit'
      | 'unitName'
      | 'status'
      | 'period'
      | 'checkout.method'
      | 'role'
      | 'listingStatus'
      | 'historyKind'
      | 'listingField'
      | 'stockReason'
      | 'entryKind',
    value: string,
  ) => string;
}

/** The shopper's language comes from the root loader (cookie); in an error above it, Bahasa Indonesia. */
export function useI18n(): I18n {
  const data = useRouteLoaderData('root') as { lang?: unknown } | undefined;
  const lang = isLang(data?.lang) ? data.lang : DEFAULT_LANG;
  return useMemo(
    () => ({ lang, t: translator(lang), label: (prefix, value) => labelOf(lang, prefix, value) }),
    [lang],
  );
}
