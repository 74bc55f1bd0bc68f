import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fireEvent } from '@testing-library/react';
import { StageForm, type StageFormProps } from '@/components/stages/StageForm';
import { RULE_MESSAGES } from '@/lib/stages/rules';
import { newStageForm } from '@/lib/stages/schema';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));

const initial = newStageForm('2099-12-02');

function setup(over: Partial<StageFormProps> = {}) {
  const action = jest.fn(async (input: unknown) => ({ ok: true as const, data: { id: 'st1', date: (input as { date: string }).date, warning: null } }));
  render(
    <StageForm
      action={action}
      initial={initial}
      formations={[
        { id: 'f1', type: 'Bac pro', name: 'Métiers de l’électricité', active: true },
        { id: 'f2', type: 'CAP', name: 'Archivée', active: false },
      ]}
      teachers={[{ id: 't1', firstName: 'Paul', lastName: 'Durand', active: true }]}
      zone="B"
      cancelHref="/calendrier"
      {...over}
    />,
  );
  return { action, user: userEvent.setup() };
}

const setDate = (value: string) => fireEvent.input(screen.getByLabelText('Date'), { target: { value } });

beforeEach(() => push.mockClear());

describe('the stage form', () => {
  it('labels every field and offers only active formations', () => {
    setup();
    for (const label of [
      'Formation (filière)',
      'Type de stage',
      'Date',
      'Heure de début',
      'Heure de fin',
      'Détail des horaires',
      'Capacité (places)',
      'Enseignant responsable',
      'Lieu',
      'Description',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(within(screen.getByRole('group', { name: 'Public' })).getByLabelText('3e')).toBeChecked();
    const options = within(screen.getByLabelText('Formation (filière)'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Choisissez la formation…', 'Bac pro Métiers de l’électricité']);
  });

  it('says what is wrong next to each field, in French, without calling the server', async () => {
    const { action, user } = setup();
    setDate('2099-12-06'); // a Sunday
    await user.clear(screen.getByLabelText('Heure de fin'));
    await user.type(screen.getByLabelText('Heure de fin'), '08:00');
    await user.clear(screen.getByLabelText('Capacité (places)'));
    await user.type(screen.getByLabelText('Capacité (places)'), '0');
    await user.click(screen.getByRole('button', { name: 'Publier le stage' }));
    expect(await screen.findByText(RULE_MESSAGES.sunday)).toBeInTheDocument();
    expect(screen.getByText(RULE_MESSAGES.endAfterStart)).toBeInTheDocument();
    expect(screen.getByText(RULE_MESSAGES.capacityMin)).toBeInTheDocument();
    expect(screen.getByText('Choisissez la formation (filière).')).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAttribute('aria-invalid', 'true');
    expect(action).not.toHaveBeenCalled();
  });

  it('warns, without blocking, when the day falls in the school holidays of the lycée’s zone', async () => {
    setup();
    setDate('2026-12-22');
    expect(await screen.findByText(/tombe pendant les vacances scolaires \(Vacances de Noël, zone B\)/)).toBeInTheDocument();
  });

  it('sends the values to the server action and opens the calendar of that month', async () => {
    const { action, user } = setup();
    await user.selectOptions(screen.getByLabelText('Formation (filière)'), 'f1');
    await user.selectOptions(screen.getByLabelText('Enseignant responsable'), 't1');
    await user.click(screen.getByLabelText('4e'));
    await user.type(screen.getByLabelText('Lieu'), 'Atelier B12');
    await user.click(screen.getByRole('button', { name: 'Publier le stage' }));
    expect(action).toHaveBeenCalledWith({
      ...initial,
      formationId: 'f1',
      teacherId: 't1',
      place: 'Atelier B12',
      audience: expect.arrayContaining(['3e', '4e']),
    });
    expect(push).toHaveBeenCalledWith('/calendrier?mois=2099-12&publie=st1');
  });

  it('shows the server’s refusal next to the field it concerns', async () => {
    const message = '3 élèves sont déjà inscrits : la capacité ne peut pas être inférieure à 3.';
    const action = jest.fn(async () => ({ ok: false as const, error: { code: 'CONFLICT' as const, message, fieldErrors: { capacity: [message] } } }));
    const { user } = setup({ action, stageId: 'st9', initial: { ...initial, formationId: 'f1', capacity: 2 } });
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
    expect(screen.getAllByText(message)).toHaveLength(2); // the banner and under « Capacité »
    expect(screen.getByLabelText('Capacité (places)')).toHaveAttribute('aria-invalid', 'true');
    expect(action).toHaveBeenCalledWith(expect.objectContaining({ id: 'st9', capacity: 2 }));
    expect(push).not.toHaveBeenCalled();
  });
});
