export type SpawnedApp = { port: number; mailDir: string; logFile: string; dir: string; stop: () => Promise<void> };
export function e2eDistDir(): string;
export function spawnApp(input: { distDir: string; env?: Record<string, string>; seed?: boolean; stages?: number; reuseBuild?: boolean }): Promise<SpawnedApp>;
