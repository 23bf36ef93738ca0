export { demoData } from './demo-data';
export type { CatalogueData, DemoData } from './demo-data';
export { FixtureCatalogue } from './fixture-catalogue';
export type { FixtureCatalogueOptions, Shipment } from './fixture-catalogue';
export { HttpCatalogue, OrderServiceError } from './http-catalogue';
export type { HttpCatalogueOptions, OrderServiceErrorKind } from './http-catalogue';
export { newestFirst } from './newest-first';
