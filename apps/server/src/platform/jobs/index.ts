/** Durable jobs: typed, versioned definitions, a database or Redis (BullMQ) backend, and schedules that only fan out. */
export { defineJob, type EnqueueOptions, type JobDefinition, type JobQueue, type ScheduleDefinition } from './job-definition.js';
export { startJobs, type JobRuntime } from './job-runtime.js';
export { claimSchedulePeriod } from './schedule-period.js';
