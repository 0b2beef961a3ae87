/**
 * Synthetic edits of real articles, the way outlets change wire copy: a paragraph dropped,
 * a sentence added, outlet boilerplate appended, the title reworded. Deterministic given
 * the seed. A "paragraph" is a blank-line or line block when the text has three or more,
 * else a quarter of its sentences (most SaudiNewsNet bodies are one line).
 */
import { makeArticle, type Article } from '../../src/model/article.ts';
import { rng } from './labels.ts';

export type EditKind = 'paragraph-dropped' | 'sentence-added' | 'boilerplate-appended' | 'title-reworded';
export const EDIT_KINDS: readonly EditKind[] = ['paragraph-dropped', 'sentence-added', 'boilerplate-appended', 'title-reworded'];

const BOILERPLATE = [
  'شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك',
  'جميع الحقوق محفوظة للصحيفة. يمنع النسخ أو إعادة النشر دون إذن مسبق. تابعونا على تويتر وفيسبوك وانستغرام لمزيد من الأخبار العاجلة',
  'سمات المملكة الرياض أخبار محلية عاجل',
];

function sentences(text: string): string[] {
  return text.split(/(?<=[.!؟?])\s+/).filter((s) => s.trim());
}

function paragraphs(text: string): string[] {
  const blocks = text.split(/\n+/).filter((s) => s.trim());
  if (blocks.length >= 3) return blocks;
  const s = sentences(text);
  const n = Math.max(1, Math.ceil(s.length / 4));
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n).join(' '));
  return out;
}

/** Rewords a title the way desks do: drop or move a word, add a prefix. */
function reword(title: string, r: () => number): string {
  const w = title.split(/\s+/).filter(Boolean);
  const kind = Math.floor(r() * 3);
  if (kind === 0 && w.length > 3) w.splice(1 + Math.floor(r() * (w.length - 2)), 1);
  else if (kind === 1 && w.length > 2) w.push(w.shift()!);
  else w.unshift(r() < 0.5 ? 'عاجل:' : 'بالصور..');
  return w.join(' ');
}

/** The edited copy of `a`, published an hour later by another outlet, or null when the text is too short to edit. */
export function edit(a: Article, kind: EditKind, donor: Article, seed: number): Article | null {
  const r = rng(seed);
  let title = a.title;
  let text = a.text.trim();
  if (kind === 'paragraph-dropped') {
    const p = paragraphs(text);
    if (p.length < 3) return null;
    p.splice(Math.floor(r() * p.length), 1);
    text = p.join('\n\n');
  } else if (kind === 'sentence-added') {
    const s = sentences(text);
    const d = sentences(donor.text);
    if (s.length < 2 || d.length === 0) return null;
    s.splice(1 + Math.floor(r() * (s.length - 1)), 0, d[Math.floor(r() * d.length)]!);
    text = s.join(' ');
  } else if (kind === 'boilerplate-appended') {
    text = `${text}\n\n${BOILERPLATE[Math.floor(r() * BOILERPLATE.length)]}`;
  } else {
    title = reword(title, r);
  }
  const t = a.publishedAt ? new Date(Date.parse(a.publishedAt) + 3_600_000).toISOString() : null;
  return makeArticle({ title, text, url: `https://synthetic.invalid/${kind}/${a.id}`, publishedAt: t, outlet: 'synthetic' });
}
