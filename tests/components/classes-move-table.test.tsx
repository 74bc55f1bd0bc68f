import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PupilMoveTable } from '@/components/classes/PupilMoveTable';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));

const classes = [
  { id: 'a', name: '3e A' },
  { id: 'b', name: '3e B' },
];
const pupils = [
  { id: 'p1', name: 'MOREL Léa', birth: '04/05/2012', login: 'lea.morel' },
  { id: 'p2', name: 'DURAND Tom', birth: '01/02/2012', login: null },
];

describe('PupilMoveTable', () => {
  it('saves only the changed rows with « Enregistrer les modifications »', async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: { moved: 1 } });
    render(<PupilMoveTable pupils={pupils} classes={classes} currentClassId="a" action={action} />);
    const save = screen.getByRole('button', { name: 'Enregistrer les modifications' });
    expect(save).toBeDisabled();
    await userEvent.selectOptions(screen.getByLabelText('Classe de MOREL Léa'), 'b');
    expect(screen.getByText('1 modification(s) non enregistrée(s)')).toBeInTheDocument();
    await userEvent.click(save);
    await waitFor(() => expect(action).toHaveBeenCalledWith({ moves: [{ pupilId: 'p1', classRoomId: 'b' }] }));
    expect(await screen.findByRole('status')).toHaveTextContent('1 élève(s) changé(s) de classe.');
  });

  it('moves the whole selection at once', async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: { moved: 2 } });
    render(<PupilMoveTable pupils={pupils} classes={classes} currentClassId="a" action={action} />);
    await userEvent.click(screen.getByLabelText('Sélectionner tous les élèves'));
    const bulk = screen.getByRole('group', { name: 'Déplacer la sélection' });
    await userEvent.selectOptions(within(bulk).getByLabelText(/Déplacer les 2 élève/), 'b');
    await userEvent.click(within(bulk).getByRole('button', { name: 'Déplacer la sélection' }));
    await waitFor(() =>
      expect(action).toHaveBeenCalledWith({
        moves: [
          { pupilId: 'p1', classRoomId: 'b' },
          { pupilId: 'p2', classRoomId: 'b' },
        ],
      }),
    );
  });

  it("shows the server's refusal", async () => {
    const action = jest.fn().mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: 'Classe introuvable.' } });
    render(<PupilMoveTable pupils={pupils} classes={classes} currentClassId="a" action={action} />);
    await userEvent.selectOptions(screen.getByLabelText('Classe de DURAND Tom'), 'b');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Classe introuvable.');
  });

  it('says so when the class is empty', () => {
    render(<PupilMoveTable pupils={[]} classes={classes} currentClassId="a" action={jest.fn()} />);
    expect(screen.getByText(/Aucun élève dans cette classe/)).toBeInTheDocument();
  });

  it('reads only without an action (the Psy-EN): names and birth dates, no selection, no class picker, no button, no login', () => {
    render(<PupilMoveTable pupils={pupils} classes={classes} currentClassId="a" />);
    expect(screen.getByRole('link', { name: 'MOREL Léa' })).toHaveAttribute('href', '/etablissement/eleves/p1');
    expect(screen.getByText('04/05/2012')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('lea.morel')).toBeNull();
  });
});
