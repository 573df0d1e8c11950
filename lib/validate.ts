// The background trusts nothing it is sent: every message is checked for shape before use.
// The field rules (sites, lengths, times, counts) live in ./fields, shared with the backup importer.
import { observationProblem, timeProblem } from './fields';
import type { Message } from './messages';
import type { PostObservation } from './types';

const MAX_POSTS_PER_BATCH = 500;

export function isObservation(v: unknown): v is PostObservation {
  return observationProblem(v, 'post', Date.now()) === undefined;
}

export function isMessage(v: unknown): v is Message {
  const now = Date.now();
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  switch (m.type) {
    case 'observe':
      return (
        timeProblem(m.observedAt, 'observedAt', now) === undefined &&
        typeof m.pageUrl === 'string' &&
        Array.isArray(m.posts) &&
        m.posts.length <= MAX_POSTS_PER_BATCH &&
        m.posts.every((p) => observationProblem(p, 'post', now) === undefined)
      );
    case 'tab-posts':
      return true;
    default:
      return false;
  }
}
