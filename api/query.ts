/**
 * Query parameters as JAX-RS reads them: booleans are "true" in any case
 * (anything else, or absence, is false); integers fall back to their default.
 */
import type { Request } from 'express';
import { errors } from '../contracts/errors.js';

type Query = Request['query'];

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

export function flag(query: Query, name: string): boolean {
  return first(query[name])?.toLowerCase() === 'true';
}

export function text(query: Query, name: string): string | undefined {
  return first(query[name]);
}

export function integer(query: Query, name: string, fallback: number): number {
  const value = first(query[name]);
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw errors.notFound(`HTTP 404 Not Found`);
  return Number(value);
}

/** Every value of a repeated parameter (`?key=a&key=b`). */
export function list(query: Query, name: string): string[] {
  const value = query[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function paging(query: Query): { offset: number; limit: number } {
  return { offset: integer(query, 'offset', 0), limit: integer(query, 'limit', -1) };
}
