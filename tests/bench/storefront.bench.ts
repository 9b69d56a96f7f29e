/**
 * Storefront speed, measured the way a shopper on a phone meets it.
 *   npm start                                   (in another terminal: the market with demo data)
 *   pnpm --filter @pasar/tests bench:storefront (BASE_URL=http://127.0.0.1:3000 SLUG=karangbesuki)
 * 1. Lighthouse 12.2.3 (mobile emulation, its default throttling) on the market home, a product
 *    page and the cart, in Debian's Chromium: the performance score and the main timings.
 * 2. First-load JS, gzipped: every script the page loaded, fetched again and gzipped here (what a
 *    compressing proxy would send; our server's own encoding is reported beside it).
 * 3. TTFB of the market home under 10 concurrent shoppers for DURATION_S: p50 / p75 / p99.
 * Prints the figures and writes tests/bench/results/storefront.json.
 */
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { percentile, report, round } from './lib/stats';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const SLUG = process.env.SLUG ?? 'karangbesuki';
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const home = `${BASE_URL}/k/${SLUG}`;
const homeHtml = await fetch(home).then((r) => {
  if (!r.ok) throw new Error(`${home} answered ${r.status}: is the market running (npm start)?`);
  return r.text();
});
const productPath = /href="(\/k\/[^"]+\/produk\/[^"]+)"/.exec(homeHtml)?.[1];
if (!productPath) throw new Error(`no product link on ${home}`);
const pages = { home, product: `${BASE_URL}${productPath}`, cart: `${BASE_URL}/k/${SLUG}/keranjang` };

interface PageFigures {
  url: string;
  performanceScore: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  scripts: number;
  firstLoadJsBytes: number;
  firstLoadJsGzipBytes: number;
  firstLoadJsTransferBytes: number;
}

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const figures: Record<string, PageFigures> = {};
try {
  for (const [name, url] of Object.entries(pages)) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const requests =
      (
        lhr.audits['network-requests']?.details as {
          items?: { url: string; resourceType?: string; transferSize?: number }[];
        }
      )?.items ?? [];
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    let raw = 0;
    let gzip = 0;
    for (const s of scripts) {
      const body = Buffer.from(await (await fetch(s.url)).arrayBuffer());
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    figures[name] = {
      url,
      performanceScore: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      firstContentfulPaintMs: round(audit('first-contentful-paint'), 0),
      largestContentfulPaintMs: round(audit('largest-contentful-paint'), 0),
      totalBlockingTimeMs: round(audit('total-blocking-time'), 0),
      cumulativeLayoutShift: round(audit('cumulative-layout-shift'), 3),
      speedIndexMs: round(audit('speed-index'), 0),
      scripts: scripts.length,
      firstLoadJsBytes: raw,
      firstLoadJsGzipBytes: gzip,
      firstLoadJsTransferBytes: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
    };
    console.log(
      `[bench] ${name}: performance ${figures[name].performanceScore}, LCP ${figures[name].largestContentfulPaintMs} ms, JS ${round(gzip / 1024, 1)} KB gzipped (${scripts.length} scripts)`,
    );
  }
} finally {
  await chrome.kill();
}

// TTFB: time until the response headers arrive, 10 shoppers asking for the home page back to back.
const ttfb: number[] = [];
const until = Date.now() + DURATION_S * 1000;
let errors = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const res = await fetch(home).catch(() => undefined);
      if (!res?.ok) errors++;
      else ttfb.push(performance.now() - started);
      await res?.arrayBuffer();
    }
  }),
);

report('storefront', {
  baseUrl: BASE_URL,
  lighthouse: '12.2.3 (mobile emulation, default throttling)',
  pages: figures,
  ttfbHome: {
    concurrency: CONCURRENCY,
    durationS: DURATION_S,
    requests: ttfb.length,
    errors,
    p50Ms: round(percentile(ttfb, 50)),
    p75Ms: round(percentile(ttfb, 75)),
    p99Ms: round(percentile(ttfb, 99)),
  },
  targets: { performanceScore: 95, firstLoadJsGzipKB: 120 },
});
