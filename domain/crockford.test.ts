import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, crockfordBytes, crockfordText } from "./crockford";

describe("Crockford base32", () => {
  it("packs 5 bits a character, in the alphabet without I, L, O, U", () => {
    // 0x00 0x44 0x32 0x14 0xC7 = 00000 00001 00010 00011 00100 00101 00110 00111 → 0..7.
    expect(crockfordText(Uint8Array.from([0x00, 0x44, 0x32, 0x14, 0xc7]), 8)).toBe("01234567");
    expect(crockfordText(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe("ZZZZZZZZ");
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("takes the bytes the length needs, and refuses too few", () => {
    expect([crockfordBytes(24), crockfordBytes(16), crockfordBytes(15)]).toEqual([15, 10, 10]);
    expect(() => crockfordText(new Uint8Array(9), 16)).toThrow(RangeError);
  });
});
