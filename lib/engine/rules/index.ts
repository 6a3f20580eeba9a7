// The engine's pure rules: tables, interest, fees, agreement and the path. No database, no clock.
export * from './agreement';
export * from './claim';
export * from './dates';
export * from './fees';
export * from './interest';
export * from './path';
export * from './reconcile';
export * from './tables';
export * from './plan';
export * from './projected-rates';
