import { describe, expect, it } from "vitest";
import { q } from "../../src/model/quote.js";
import { inline } from "../../src/report/escape.js";

describe("q: values quoted in finding messages", () => {
  it("is a plain code span for ordinary values", () => {
    expect(q("uvicorn app.main:app")).toBe("`uvicorn app.main:app`");
    expect(q(null)).toBe("`null`");
  });

  it("keeps a value with backticks whole through the markdown renderer", () => {
    const value = "sh -c `echo $PORT` && uvicorn";
    const md = inline(`runs ${q(value)}, not ${q("x")}`);
    // One code span holding the whole value (fence longer than its backtick run), then the second.
    expect(md).toBe("runs ``sh -c `echo $PORT` && uvicorn``, not `x`");
  });

  it("must not fire for values without backticks: the message text is unchanged", () => {
    expect(inline(`a ${q("b|c")}`)).toBe("a `b\\|c`");
  });
});
