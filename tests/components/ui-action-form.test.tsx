// The one form cycle (components/ui/useActionForm): the shared schema first, then the server's
// answer — its field errors next to the fields, its message, the next page, a refresh.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { z } from 'zod';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/Alert';
import { useActionForm } from '@/components/ui/useActionForm';
import type { ActionResult } from '@/lib/core/action-types';

const push = jest.fn();
const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh }) }));

const schema = z.object({ name: z.string().trim().min(1, 'Saisissez le nom de la classe.') });

function Demo({ action, go }: { action: (input: unknown) => Promise<ActionResult<{ id: string }>>; go?: boolean }) {
  const { form, onSubmit, message, errors, pending } = useActionForm({
    schema,
    defaultValues: { name: '' },
    action,
    extra: { id: 'c1' },
    success: (_d, v) => `La classe « ${v.name} » est enregistrée.`,
    redirectTo: go ? (d) => `/classes/${d.id}` : undefined,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Classe">
      <FormMessage message={message} />
      <Field label="Nom" error={errors.name?.message} {...form.register('name')} />
      <button type="submit" disabled={pending}>
        Enregistrer
      </button>
    </form>
  );
}

beforeEach(() => {
  push.mockClear();
  refresh.mockClear();
});

describe('the form cycle', () => {
  it('refuses with the schema’s message before calling the server', async () => {
    const action = jest.fn();
    render(<Demo action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Saisissez le nom de la classe.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors next to the fields and its message, and stays', async () => {
    const action = jest.fn(async () => ({
      ok: false as const,
      error: { code: 'CONFLICT' as const, message: 'Une classe porte déjà ce nom.', fieldErrors: { name: ['Ce nom est déjà pris.'] } },
    }));
    render(<Demo action={action} go />);
    await userEvent.type(screen.getByLabelText('Nom'), '3e A');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Une classe porte déjà ce nom.')).toBeInTheDocument();
    expect(screen.getByText('Ce nom est déjà pris.')).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('sends the values with the extra fields, says it worked, goes to the next page and refreshes', async () => {
    const action = jest.fn(async (_input: unknown) => ({ ok: true as const, data: { id: 'c9' } }));
    render(<Demo action={action} go />);
    await userEvent.type(screen.getByLabelText('Nom'), '3e B');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('status')).toHaveTextContent('La classe « 3e B » est enregistrée.');
    expect(action).toHaveBeenCalledWith({ name: '3e B', id: 'c1' });
    expect(push).toHaveBeenCalledWith('/classes/c9');
    expect(refresh).toHaveBeenCalled();
  });
});
