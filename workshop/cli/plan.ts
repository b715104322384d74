/**
 * The whole plan of the workshop: twelve exercises that follow the talk
 * (shared spec, EXERCISES.md). Only `list --all` reads it, to show the
 * exercises that are not written yet; an exercise that exists speaks for
 * itself through its exercise.json.
 */
export interface PlannedExercise {
  readonly id: string;
  readonly title: string;
  /** Slide numbers of the talk. */
  readonly slides: readonly number[];
}

export const plan: readonly PlannedExercise[] = [
  { id: '01-stateless-function', title: 'A stateless function', slides: [3, 9] },
  { id: '02-twelve-factor-config', title: 'Twelve-factor config', slides: [8] },
  { id: '03-circuit-breaker', title: 'Circuit breaker', slides: [7] },
  { id: '04-idempotency', title: 'Idempotency', slides: [9] },
  { id: '05-choreography', title: 'Choreography', slides: [11, 12, 13, 14] },
  { id: '06-stream-handler', title: 'A stream handler', slides: [15, 16] },
  { id: '07-partial-batch-failures', title: 'Partial batch failures', slides: [16] },
  { id: '08-idempotent-consumer', title: 'Idempotent consumer', slides: [9, 16] },
  { id: '09-kinesis-fan-out', title: 'Kinesis fan-out', slides: [17] },
  { id: '10-ttl-archive', title: 'TTL archive', slides: [18] },
  { id: '11-add-a-service', title: 'Add a service', slides: [12, 7] },
  { id: '12-pingbot', title: 'pingbot', slides: [2] },
];
