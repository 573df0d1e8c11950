// Whether the background records: the user can pause it, and a full disk pauses it until the user
// resumes. Kept in storage.local so the popup and every tab see the same state.
import { storage } from 'wxt/utils/storage';

export interface RecordingState {
  /** Paused by the user. */
  paused: boolean;
  /** Set when a write failed because storage is full (time of failure, ms). */
  quotaFullSince?: number;
}

export const recordingState = storage.defineItem<RecordingState>('local:recording', {
  fallback: { paused: false },
});

export function pauseReason(state: RecordingState): 'user' | 'quota' | undefined {
  if (state.quotaFullSince) return 'quota';
  return state.paused ? 'user' : undefined;
}
