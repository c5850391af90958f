// Input schemas of notifications: a person's choice per optional kind of mail (their settings page).
import { z } from 'zod';
import { type Delivery, deliveriesOf, type NotificationKind, optionalKinds } from '../../domain/notifications.ts';

/** One choice (each, digest, none — as the kind allows) for every optional kind; a missing or unknown choice is refused. */
export const preferencesSchema = z.object(
	Object.fromEntries(optionalKinds.map((kind) => [kind, z.enum(deliveriesOf(kind) as [Delivery, ...Delivery[]])])) as Record<
		NotificationKind,
		z.ZodEnum<Record<Delivery, Delivery>>
	>,
);
export type PreferencesInput = Partial<Record<NotificationKind, Delivery>>;
