// Input schemas for sign-in and password reset.
import { z } from 'zod';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const signInSchema = z.object({
	email,
	password: z.string().min(1).max(1024),
});

export const forgotPasswordSchema = z.object({ email });

export const PASSWORD_MIN = 12;

export const newPassword = z.string().min(PASSWORD_MIN).max(1024);

export const resetPasswordSchema = z
	.object({ password: newPassword, confirm: z.string().min(1).max(1024) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwords_differ' });
