import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("accepts 12 to 128 characters, counting characters not bytes", () => {
    expect(passwordProblem("tangerine-harbor-lamp")).toBeNull();
    expect(passwordProblem("ünïcødé-pässwörd")).toBeNull();
    expect(passwordProblem("short-pass1")).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(64) + "y".repeat(65))).toMatch(/at most 128/);
    expect(passwordProblem("éééééééééééé" /* 12 chars, 24 bytes */)).not.toMatch(/at least/);
  });
  it("rejects common passwords whatever their case", () => {
    expect(passwordProblem("qwerty123456")).toMatch(/common/);
    expect(passwordProblem("1Q2W3E4R5T6Y")).toMatch(/common/);
    expect(passwordProblem("passwordpassword")).toMatch(/common/);
  });
  it("rejects context-specific passwords", () => {
    expect(passwordProblem("jane.doe-is-great", "jane.doe@agency.gov")).toMatch(/email/);
    expect(passwordProblem("my-closecall-login")).toMatch(/name of this service/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/repeats/);
  });
});
