import { en } from '~/i18n/en';
import { id } from '~/i18n/id';

/** One message catalogue: Bahasa Indonesia first, English second. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

export type MessageKey = keyof typeof id;
export type MessageVars = Record<string, string | number>;

const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { id, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(id, value);
}

/** The BCP 47 tag for `<html lang>` and for date formatting. */
export function localeOf(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** Looks a message up and fills its {placeholders}; an unknown placeholder stays visible so it gets noticed. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const template = CATALOGUE[lang][key] ?? id[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** Label of a value that has a message (category, unit, status…), or the raw value when there is none. */
export function labelOf(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? translate(lang, key) : value;
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}
