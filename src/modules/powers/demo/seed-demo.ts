export async function seedPowersDemo(_core: unknown, _rootId: number, _log: (s: string) => void): Promise<void> {}
