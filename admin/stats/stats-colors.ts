/** Series colours of the statistics charts (each also has its own dash or form: not told apart by colour alone). */
export const CHART_COLORS = { median: '#0a55a0', p90: '#a3201a', target: '#1a6434', issued: '#6b7c93', served: '#0a55a0' } as const;

/** Lines of several services: colours with enough contrast on white, and dashes that differ too. */
export const SERVICE_LINES: ReadonlyArray<{ color: string; dash?: number[] }> = [
  { color: '#0a55a0' },
  { color: '#a3201a', dash: [8, 4] },
  { color: '#1a6434', dash: [2, 4] },
  { color: '#6a3d9a', dash: [12, 4, 2, 4] },
  { color: '#8a5a00', dash: [4, 4] },
  { color: '#1b2230', dash: [1, 3] },
];
