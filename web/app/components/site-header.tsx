import { Form, Link } from '@remix-run/react';
import type { HeaderAccount } from '~/utils/header-account.server';
import { useI18n } from '~/utils/use-i18n';
import { LanguageSwitch } from './language-switch';

export function SiteHeader({ account }: { account: HeaderAccount | null }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.primary')}>
          <Link to="/">{t('nav.allCooperatives')}</Link>
          {account?.manage.map((m) => (
            <Link key={m.slug} to={`/kelola/${m.slug}`}>
              {t('nav.manage', { market: m.market })}
            </Link>
          ))}
          {account?.sell.map((m) => (
            <Link key={`jual-${m.slug}`} to={m.isSeller ? `/jual/${m.slug}` : `/jual/${m.slug}/daftar`}>
              {t(m.isSeller ? 'nav.sell' : 'nav.applyToSell', { market: m.market })}
            </Link>
          ))}
        </nav>
        <AccountMenu account={account} />
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** Signed out: "Masuk". Signed in: the name, "Pesanan saya", "Akun" and a "Keluar" button (POST, works without JS). */
function AccountMenu({ account }: { account: HeaderAccount | null }) {
  const { t } = useI18n();
  if (!account) {
    return (
      <p className="account-menu">
        <Link to="/masuk">{t('nav.signIn')}</Link>
      </p>
    );
  }
  return (
    <nav className="account-menu" aria-label={t('nav.accountMenu', { name: account.name })}>
      <span className="account-name">{account.name}</span>
      <Link to="/akun/pesanan">{t('nav.myOrders')}</Link>
      <Link to="/akun">{t('nav.account')}</Link>
      <Form method="post" action="/keluar" reloadDocument>
        <button type="submit" className="link-button">
          {t('nav.signOut')}
        </button>
      </Form>
    </nav>
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
