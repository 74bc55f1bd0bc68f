'use client';
// The one form cycle: react-hook-form + the area's zod schema (the server checks the same one) →
// the server action → its field errors next to the fields and its message above them → on success
// a message, an optional next page, and a refresh of the server components.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { markActed } from '@/lib/core/acted';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { applyServerErrors, fieldBinder } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';

/** What a form tells the person after sending: shown by <FormMessage>. */
export type FormMessage = { tone: 'success' | 'error'; text: string } | null;

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (input: unknown) => Promise<ActionResult<T>>;
  /** The success message (none: the next page or the result speaks). */
  success?: string | ((data: T, values: z.output<S>) => string);
  /** Fields the server needs that the person does not type (an id). */
  extra?: Record<string, unknown>;
  /** What the server receives, when it is not the values themselves. */
  toInput?: (values: z.output<S>) => unknown;
  /** The page to go to once it worked (null: stay). */
  redirectTo?: (data: T, values: z.output<S>) => string | null;
  onDone?: (data: T, values: z.output<S>, form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => void | Promise<void>;
  /** false: the page is not refreshed after success (its data would no longer show the result, e.g. a used link). */
  refresh?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(opts.schema as never) as never, defaultValues: opts.defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const res = await opts.action(opts.toInput ? opts.toInput(values) : { ...values, ...opts.extra });
    if (!res.ok) {
      applyServerErrors(res.error, form.setError as never);
      setMessage({ tone: 'error', text: res.error.message });
      return;
    }
    markActed(); // their next pages read the database, whichever server answers (lib/core/acted.ts)
    if (opts.success) setMessage({ tone: 'success', text: typeof opts.success === 'string' ? opts.success : opts.success(res.data, values) });
    await opts.onDone?.(res.data, values, form);
    const next = opts.redirectTo?.(res.data, values);
    if (next) router.push(next);
    if (opts.refresh !== false) router.refresh();
  });
  const errors = form.formState.errors;
  return { form, onSubmit, message, setMessage, errors, field: fieldBinder(form.register, errors), pending: form.formState.isSubmitting };
}
