import PDFDocument from 'pdfkit';
import { SHU_POOLS, type ShuPool } from '../domain/shu';
import type { DistributionTarget, ShuPublicStatus } from '../domain/shu-run';
import type { RatPack } from '../use-cases/shu/rat-pack';
import { toSectionsCsv } from './csv';
import { barChart, bytesOf, drawTable, formatRupiah, MARGIN } from './pdf-draw';
import { balanceSheetTable, type Cell, type Column, incomeStatementTable, periodName } from './table';

/** One part of the RAT pack: what the CSV writes as rows and the PDF as a table. */
export interface Section {
  title: string;
  columns: Column[];
  rows: Cell[][];
  totals: Cell[][];
  note?: string;
}

export const POOL_NAMES: Record<ShuPool, string> = {
  cadangan: 'Cadangan',
  jasaModal: 'Jasa modal (JM) untuk anggota',
  jasaUsaha: 'Jasa usaha (JU) untuk anggota',
  danaPengurus: 'Dana pengurus',
  danaKaryawan: 'Dana karyawan',
  danaPendidikan: 'Dana pendidikan',
  danaSosial: 'Dana sosial',
  danaPembangunanDaerahKerja: 'Dana pembangunan daerah kerja',
};
const STATUS_NAMES: Record<ShuPublicStatus, string> = {
  draft: 'Draf (belum disahkan RAT)',
  approved: 'Disahkan RAT',
  distributed: 'Disahkan RAT dan sudah dibagikan',
};
const TARGET_NAMES: Record<DistributionTarget, string> = {
  sukarela: 'dikreditkan ke simpanan sukarela',
  cash: 'dibayar tunai',
  transfer: 'ditransfer',
};
const SAVINGS_NAMES = { pokok: 'Simpanan pokok', wajib: 'Simpanan wajib', sukarela: 'Simpanan sukarela' };

const rp = (rupiah: number) => ({ rupiah });
/** 2500 basis points → "25 %", 250 → "2,5 %". */
export const percentOf = (bps: number) => `${String(bps / 100).replace('.', ',')} %`;
const monthShort = new Intl.DateTimeFormat('id-ID', { month: 'short', timeZone: 'UTC' });
const shortMonth = (p: string) => monthShort.format(new Date(`${p}-01T00:00:00Z`));
const dayName = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' });
const longDate = (d: string) => dayName.format(new Date(`${d}T00:00:00Z`));

export const ratPackFileName = (p: Pick<RatPack, 'cooperativeId' | 'year'>) =>
  `paket-rat-${p.cooperativeId}-${p.year}`;

