// The storage layer in one import. Every function takes the database handle from openStore().
export * from './schema';
export * from './ingest';
export * from './queries';
export * from './export';
export * from './settings';
export * from './retention';
export * from './backup';
export { getAccount, listAccounts, ownAccounts, setOwnAccount } from './accounts';
export { QuotaError, isQuotaExceeded } from './quota';
