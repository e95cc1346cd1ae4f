// Flesch reading ease of a rendered view (flesch + syllable from npm). A page is read in blocks: each heading, list
// item, term, definition and paragraph ends a sentence, as do full stops, question and exclamation marks inside one.
import { flesch } from "flesch";
import { syllable } from "syllable";
import { visibleText } from "../visible-text.ts";

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch reading ease (higher is easier; 60 to 70 is plain English). */
  readingEase: number;
}

const BLOCK = /<\/?(?:h[1-6]|p|li|dt|dd|blockquote|div|section|header|footer|nav|main|ul|dl|title)\b[^>]*>/gi;

export function readability(html: string): Readability {
  const body = html.replace(/<head>[\s\S]*?<\/head>/i, " ").replace(/<a class="skip"[\s\S]*?<\/a>/i, " ");
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const block of body.split(BLOCK)) {
    const text = visibleText(block);
    for (const sentence of text.split(/[.!?]+(?:\s|$)/)) {
      const w = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
      if (w.length === 0) continue;
      sentences += 1;
      words += w.length;
      syllables += w.reduce((n, word) => n + Math.max(1, syllable(word)), 0);
    }
  }
  return {
    sentences,
    words,
    syllables,
    readingEase: flesch({ sentence: sentences, word: words, syllable: syllables }),
  };
}
