/**
 * The story bank as a PDF, on A4 or US Letter: the same lazy PDF code and font as the committee summary (toPdf.ts's
 * Writer, DejaVu Sans embedded as a subset, so every name prints as written). Loaded only when
 * someone asks for it; the font's bytes are passed in.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { formatDate } from '../model/dates';
import { PAGE_SIZES, type PageSize } from './pageSize';
import { bankMetaLine, bankTitle, type StoryBank, storyBankFileName } from './storyBank';
import { compatibleFontkit, MUTED, type PdfFile, SIZE, Writer } from './toPdf';

/** The story bank as a PDF file; `fontBytes` is a TrueType font (DejaVu Sans), embedded as a subset. */
export async function storyBankPdf(
  bank: StoryBank,
  fontBytes: ArrayBuffer | Uint8Array,
  pageSize: PageSize = 'a4',
): Promise<PdfFile> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(compatibleFontkit(fontkit));
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(bankTitle(bank));
  doc.setSubject('Accomplishment stories for interviews');
  doc.setCreator('Mentoring Journal');
  doc.setProducer('Mentoring Journal');
  doc.setLanguage('en');
  const made = new Date(`${bank.madeOn}T12:00:00Z`);
  if (!Number.isNaN(made.getTime())) {
    doc.setCreationDate(made);
    doc.setModificationDate(made);
  }

  const w = new Writer(doc, font, PAGE_SIZES[pageSize]);
  w.heading(bankTitle(bank), 1);
  w.text(bankMetaLine(bank), { color: MUTED });
  if (!bank.stories.length) w.text('No stories chosen.', { color: MUTED });
  for (const story of bank.stories) {
    w.heading(story.title, 2);
    if (story.meta) w.text(story.meta, { size: SIZE.small, color: MUTED });
    if (story.skills.length) w.text(`Skills: ${story.skills.join(', ')}`);
    for (const part of story.parts) {
      w.heading(part.heading, 3);
      w.text(part.text);
    }
  }
  w.footers(`${bankTitle(bank)} — ${formatDate(bank.madeOn)}`);
  const bytes = await doc.save();
  return { fileName: storyBankFileName(bank, 'pdf'), bytes, type: 'application/pdf' };
}
