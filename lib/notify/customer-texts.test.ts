import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { customerTextSenderFor } from "./customer-texts";

describe("customerTextSenderFor", () => {
  it("appends one JSON line per text to the outbox file", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "outbox-")), "sms.jsonl");
    const sender = customerTextSenderFor({ SMS_PROVIDER: "outbox", SMS_OUTBOX_FILE: file });
    expect(sender.name).toBe("outbox");
    await sender.send({ customerId: null, to: "+12075550163", kind: "OTP", body: "Your code is 123456" });
    await sender.send({ customerId: "c1", to: "+12075550164", kind: "STATUS", body: "On its way" });
    const lines = (await readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ to: "+12075550163", kind: "OTP", body: "Your code is 123456" });
    expect(typeof lines[0].at).toBe("string");
  });

  it("falls back to the development log (also for host-screen and an incomplete twilio setup)", () => {
    expect(customerTextSenderFor({}).name).toBe("log");
    expect(customerTextSenderFor({ SMS_PROVIDER: "host-screen" }).name).toBe("log");
    expect(customerTextSenderFor({ SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC12345678" }).name).toBe("log");
    expect(
      customerTextSenderFor({
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC12345678",
        TWILIO_AUTH_TOKEN: "tok12345",
        TWILIO_FROM: "+12075550100",
      }).name,
    ).toBe("twilio");
  });
});
