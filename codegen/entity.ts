/**
 * The names one subject's module promises (README, index): the latest type
 * `Customer`, each version `CustomerV1`…, `CustomerInput`, `CustomerEvent`,
 * `encodeCustomer`, `decodeCustomer`, `decodeCustomerAsync`, and the
 * namespace the index re-exports the whole module under (`customer`).
 */
import { camelCase, NameAllocator } from './ts/names.js';

export interface EntityNames {
  type: string;
  input: string;
  event: string;
  versions: Map<number, string>;
  encode: string;
  decode: string;
  decodeAsync: string;
  namespace: string;
}

export function entityNames(base: string, versions: readonly number[], names: NameAllocator): EntityNames {
  const claim = (name: string, what: string) => names.claimExactly(name, what);
  return {
    type: claim(base, 'the latest version'),
    input: claim(`${base}Input`, 'what the encoder accepts'),
    event: claim(`${base}Event`, 'the ECST event'),
    versions: new Map(versions.map((v) => [v, claim(`${base}V${v}`, `version ${v}`)])),
    encode: `encode${base}`,
    decode: `decode${base}`,
    decodeAsync: `decode${base}Async`,
    namespace: camelCase(base),
  };
}
