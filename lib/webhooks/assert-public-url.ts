import "server-only";
import { AppError } from "../errors";
import { allowPrivateTargets } from "./settings";
import { privateTargetRefusal } from "./url-policy";

/** A saved URL must not point into the app's own network (SSRF) unless private targets are allowed. */
export async function assertPublicUrl(url: string): Promise<void> {
  const refusal = await privateTargetRefusal(url, allowPrivateTargets());
  if (refusal) throw new AppError("VALIDATION", "Some fields are invalid", { url: [refusal] });
}
