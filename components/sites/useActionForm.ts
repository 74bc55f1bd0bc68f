'use client';
// react-hook-form + zod + a server action: errors next to the fields, a message, refresh on success.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { applyServerErrors } from '@/components/ui/form';
import type { ActionResult } from '@/lib/core/action-types';

export type Message = { tone: 'success' | 'error'; text: string } | null;

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (input: unknown) => Promise<ActionResult<T>>;
  success: string | ((data: T) => string);
  extra?: Record<string, unknown>;
  onDone?: (data: T, values: z.output<S>) => void;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(opts.schema as never) as never, defaultValues: opts.defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const res = await opts.action({ ...values, ...opts.extra });
    if (!res.ok) {
      applyServerErrors(res.error, form.setError as never);
      setMessage({ tone: 'error', text: res.error.message });
      return;
    }
    setMessage({ tone: 'success', text: typeof opts.success === 'string' ? opts.success : opts.success(res.data) });
    opts.onDone?.(res.data, values);
    router.refresh();
  });
  return { form, onSubmit, message, setMessage };
}
