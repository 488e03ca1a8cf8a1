"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A short two-tone chime through Web Audio. Browsers only allow sound after a gesture, so the
 * display shows "Enable sound" until a cook taps it (once per page load).
 */
export function useChime() {
  const ctx = useRef<AudioContext | null>(null);
  const [enabled, setEnabled] = useState(false);

  const enable = useCallback(async () => {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx.current ??= new Ctor();
    await ctx.current.resume();
    setEnabled(true);
  }, []);

  const disable = useCallback(() => setEnabled(false), []);

  const play = useCallback(
    (kind: "new" | "void" = "new") => {
      const ac = ctx.current;
      if (!enabled || !ac) return;
      const tones = kind === "void" ? [440, 330, 440] : [880, 1320];
      tones.forEach((freq, i) => {
        const osc = ac.createOscillator();
        const gain = ac.createGain();
        const start = ac.currentTime + i * 0.16;
        osc.type = "sine";
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.14);
        osc.connect(gain).connect(ac.destination);
        osc.start(start);
        osc.stop(start + 0.15);
      });
    },
    [enabled],
  );

  return { enabled, enable, disable, play };
}
