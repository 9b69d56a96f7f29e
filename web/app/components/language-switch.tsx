import { Form, useLocation } from '@remix-run/react';
import { LANGS } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';

/** Works without JavaScript: a POST to /bahasa stores the choice in the cookie and comes back here. */
export function LanguageSwitch() {
  const { t, lang } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/bahasa" reloadDocument className="language-switch">
      <fieldset>
        <legend className="visually-hidden">{t('lang.label')}</legend>
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        {LANGS.map((code) => (
          <button
            key={code}
            type="submit"
            name="lang"
            value={code}
            lang={code}
            aria-pressed={code === lang}
            className="link-button"
          >
            {t(code === 'id' ? 'lang.id' : 'lang.en')}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}
