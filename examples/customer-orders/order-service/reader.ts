/**
 * What the order service was built against: version 4 of `customer-value`
 * (its copy of the contract file), and the customer fields it keeps for
 * orders — contact and shipping address, not the marketing ones.
 */
import { readFileSync } from 'node:fs';

export const READER_VERSION = 4;

export const READER_SCHEMA = readFileSync(new URL('../contracts/customer-value/v4.avsc', import.meta.url), 'utf8');

export const ORDER_FIELDS = ['customer_id', 'name', 'email', 'tier', 'phone', 'address'] as const;
