import type { Segment } from "./records.js";

/**
 * Word-level tokens: words (with the figures and apostrophes inside them),
 * runs of spaces, and single punctuation marks, so "£8,300,000" changing to
 * "£8,450,000" is one word replaced and "Partners" gaining a comma is one
 * mark inserted. A cross-reference is one token keyed by the clause it
 * points to: a reference whose number moved is not a change.
 */

export interface Token {
  /** What the diff compares. */
  key: string;
  /** What it prints: the text, or a reference's number. */
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’.,:/-][\p{L}\p{N}]+)*|[ \u00a0]+|[\s\S]/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Cross-reference keys start with a character no text holds. */
export function referenceKey(ref: string): string {
  return `\u0001${ref}`;
}

export function segmentTokens(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    if (typeof segment === "string") {
      for (const word of words(segment)) tokens.push({ key: word, text: word });
    } else {
      tokens.push({ key: referenceKey(segment.ref), text: segment.shown });
    }
  }
  return tokens;
}

/** The comparison text of a paragraph: its words, and each reference as its target's key. */
export function identityText(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === "string" ? s : referenceKey(s.ref))).join("");
}

/** How alike two paragraphs are, 0 to 1: the share of their words they have in common (Dice). */
export function similarity(a: readonly Segment[], b: readonly Segment[]): number {
  const wordsOf = (segments: readonly Segment[]) =>
    segmentTokens(segments)
      .map((t) => t.key)
      .filter((k) => k.trim() !== "");
  const left = wordsOf(a);
  const right = wordsOf(b);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of right) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}
