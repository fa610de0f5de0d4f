// The 权责事项 or 服务事项 a catalog item comes from, shown on the item's public page. The powers module
// supplies it at start-up (it depends on the catalog, so the catalog cannot import it).
import type { Core } from '../../../core/services.ts';

export interface ItemSourceLink {
  /** 权责事项 or 服务事项 */
  kindLabel: string;
  name: string;
  href: string;
  /** The unit whose list the item belongs to. */
  unitName: string;
}

type Provider = (core: Core, rootUnitId: number, catalogItemId: number) => Promise<ItemSourceLink[]>;

let provider: Provider | undefined;

export function setItemSourceProvider(p: Provider): void {
  provider = p;
}

export async function itemSources(core: Core, rootUnitId: number, catalogItemId: number): Promise<ItemSourceLink[]> {
  return (await provider?.(core, rootUnitId, catalogItemId)) ?? [];
}
