/**
 * Anonymous rounds store scores under "Respondent 1…N". The numbers are given
 * in an order the host draws at random (crypto), so they follow neither the
 * partners' order nor the order the files were listed in.
 */
const PREFIX = "Respondent ";

export function respondentName(n: number): string {
  return `${PREFIX}${n}`;
}

/** The N of "Respondent N"; 0 for anything else. */
export function respondentNumber(name: string): number {
  if (!name.startsWith(PREFIX)) return 0;
  const n = Number(name.slice(PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Fisher–Yates with the random integers the caller supplies (below `bound`). */
export function shuffleWith<T>(items: readonly T[], randomBelow: (bound: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
