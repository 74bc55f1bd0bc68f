// « Élèves sans classe » as each role gets it: the whole-collège office (class picker + detach), a
// professeur principal (picker with their classes only, no detach), the Psy-EN (the list only).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UnassignedPupils } from '@/components/classes/UnassignedPupils';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));

const pupils = [{ id: 'p1', name: 'CORNEC Inès', birth: '30/09/2012', level: '3e' }];
const all = [
  { id: 'a', name: '3e A', level: '3e' },
  { id: 'b', name: '3e B', level: '3e' },
];
const DETACH = 'Cet élève ne fait pas partie de mon établissement';

describe('UnassignedPupils', () => {
  it('the office: any class, then « Enregistrer les modifications »; and the detach button', async () => {
    const move = jest.fn().mockResolvedValue({ ok: true, data: { moved: 1 } });
    render(<UnassignedPupils pupils={pupils} classes={all} moveAction={move} detachAction={jest.fn()} />);
    const picker = screen.getByLabelText('Classe de CORNEC Inès');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choisissez une classe', '3e A (3e)', '3e B (3e)']);
    await userEvent.selectOptions(picker, 'b');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(move).toHaveBeenCalledWith({ moves: [{ pupilId: 'p1', classRoomId: 'b' }] }));
    expect(screen.getByRole('button', { name: DETACH })).toBeInTheDocument();
  });

  it('a professeur principal: only their classes, and no detach button (that act is not theirs here)', () => {
    render(<UnassignedPupils pupils={pupils} classes={[all[0]]} moveAction={jest.fn()} />);
    expect(
      within(screen.getByLabelText('Classe de CORNEC Inès'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choisissez une classe', '3e A (3e)']);
    expect(screen.queryByRole('button', { name: DETACH })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Pas de chez nous ?' })).toBeNull();
  });

  it('a PP without any class yet: no picker and no button that would fail', () => {
    render(<UnassignedPupils pupils={pupils} classes={[]} moveAction={jest.fn()} />);
    expect(screen.getByText('CORNEC Inès')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('the Psy-EN: the list only', () => {
    render(<UnassignedPupils pupils={pupils} classes={all} />);
    expect(screen.getByText('CORNEC Inès')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
