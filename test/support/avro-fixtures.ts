/**
 * Avro schemas shared by the API and client tests: a record that evolves
 * compatibly (each version adds a field with a default) and one change that
 * breaks BACKWARD (a new field without a default).
 */

export function customerSchema(extraFields = 0): string {
  const fields: object[] = [
    { name: 'customer_id', type: 'string' },
    { name: 'name', type: 'string' },
  ];
  for (let i = 1; i <= extraFields; i++) fields.push({ name: `extra_${i}`, type: ['null', 'string'], default: null });
  return JSON.stringify({ type: 'record', name: 'Customer', namespace: 'com.example', fields });
}

export const customerWithRequiredEmail = JSON.stringify({
  type: 'record',
  name: 'Customer',
  namespace: 'com.example',
  fields: [
    { name: 'customer_id', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'email', type: 'string' },
  ],
});

export const addressSchema = JSON.stringify({
  type: 'record',
  name: 'Address',
  namespace: 'com.example',
  fields: [
    { name: 'street', type: 'string' },
    { name: 'city', type: 'string' },
  ],
});

export const customerWithAddress = JSON.stringify({
  type: 'record',
  name: 'CustomerWithAddress',
  namespace: 'com.example',
  fields: [
    { name: 'customer_id', type: 'string' },
    { name: 'address', type: 'com.example.Address' },
  ],
});
