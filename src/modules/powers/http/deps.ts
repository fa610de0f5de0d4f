// What this module uses from other modules, each through its index.ts.
export { findCatalogItem, listUnitCatalogItemsForPicker, readXlsxGrid, setItemSourceProvider, type CatalogItemRef } from '../../catalog/index.ts';
export { findUnitBySlug, findUnitById, publicUnitsOfRoot, type UnitRow } from '../../units/index.ts';
export { addSearchProvider } from '../../publishing/index.ts';
