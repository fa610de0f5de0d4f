// The common-password list of @zxcvbn-ts/language-common (about 49,000 passwords from public leaks),
// loaded on first use: only password changes need it.
let list: Promise<Set<string>> | undefined;

async function load(): Promise<Set<string>> {
  const mod = (await import('@zxcvbn-ts/language-common')) as unknown as { dictionary: Record<string, string[]> };
  return new Set(mod.dictionary['passwords-common'] ?? []);
}

/** Whether the password, compared in lower case, is on the list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  list ??= load();
  return (await list).has(password.toLowerCase());
}
