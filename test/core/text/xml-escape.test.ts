import { describe, expect, it } from "vitest";
import { escapeXml, unescapeXml } from "../../../core/text/xml-escape.js";

describe("XML text", () => {
  it("comes back as it went in, for every character escapeXml keeps", () => {
    const text = `Tom & Jerry's "<Partnership>" £1,000 & more`;
    expect(escapeXml(text)).not.toBe(text);
    expect(unescapeXml(escapeXml(text))).toBe(text);
  });

  it("reads numeric character references, and an escaped ampersand only once", () => {
    expect(unescapeXml("&#163;5 &#x2014; A&amp;E")).toBe("£5 — A&E");
    expect(unescapeXml("&amp;lt;")).toBe("&lt;");
    expect(unescapeXml("&amp;#38;")).toBe("&#38;");
  });
});
