import "server-only";
import { log } from "../log";
import type { Notifier } from "./notifier";

/**
 * The embedded default: no message leaves the building. It is logged and recorded (SHOWN), and
 * the host stand lists it ("Tell Ravi: your table is ready") for the host to relay in person.
 */
export const hostScreenNotifier: Notifier = {
  name: "host-screen",
  channelFor: () => "HOST_SCREEN",
  async send(message) {
    // The body names the guest's first name only; no phone in the log.
    log.info("guest message shown on the host stand", { guestId: message.guest.id, body: message.body });
    return { status: "SHOWN" };
  },
};
