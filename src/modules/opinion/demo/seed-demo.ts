export async function seedOpinionDemo(_core: unknown, _root: number, _log: (s: string) => void): Promise<void> {}
