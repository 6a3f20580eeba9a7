// The interest rules moved to the engine's pure module; this keeps the old import path working.
export { INTEREST_RATES, type InterestRate } from '@/lib/engine/rules/tables';
export { calculateInterestOre, accrueInterest, MissingInterestRateError } from '@/lib/engine/rules/interest';
