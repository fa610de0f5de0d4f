// The records published under a catalog item, shown on the item's public page. The publishing module
// supplies them at start-up (it depends on the catalog, so the catalog cannot import it).
import type { Core } from '../../../core/services.ts';

export interface ItemRecordLink {
  title: string;
  href: string;
  docNo: string;
  publisherName: string;
  /** 发布日期 */
  publishedOn: string;
  /** 有效性 as shown (有效 / 失效（日期起） / 废止（日期起）). */
  validity: string;
}

export interface ItemRecords {
  links: ItemRecordLink[];
  total: number;
  /** The full, filterable list of the item's records. */
  moreHref: string;
}

type Provider = (core: Core, rootUnitId: number, itemId: number, itemCode: string) => Promise<ItemRecords>;

let provider: Provider | undefined;

export function setItemRecordsProvider(p: Provider): void {
  provider = p;
}

export async function itemRecords(core: Core, rootUnitId: number, itemId: number, itemCode: string): Promise<ItemRecords | undefined> {
  return provider?.(core, rootUnitId, itemId, itemCode);
}