/** The pack's parts in the order the RAT reads them (Bahasa Indonesia). */
export function ratPackSections(p: RatPack): Section[] {
  const { shu } = p;
  const neraca = balanceSheetTable(p.balanceSheet);
  const labaRugi = incomeStatementTable(p.incomeStatement);
  const unshared = shu.unshared.jasaModal + shu.unshared.jasaUsaha;
  const shuNote = shu.loss
    ? `Tahun ${p.year} rugi ${formatRupiah(-shu.shu)}: kerugian tidak dibagi kepada anggota.`
    : [
        shu.roundingNote,
        unshared > 0
          ? `${formatRupiah(unshared)} dari dana JM/JU tidak dapat dibagi (tidak ada simpanan atau transaksi anggota) dan tetap di dana SHU yang belum dibagi.`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
  return [
    { ...neraca, title: `Neraca per 31 Desember ${p.year}` },
    { ...labaRugi, title: `Laporan Laba Rugi (Perhitungan SHU) Tahun ${p.year}` },
    {
      title: 'Pembagian SHU menurut AD/ART',
      columns: [
        { header: 'Dana', width: 0.55 },
        { header: 'Persentase', width: 0.2 },
        { header: 'Jumlah', width: 0.25, money: true },
      ],
      rows: SHU_POOLS.map((pool) => [POOL_NAMES[pool], percentOf(shu.allocation[pool]), rp(shu.pools[pool])]),
      totals: [['Sisa hasil usaha (SHU)', '100 %', rp(shu.shu)]],
      note: `Status: ${STATUS_NAMES[shu.status]}${shu.ratDate ? `, RAT ${longDate(shu.ratDate)}` : ''}${
        shu.distribution ? `; bagian anggota ${TARGET_NAMES[shu.distribution.to]}` : ''
      }.`,
    },
    {
      title: 'Daftar SHU per Anggota',
      columns: [
        { header: 'No. anggota', width: 0.14 },
        { header: 'Nama', width: 0.2 },
        { header: 'Simpanan pokok + wajib', width: 0.14, money: true },
        { header: 'Transaksi', width: 0.14, money: true },
        { header: 'Jasa modal', width: 0.13, money: true },
        { header: 'Jasa usaha', width: 0.12, money: true },
        { header: 'Jumlah SHU', width: 0.13, money: true },
      ],
      rows: shu.members.map((m) => [
        m.memberId,
        m.displayName,
        rp(m.savings),
        rp(m.transactions),
        rp(m.jasaModal),
        rp(m.jasaUsaha),
        rp(m.total),
      ]),
      totals: [
        [
          `${shu.totals.members} anggota`,
          'Jumlah',
          rp(shu.totals.savings),
          rp(shu.totals.transactions),
          rp(shu.totals.jasaModal),
          rp(shu.totals.jasaUsaha),
          rp(shu.totals.jasaModal + shu.totals.jasaUsaha),
        ],
      ],
      note: `Simpanan: saldo simpanan pokok dan wajib per 31 Desember ${p.year}. Transaksi: belanja anggota di pasar (nilai barang, tanpa ongkos kirim) dan penjualan titip jual anggota yang sudah diserahkan, tahun ${p.year}. ${shuNote}`,
    },
    {
      title: 'Ringkasan Simpanan Anggota',
      columns: [
        { header: 'Simpanan', width: 0.28 },
        { header: `Awal ${p.year}`, width: 0.18, money: true },
        { header: 'Masuk', width: 0.18, money: true },
        { header: 'Keluar', width: 0.18, money: true },
        { header: `Akhir ${p.year}`, width: 0.18, money: true },
      ],
      rows: p.savings.map((s) => [SAVINGS_NAMES[s.kind], rp(s.opening), rp(s.in), rp(s.out), rp(s.closing)]),
      totals: [
        [
          'Jumlah',
          rp(p.savings.reduce((t, s) => t + s.opening, 0)),
          rp(p.savings.reduce((t, s) => t + s.in, 0)),
          rp(p.savings.reduce((t, s) => t + s.out, 0)),
          rp(p.savings.reduce((t, s) => t + s.closing, 0)),
        ],
      ],
      note: 'Dari buku besar (akun 3-1100, 3-1200, 2-1200): sama dengan neraca.',
    },
    {
      title: 'Perubahan Jumlah Anggota',
      columns: [
        { header: 'Keterangan', width: 0.7 },
        { header: 'Orang', width: 0.3 },
      ],
      rows: [
        [`Anggota awal tahun ${p.year}`, String(p.memberCount.atStart)],
        ...p.memberCount.joinedPerMonth
          .filter((m) => m.joined > 0)
          .map((m): Cell[] => [`Masuk ${periodName(m.period)}`, String(m.joined)]),
        [`Anggota masuk tahun ${p.year}`, String(p.memberCount.joined)],
      ],
      totals: [[`Anggota akhir tahun ${p.year}`, String(p.memberCount.atEnd)]],
      note: 'Menurut pendaftaran anggota; anggota yang keluar belum tercatat di sistem.',
    },
    {
      title: 'Penjualan dan Simpanan per Bulan',
      columns: [
        { header: 'Bulan', width: 0.4 },
        { header: 'Penjualan (pendapatan usaha)', width: 0.3, money: true },
        { header: 'Simpanan anggota akhir bulan', width: 0.3, money: true },
      ],
      rows: p.monthly.map((m) => [periodName(m.period), rp(m.sales), rp(m.savings)]),
      totals: [['Jumlah penjualan', rp(p.monthly.reduce((t, m) => t + m.sales, 0)), '']],
    },
  ];
}

export function ratPackCsv(p: RatPack): string {
  return toSectionsCsv([
    {
      title: `Paket RAT Tahun Buku ${p.year}, Koperasi ${p.cooperativeId}`,
      columns: [],
      rows: [],
      totals: [],
    },
    ...ratPackSections(p),
  ]);
}

/** The pack as one A4 PDF: a heading, each section as a table, and the two bar charts. */
export function ratPackPdf(p: RatPack): Promise<Buffer> {
  const title = `Paket Rapat Anggota Tahunan (RAT) Tahun Buku ${p.year}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${title} — Koperasi ${p.cooperativeId}` },
  });
  const done = bytesOf(doc);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(15).text(title, MARGIN, MARGIN, { width });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      `Koperasi ${p.cooperativeId} · laporan pertanggungjawaban pengurus: neraca, laba rugi, pembagian SHU, daftar SHU anggota, simpanan dan keanggotaan.`,
      { width },
    );
  const sections = ratPackSections(p);
  for (const [i, s] of sections.entries()) {
    if (i > 0 && doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(11).text(s.title, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    drawTable(doc, s);
  }
  doc.moveDown(1);
  barChart(
    doc,
    `Grafik penjualan per bulan, ${p.year}`,
    p.monthly.map((m) => ({ label: shortMonth(m.period), value: m.sales })),
  );
  barChart(
    doc,
    `Grafik simpanan anggota per akhir bulan, ${p.year}`,
    p.monthly.map((m) => ({ label: shortMonth(m.period), value: m.savings })),
    { color: '#8a5a13' },
  );
  doc.end();
  return done;
}
