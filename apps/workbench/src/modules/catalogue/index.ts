// Catalogue: products, sizes and stock; the right pane's related products; the 商品 admin page (loaded lazily).
export { getProduct, listProducts, sizeAdvice } from './catalogue.api';
export { RelatedNeeds } from './RelatedNeeds';

/** Loads the 商品 page as its own chunk (the workbench an agent opens all day loads without it). */
export const loadCataloguePage = () => import('./CataloguePage');
