/** The catalogue module's door: the only file other modules import. */
export { registerCatalogueRoutes } from './catalogue.routes.js';
export { presentBrief } from './product.presenter.js';
export { findProductCard, listBundles, listProductBriefs, listRelations } from './product.repository.js';
export {
  findProductByExternalId,
  insertSyncedProduct,
  insertSyncedSku,
  listSkusOfProduct,
  mapProductIdsByExternalId,
  updateSkuPriceAndStock,
  updateSyncedProduct,
} from './product.repository.js';
export { listProductPrices } from './product.repository.js';
export { findSkuOfProduct } from './sku.repository.js';
