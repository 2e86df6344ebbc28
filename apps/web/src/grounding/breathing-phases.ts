export type BreathingPhase = 'in' | 'hold' | 'out';

/** One round of paced breathing, as the instructions on the page say it: in for 4 s, hold for 4 s, out for 4 s. */
export const breathingRound: readonly { phase: BreathingPhase; seconds: number }[] = [
  { phase: 'in', seconds: 4 },
  { phase: 'hold', seconds: 4 },
  { phase: 'out', seconds: 4 },
];

/** Where a guide is after `elapsed` whole seconds: the phase and the seconds left in it (counting down to 1). */
export function breathingStep(elapsed: number): { phase: BreathingPhase; secondsLeft: number } {
  const roundLength = breathingRound.reduce((sum, step) => sum + step.seconds, 0);
  let at = elapsed % roundLength;
  for (const step of breathingRound) {
    if (at < step.seconds) return { phase: step.phase, secondsLeft: step.seconds - at };
    at -= step.seconds;
  }
  return { phase: 'in', secondsLeft: breathingRound[0]?.seconds ?? 4 };
}
