import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DuplicateForm } from '@/components/stages/DuplicateForm';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));

const report = {
  created: [{ id: 'c1', date: '2099-12-09' }],
  refused: [{ date: '2099-12-13', reason: 'Un stage ne peut pas avoir lieu un dimanche. Choisissez un autre jour.' }],
  warnings: [],
};

describe('the duplicate form', () => {
  it('sends the dates typed (a removed one left out) and shows which were created and which refused, with why', async () => {
    const action = jest.fn(async () => ({ ok: true as const, data: report }));
    const user = userEvent.setup();
    render(<DuplicateForm action={action} stageId="s1" weekday={3} />);
    fireEvent.input(screen.getByLabelText('Date 1'), { target: { value: '2099-12-09' } });
    await user.click(screen.getByRole('button', { name: 'Ajouter une date' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter une date' }));
    fireEvent.input(screen.getByLabelText('Date 2'), { target: { value: '2099-12-10' } });
    fireEvent.input(screen.getByLabelText('Date 3'), { target: { value: '2099-12-13' } });
    await user.click(screen.getByRole('button', { name: 'Retirer la date 2' }));
    expect(screen.getByLabelText('Date 2')).toHaveValue('2099-12-13');
    await user.click(screen.getByRole('button', { name: 'Dupliquer' }));
    expect(action).toHaveBeenCalledWith({ id: 's1', mode: 'dates', dates: ['2099-12-09', '2099-12-13'], weekday: 3, until: '' });
    expect(await screen.findByText('1 stage créé. 1 date refusée.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Dates refusées' })).toHaveTextContent('dimanche 13 décembre 2099 : Un stage ne peut pas avoir lieu un dimanche.');
    expect(screen.getByRole('link', { name: 'mercredi 9 décembre 2099' })).toHaveAttribute('href', '/stages/c1');
  });

  it('repeats every chosen weekday until a date', async () => {
    const action = jest.fn(async () => ({ ok: true as const, data: { ...report, refused: [] } }));
    const user = userEvent.setup();
    render(<DuplicateForm action={action} stageId="s1" weekday={3} />);
    await user.click(screen.getByLabelText('Chaque semaine, jusqu’à une date'));
    expect(screen.getByLabelText('Tous les')).toHaveValue('3');
    fireEvent.input(screen.getByLabelText('Jusqu’au (inclus)'), { target: { value: '2099-12-30' } });
    await user.click(screen.getByRole('button', { name: 'Dupliquer' }));
    expect(action).toHaveBeenCalledWith(expect.objectContaining({ mode: 'weekly', weekday: 3, until: '2099-12-30', dates: [] }));
  });

  it('asks for the end date of a weekly repetition before calling the server', async () => {
    const action = jest.fn();
    const user = userEvent.setup();
    render(<DuplicateForm action={action} stageId="s1" weekday={3} />);
    await user.click(screen.getByLabelText('Chaque semaine, jusqu’à une date'));
    await user.click(screen.getByRole('button', { name: 'Dupliquer' }));
    expect(await screen.findByText('Indiquez la date de fin de la répétition.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });
});
