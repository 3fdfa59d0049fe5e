import * as z from 'zod';
import type { FileKind } from '../core/kinds.js';
import { calendarSchema } from './calendar.js';
import { configSchema } from './config.js';
import { networkSchema } from './network.js';
import { peopleSchema } from './people.js';
import { protocolSchema } from './protocol.js';

export type { Calendar, PlannedMeeting } from './calendar.js';
export * from './common.js';
export type { Config } from './config.js';
export type { Membership, NetworkConfig, Role, Term } from './network.js';
export { ROLES } from './network.js';
export type { People, Person } from './people.js';
export type {
  Approval,
  ApprovalMethod,
  Attendance,
  Decision,
  Guest,
  Item,
  PartialAttendance,
  ProtocolData,
  ProtocolKind,
  ProtocolStatus,
} from './protocol.js';
export { APPROVAL_METHODS } from './protocol.js';

/** The kinds of file in an archive, each with its one schema. */
export const schemas = {
  config: configSchema,
  people: peopleSchema,
  network: networkSchema,
  calendar: calendarSchema,
  protocol: protocolSchema,
} as const satisfies Record<FileKind, z.ZodType>;

export { FILE_KINDS, type FileKind } from '../core/kinds.js';

/** JSON Schema (draft 2020-12) of one kind of file, for editors. */
export function jsonSchema(kind: FileKind): Record<string, unknown> {
  return z.toJSONSchema(schemas[kind], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
