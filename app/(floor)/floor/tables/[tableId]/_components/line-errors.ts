/** Field errors like "items.2.modifierIds" → messages per draft line index. */
export function lineErrors(fieldErrors: Record<string, string[]> | undefined): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const [k, v] of Object.entries(fieldErrors ?? {})) {
    const m = /^items\.(\d+)/.exec(k);
    if (m) (out[Number(m[1])] ??= []).push(...v);
  }
  return out;
}
