/**
 * One report with every status, a subject with two results, and text that
 * each format must escape (`<&"'`, `%`, `:`, `,`, a newline): the input of
 * the renderers' golden tests.
 */
import type { Report } from '../../cli/output/findings.js';

export const sampleReport: Report = {
  command: 'creg check',
  results: [
    {
      check: 'compatibility',
      subject: 'customer-value',
      file: 'contracts/customer.avsc',
      status: 'fail',
      summary: 'incompatible under BACKWARD with version 2',
      findings: [
        {
          severity: 'error',
          rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
          path: '/fields/3',
          version: 2,
          message: "The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema",
        },
        { severity: 'error', rule: 'TYPE_MISMATCH', path: '/fields/1', version: 2, message: 'reader type: "string" & <writer> type: 100% int,\nsee docs: x' },
      ],
      details: { level: 'BACKWARD', registeredVersions: [1, 2], schemaType: 'AVRO' },
    },
    {
      check: 'compatibility',
      subject: 'address-value',
      file: 'contracts/address.avsc',
      status: 'pass',
      summary: 'compatible under BACKWARD with version 1',
      findings: [],
    },
    {
      check: 'compatibility',
      subject: 'order-value',
      file: 'contracts/order.json',
      status: 'pass',
      summary: 'new subject',
      findings: [{ severity: 'notice', rule: 'NEW_SUBJECT', message: 'new subject: its first version has nothing to be compatible with' }],
    },
    {
      check: 'verification',
      name: 'verified by order-service',
      subject: 'customer-value',
      status: 'unknown',
      summary: 'no verification recorded for version 3',
      findings: [],
    },
    {
      check: 'compatibility',
      subject: 'invoice-value',
      file: 'contracts/invoice.proto',
      status: 'error',
      summary: 'registry unreachable: fetch failed: ECONNREFUSED',
      findings: [],
    },
  ],
};
