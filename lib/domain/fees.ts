// The fee rules moved to the engine's pure module; this keeps the old import path working.
export { COLLECTION_RATE, LIGHT_FEE_STEPS, type DatedAmount as CollectionRate } from '@/lib/engine/rules/tables';
export { collectionFeeLightOre, collectionFeeOre, collectionRateOre, reminderFeeOre, standardCompensationOre } from '@/lib/engine/rules/fees';
