import { Link } from '@remix-run/react';
import { useI18n } from '~/utils/use-i18n';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.primary')}>
          <Link to="/">{t('nav.allCooperatives')}</Link>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('app.footer')}</p>
      </div>
    </footer>
  );
}
