"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const STORAGE_KEY = "servicebell.kds.sound";

/**
 * "off": the cook has not turned sound on (on this device); "waiting": they did, but this page
 * load has had no gesture yet, and browsers refuse audio without one; "on": chimes play.
 */
export type SoundState = "off" | "waiting" | "on";

/**
 * A short two-tone chime through Web Audio. The choice is remembered per device (localStorage);
 * after a reload the first tap or key anywhere on the screen re-arms it, since browsers only
 * allow sound after a gesture.
 */
export function useChime() {
  const ctx = useRef<AudioContext | null>(null);
  const [state, setState] = useState<SoundState>("off");

  const arm = useCallback(async () => {
    const Ctor =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    ctx.current ??= new Ctor();
    await ctx.current.resume().catch(() => undefined);
    if (ctx.current.state === "running") setState("on");
  }, []);

  const enable = useCallback(async () => {
    localStorage.setItem(STORAGE_KEY, "on");
    setState("waiting");
    await arm();
  }, [arm]);

  const disable = useCallback(() => {
    localStorage.setItem(STORAGE_KEY, "off");
    setState("off");
  }, []);

  // Read the device's choice after hydration (the server cannot know it).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's choice is readable only after hydration
    if (localStorage.getItem(STORAGE_KEY) === "on") setState("waiting");
  }, []);

  useEffect(() => {
    if (state !== "waiting") return;
    const onGesture = () => void arm();
    window.addEventListener("pointerdown", onGesture, { capture: true });
    window.addEventListener("keydown", onGesture, { capture: true });
    return () => {
      window.removeEventListener("pointerdown", onGesture, { capture: true });
      window.removeEventListener("keydown", onGesture, { capture: true });
    };
  }, [state, arm]);

  const play = useCallback(
    (kind: "new" | "void" = "new") => {
      const ac = ctx.current;
      if (state !== "on" || !ac) return;
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
    [state],
  );

  return { state, enable, disable, play };
}
