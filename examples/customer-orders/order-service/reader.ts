/**
 * What the order service keeps of a customer: the contract's latest
 * version as the generated code reads it (`../generated/`, every older
 * version read into it, defaults filled in), and of it only the fields it
 * needs for orders — contact and shipping address, not the marketing ones.
 */
import { readFileSync } from 'node:fs';

/** The version the replica reads every event as: the latest the generated code knows. */
export const READER_VERSION = 5;

/** The reader version's schema text (the generated code embeds it; kept for callers that want the file). */
export const READER_SCHEMA = readFileSync(new URL(`../contracts/customer-value/v${READER_VERSION}.avsc`, import.meta.url), 'utf8');

export const ORDER_FIELDS = ['customer_id', 'name', 'email', 'tier', 'phone', 'address'] as const;
