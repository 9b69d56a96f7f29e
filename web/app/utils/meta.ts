import { DEFAULT_LANG, isLang, type MessageKey, type MessageVars, translate } from './i18n';

interface MatchLike {
  id: string;
  data?: unknown;
}

/** A page title in the shopper's language (meta functions cannot use hooks: the language comes from the root match). */
export function pageTitle(
  matches: readonly MatchLike[],
  key: MessageKey | null,
  vars?: MessageVars,
  raw?: string,
): string {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
  const name = translate(lang, 'app.name');
  const text = raw ?? (key ? translate(lang, key, vars) : null);
  return text ? `${text} — ${name}` : name;
}
