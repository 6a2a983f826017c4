/**
 * Text from a workbook is data, and a terminal must never take it for
 * commands: an ESC sequence in a cell could clear the screen and print a fake
 * "0 errors". Every line the command line prints passes through here.
 *
 * Controls become visible `\u001b`-style escapes rather than disappearing, so
 * the user sees that the cell holds something odd. That form is also a valid
 * JSON string escape for the same character, so `--json` output stays valid
 * and parses back to the exact cell text.
 */

// C0 controls except tab and newline, DEL, the C1 controls (U+0080–U+009F,
// which some terminals obey like ESC sequences), and the bidirectional
// overrides and isolates that can make a line read differently from its bytes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitiseForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
